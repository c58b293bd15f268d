// What a built page costs before any interaction: the stylesheets it links,
// its module scripts and everything they import statically (dynamic import()s
// are the lazy part and are not counted), gzipped.
//
//   node test/browser/support/page-weight.mjs [dist] [page path under base]
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const gz = (buffer) => gzipSync(buffer, { level: 9 }).length;

/** `dist` is the build folder, `base` the site's base path ("/mnist-course/"), `page` a URL path. */
export function pageWeight(dist, base, page) {
  const toFile = (url) => {
    const path = url.startsWith(base) ? url.slice(base.length) : url.replace(/^\//, '');
    return join(dist, path);
  };
  const htmlFile = join(toFile(page), page.endsWith('.html') ? '' : 'index.html');
  const html = readFileSync(htmlFile, 'utf8');
  const css = new Set();
  const js = new Set();
  for (const m of html.matchAll(/<link[^>]+rel="?stylesheet"?[^>]*>/g)) {
    const href = /href="?([^"\s>]+)/.exec(m[0])?.[1];
    if (href) css.add(toFile(href));
  }
  const inlineScripts = [...html.matchAll(/<script(?![^>]*\bsrc=)(?![^>]*application\/(?:json|ld\+json))[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
  const inlineStyles = [...html.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/g)].map((m) => m[1]);
  const queue = [];
  for (const m of html.matchAll(/<script[^>]+src="?([^"\s>]+)/g)) queue.push(toFile(m[1]));
  for (const body of inlineScripts) for (const m of body.matchAll(/(?:import|from)\s*["']([^"']+\.js)["']/g)) queue.push(toFile(m[1]));
  while (queue.length) {
    const file = queue.pop();
    if (js.has(file) || !existsSync(file)) continue;
    js.add(file);
    const body = readFileSync(file, 'utf8');
    // Static imports only: `import"./x.js"`, `import{a}from"./x.js"`, `export*from"./x.js"`.
    for (const m of body.matchAll(/(?:^|[;\s}])(?:import|export)\s*(?:[\w*{}\s,$]+from\s*)?["']([^"']+\.js)["']/g)) {
      queue.push(m[1].startsWith('.') ? resolve(dirname(file), m[1]) : toFile(m[1]));
    }
  }
  const sum = (files) => [...files].reduce((total, f) => total + gz(readFileSync(f)), 0);
  const result = {
    page,
    htmlGzip: gz(Buffer.from(html)),
    cssGzip: sum(css) + inlineStyles.reduce((t, s) => t + gz(Buffer.from(s)), 0),
    jsGzip: sum(js) + inlineScripts.reduce((t, s) => t + gz(Buffer.from(s)), 0),
    cssFiles: [...css].map((f) => f.slice(dist.length)),
    jsFiles: [...js].map((f) => f.slice(dist.length)),
  };
  return { ...result, jsCssGzip: result.cssGzip + result.jsGzip };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dist = resolve(process.argv[2] ?? 'dist');
  const page = process.argv[3] ?? '/mnist-course/';
  const base = page.split('/').length > 2 ? `/${page.split('/')[1]}/` : '/';
  console.log(JSON.stringify(pageWeight(dist, base, page), null, 2));
}
