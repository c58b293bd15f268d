// A Content-Security-Policy <meta> at the top of every built page (GitHub
// Pages sends no headers). Its first job is the sandbox: the learner's worker
// starts from a blob: URL and so inherits this policy
// (src/sandbox/browser/start-worker.ts), which keeps learner code off every
// other origin: fetch, XMLHttpRequest, WebSocket, EventSource (connect-src),
// import() (script-src), fonts (font-src), workers (worker-src). On the pages
// it also refuses injected scripts: every inline script must match a hash,
// computed here from the built HTML, so Starlight's own inline scripts are
// covered whatever their text (Astro's `security.csp` hashes only the scripts
// Astro bundles). 'unsafe-eval' runs learner code (an AsyncFunction wrapper),
// 'wasm-unsafe-eval' tfjs's and Pagefind's wasm; styles stay open
// ('unsafe-inline': Monaco, D3 and Starlight set them at run time). A meta
// policy cannot carry frame-ancestors or report-to. `astro dev` has none.
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

const DIRECTIVES = [
  "default-src 'self'",
  "connect-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "worker-src 'self' blob:",
  "style-src 'self' 'unsafe-inline'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
];
const SCRIPT_SOURCES = ["'self'", "'unsafe-eval'", "'wasm-unsafe-eval'"];

const SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;
const EXECUTABLE_TYPE = /^\s*(module|text\/javascript|application\/javascript)?\s*$/i;

/** The sha256 sources of the page's inline scripts (data blocks such as JSON are not scripts). */
export function inlineScriptHashes(html: string): string[] {
  const hashes = new Set<string>();
  for (const [, attributes, body] of html.matchAll(SCRIPT)) {
    if (/\ssrc\s*=/i.test(attributes)) continue;
    const type = /\stype\s*=\s*["']?([^"'\s>]*)/i.exec(attributes)?.[1] ?? '';
    if (!EXECUTABLE_TYPE.test(type)) continue;
    hashes.add(`'sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}'`);
  }
  return [...hashes].sort();
}

export function policyFor(html: string): string {
  return [...DIRECTIVES, `script-src ${[...SCRIPT_SOURCES, ...inlineScriptHashes(html)].join(' ')}`].join('; ');
}

/**
 * The page with its policy before anything it governs: right after
 * `<meta charset>` (which must stay within the first 1024 bytes), else first
 * in <head>.
 */
export function withPolicy(html: string): string {
  if (/http-equiv=["']?content-security-policy/i.test(html)) throw new Error('a page already has a Content-Security-Policy <meta>');
  const anchor = /<meta\s+charset\b[^>]*>/i.exec(html) ?? /<head\b[^>]*>/i.exec(html);
  if (!anchor) throw new Error('a page has no <head>');
  const meta = `<meta http-equiv="Content-Security-Policy" content="${policyFor(html)}">`;
  const at = anchor.index + anchor[0].length;
  return html.slice(0, at) + meta + html.slice(at);
}

function htmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return htmlFiles(path);
    return name.endsWith('.html') ? [path] : [];
  });
}

export function contentSecurityPolicy(): AstroIntegration {
  return {
    name: 'course-content-security-policy',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const pages = htmlFiles(fileURLToPath(dir));
        for (const page of pages) writeFileSync(page, withPolicy(readFileSync(page, 'utf8')));
        logger.info(`Content-Security-Policy <meta> on ${pages.length} pages`);
      },
    },
  };
}
