// The bench's static server: the built bench page and public/data with
// GitHub-Pages-like caching headers (max-age=600 + ETag), counting requests
// and bytes sent. gzip: compress text and wasm on the fly as GitHub Pages
// does (bytes then count what travels); off, files go as they are.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm', '.json': 'application/json', '.css': 'text/css', '.gz': 'application/gzip' };
const COMPRESS = new Set(['.html', '.js', '.wasm', '.json', '.css']);

export function serveBenchSite(siteDir, dataDir, { gzip = false } = {}) {
  const counter = { bytes: 0, dataBytes: 0, requests: 0, manifestRequests: 0 };
  const gzipped = new Map();
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    const file = url.pathname.startsWith('/data/')
      ? path.join(dataDir, url.pathname.slice('/data/'.length))
      : path.join(siteDir, url.pathname === '/' ? 'index.html' : url.pathname);
    if (!file.startsWith(dataDir) && !file.startsWith(siteDir)) return res.writeHead(403).end();
    fs.stat(file, (error, stat) => {
      if (error || !stat.isFile()) return res.writeHead(404).end('not found');
      const etag = `"${stat.size}-${stat.mtimeMs}"`;
      counter.requests += 1;
      if (url.pathname.endsWith('manifest.json')) counter.manifestRequests += 1;
      const ext = path.extname(file);
      const headers = { 'Content-Type': TYPES[ext] ?? 'application/octet-stream', 'Cache-Control': 'max-age=600', ETag: etag };
      if (gzip) headers.Vary = 'Accept-Encoding';
      if (req.headers['if-none-match'] === etag) return res.writeHead(304, headers).end();
      let body = fs.readFileSync(file);
      if (gzip && COMPRESS.has(ext) && /gzip/.test(req.headers['accept-encoding'] ?? '')) {
        if (!gzipped.has(file)) gzipped.set(file, gzipSync(body, { level: 6 }));
        body = gzipped.get(file);
        headers['Content-Encoding'] = 'gzip';
      }
      counter.bytes += body.length;
      if (url.pathname.startsWith('/data/')) counter.dataBytes += body.length;
      res.writeHead(200, { ...headers, 'Content-Length': body.length }).end(body);
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, counter, url: `http://127.0.0.1:${server.address().port}/` })));
}
