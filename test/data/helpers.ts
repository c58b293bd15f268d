// Shared by the data tests: where the built data lives, temp copies to
// damage, and a tiny static HTTP server for the browser transport.

import { copyFileSync, mkdirSync, mkdtempSync, readdirSync } from 'node:fs';
import { createReadStream, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DATA_DIR = path.join(ROOT, 'public', 'data');

/** Copies public/data/<name> into a fresh temp data dir; returns that dir. */
export function copyDataset(name: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'data-test-'));
  mkdirSync(path.join(dir, name));
  for (const f of readdirSync(path.join(DATA_DIR, name))) {
    copyFileSync(path.join(DATA_DIR, name, f), path.join(dir, name, f));
  }
  return dir;
}

export interface StaticServer {
  url: string;
  close(): Promise<void>;
  /** Paths requested, in order. */
  requests: string[];
}

/**
 * Serves `root` like a static host. `/spa/...` answers every path with an
 * HTML page and status 200, as single-page-app fallbacks do.
 */
export async function serveDir(root: string): Promise<StaticServer> {
  const requests: string[] = [];
  const server: Server = createServer((req, res) => {
    const urlPath = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    requests.push(urlPath);
    if (urlPath.startsWith('/spa/')) {
      res.writeHead(200, { 'content-type': 'text/html' }).end('<!DOCTYPE html><html><body>app</body></html>');
      return;
    }
    // `/encoded/...` sends the .gz file with Content-Encoding: gzip, as some
    // hosts do, so fetch hands over already-decoded bytes.
    const encoded = urlPath.startsWith('/encoded/');
    const file = path.join(root, path.normalize(encoded ? urlPath.slice('/encoded'.length) : urlPath));
    if (!file.startsWith(root)) return void res.writeHead(403).end();
    let size: number;
    try {
      size = statSync(file).size;
    } catch {
      return void res.writeHead(404, 'Not Found').end('not found');
    }
    const type = file.endsWith('.json') ? 'application/json' : 'application/gzip';
    res.writeHead(200, { 'content-type': type, 'content-length': size, ...(encoded && file.endsWith('.gz') ? { 'content-encoding': 'gzip' } : {}) });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('server has no port');
  return {
    url: `http://127.0.0.1:${address.port}/`,
    requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
