// The JS and CSS a lesson page loads before interaction, gzipped, read from
// the built site (dist/) when it exists: every <script src>, modulepreload and
// stylesheet link in the HTML, plus inline scripts and styles.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const gz = (buf) => zlib.gzipSync(buf, { level: 9 }).length;

export function lessonPageWeight(distDir, lessonPath = 'lessons/09-training/index.html') {
  const file = path.join(distDir, lessonPath);
  if (!fs.existsSync(file)) return { available: false, reason: `${path.relative(process.cwd(), file)} not found (run npm run build first)` };
  const html = fs.readFileSync(file, 'utf8');
  // Hrefs carry the site's base path (e.g. /mnist-course/); dist/ does not.
  const local = (href) => {
    const clean = href.replace(/^\/+/, '').replace(/[?#].*$/, '');
    const direct = path.join(distDir, clean);
    return fs.existsSync(direct) ? direct : path.join(distDir, clean.split('/').slice(1).join('/'));
  };
  const js = new Set(), css = new Set();
  for (const m of html.matchAll(/<script[^>]*\bsrc="([^"]+)"/g)) js.add(m[1]);
  for (const m of html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"|<link[^>]*href="([^"]+)"[^>]*rel="modulepreload"/g)) js.add(m[1] ?? m[2]);
  for (const m of html.matchAll(/<link[^>]*rel="stylesheet"[^>]*href="([^"]+)"|<link[^>]*href="([^"]+)"[^>]*rel="stylesheet"/g)) css.add(m[1] ?? m[2]);
  const size = (hrefs) => [...hrefs].reduce((sum, href) => (fs.existsSync(local(href)) ? sum + gz(fs.readFileSync(local(href))) : sum), 0);
  const inline = (re) => [...html.matchAll(re)].reduce((sum, m) => sum + (m[1].trim() ? gz(Buffer.from(m[1])) : 0), 0);
  return {
    available: true,
    page: lessonPath,
    htmlGzipBytes: gz(Buffer.from(html)),
    jsFiles: js.size,
    jsGzipBytes: size(js) + inline(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g),
    cssFiles: css.size,
    cssGzipBytes: size(css) + inline(/<style[^>]*>([\s\S]*?)<\/style>/g),
  };
}
