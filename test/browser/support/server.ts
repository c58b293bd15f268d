// A tiny static server for the built site: serves `dist/` at `base`
// (/mnist-course/), as GitHub Pages would, on a free local port.
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css',
  '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png', '.woff2': 'font/woff2', '.woff': 'font/woff',
  '.ttf': 'font/ttf', '.wasm': 'application/wasm', '.gz': 'application/gzip', '.txt': 'text/plain', '.xml': 'application/xml',
  '.pf_meta': 'application/octet-stream', '.pf_fragment': 'application/octet-stream', '.pf_index': 'application/octet-stream', '.pagefind': 'application/octet-stream',
};

export interface StaticSite {
  /** e.g. http://127.0.0.1:41234/mnist-course/ */
  url: string;
  close(): Promise<void>;
}

export function distFolder(): string {
  const dist = resolve(import.meta.dirname, '../../../dist');
  if (!existsSync(join(dist, 'index.html'))) {
    throw new Error(`${dist} has no built site: run npm run build first (BASE_PATH=/mnist-course/ npx astro build)`);
  }
  return dist;
}

export async function serveDist(dist: string, base = '/mnist-course/'): Promise<StaticSite> {
  const server: Server = createServer((request, response) => {
    const path = decodeURIComponent((request.url ?? '/').split('?')[0]);
    if (!path.startsWith(base)) {
      response.writeHead(404).end('outside base');
      return;
    }
    let file = normalize(join(dist, path.slice(base.length)));
    if (!file.startsWith(dist)) {
      response.writeHead(403).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end(`not found: ${path}`);
      return;
    }
    // Bytes as stored: the .gz datasets are fetched and gunzipped by the page itself.
    response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
    createReadStream(file).pipe(response);
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${base}`,
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}
