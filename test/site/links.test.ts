import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { distDir, listFiles, loadBuiltSite, type BuiltSite } from './built-site.ts';

// Every internal URL in the built site must reach a file under the base path,
// and nothing may load from another host (the course works offline and
// without third-party requests once it is served).

let site: BuiltSite;
beforeAll(() => {
  site = loadBuiltSite();
});

// The host the site is deployed to, if the build knew it (SITE): URLs to it count as internal.
const siteOrigin = process.env.SITE ? new URL(process.env.SITE).origin : undefined;
const ignoredSchemes = /^(?:mailto|tel|javascript|data|blob):/i;

/** Every URL a page points at, with where it was found. */
function urlsOf(doc: Document, notFoundPage: boolean): { url: string; where: string }[] {
  const found: { url: string; where: string }[] = [];
  for (const element of doc.querySelectorAll('[href], [src], [srcset], [poster]')) {
    const tag = element.tagName.toLowerCase();
    // The 404 page's canonical and hreflang links name /404/ and /en/404/,
    // which are served by 404.html rather than by files of their own.
    if (notFoundPage && tag === 'link' && /canonical|alternate/.test(element.getAttribute('rel') ?? '')) continue;
    for (const attribute of ['href', 'src', 'poster'] as const) {
      const value = element.getAttribute(attribute);
      if (value !== null) found.push({ url: value.trim(), where: `<${tag} ${attribute}>` });
    }
    for (const candidate of element.getAttribute('srcset')?.split(',') ?? []) {
      const url = candidate.trim().split(/\s+/)[0];
      if (url) found.push({ url, where: `<${tag} srcset>` });
    }
  }
  return found;
}

/** Why an internal URL on `page` is broken, or undefined if it reaches a file. */
function brokenReason(page: string, url: string, base: string): string | undefined {
  const resolved = new URL(url, `http://site.invalid${base}${page}`);
  if (!resolved.pathname.startsWith(base)) return `outside the base path ${base}`;
  const path = decodeURIComponent(resolved.pathname.slice(base.length));
  const file = join(distDir, path);
  if (path === '' || path.endsWith('/')) return existsSync(join(file, 'index.html')) ? undefined : `no ${path}index.html in dist`;
  if (existsSync(file)) return statSync(file).isDirectory() && !existsSync(join(file, 'index.html')) ? `${path} is a folder without index.html` : undefined;
  return `no ${path} in dist`;
}

function isInternal(url: string): boolean {
  if (url === '' || url.startsWith('#') || ignoredSchemes.test(url)) return false;
  if (/^(?:https?:)?\/\//i.test(url)) return siteOrigin !== undefined && new URL(url, 'https://x.invalid').origin === siteOrigin;
  return true;
}

describe('links and assets', () => {
  it('every internal href/src in every page resolves to a file in dist under the base path', () => {
    const broken: string[] = [];
    let checked = 0;
    for (const page of site.htmlFiles) {
      for (const { url, where } of urlsOf(site.parse(page), page === '404.html')) {
        if (!isInternal(url)) continue;
        const internal = siteOrigin && /^https?:/i.test(url) ? new URL(url).pathname : url;
        checked++;
        const reason = brokenReason(page, internal, site.base);
        if (reason) broken.push(`${page}: ${where} ${url} (${reason})`);
      }
    }
    expect(checked).toBeGreaterThan(site.htmlFiles.length);
    expect(broken, `broken internal links:\n${broken.join('\n')}`).toEqual([]);
  });

  it('every url() in the built CSS resolves to a file in dist', () => {
    const broken: string[] = [];
    for (const sheet of listFiles(distDir, '.css')) {
      const css = readFileSync(join(distDir, sheet), 'utf8');
      for (const [, quoted, bare] of css.matchAll(/url\(\s*(?:(["'])(.*?)\1|([^)'"]*))\s*\)/g).map((m) => [m[0], m[2], m[3]])) {
        const url = (quoted ?? bare ?? '').trim().replace(/[?#].*$/, '');
        if (!isInternal(url)) continue;
        const reason = brokenReason(sheet, url, site.base);
        if (reason) broken.push(`${sheet}: url(${url}) (${reason})`);
      }
    }
    expect(broken, `broken CSS references:\n${broken.join('\n')}`).toEqual([]);
  });
});

describe('no CDN', () => {
  const knownCdns = /\b(?:cdn\.jsdelivr\.net|unpkg\.com|cdnjs\.cloudflare\.com|fonts\.googleapis\.com|fonts\.gstatic\.com|esm\.sh|cdn\.skypack\.dev|ajax\.googleapis\.com)\b/i;

  it('no page loads a script, stylesheet, font or module from another host', () => {
    const offending: string[] = [];
    const external = (url: string) => /^(?:https?:)?\/\//i.test(url) && !isInternal(url);
    for (const page of site.htmlFiles) {
      const doc = site.parse(page);
      for (const script of doc.querySelectorAll('script[src]')) {
        const src = script.getAttribute('src')!;
        if (external(src)) offending.push(`${page}: <script src="${src}">`);
      }
      for (const link of doc.querySelectorAll('link[href]')) {
        const rel = (link.getAttribute('rel') ?? '').toLowerCase();
        const href = link.getAttribute('href')!;
        if (/stylesheet|preload|modulepreload|prefetch|preconnect|dns-prefetch|icon|manifest/.test(rel) && external(href)) {
          offending.push(`${page}: <link rel="${rel}" href="${href}">`);
        }
      }
      for (const style of doc.querySelectorAll('style')) {
        for (const match of style.textContent!.matchAll(/(?:@import\s+(?:url\()?|url\()\s*["']?((?:https?:)?\/\/[^"')\s]+)/gi)) {
          if (external(match[1]!)) offending.push(`${page}: <style> ${match[1]}`);
        }
      }
      for (const script of doc.querySelectorAll('script:not([src])')) {
        for (const match of script.textContent!.matchAll(/(?:import\s*\(\s*|from\s*|importScripts\(\s*)["']((?:https?:)?\/\/[^"']+)/g)) {
          if (external(match[1]!)) offending.push(`${page}: inline <script> imports ${match[1]}`);
        }
      }
    }
    for (const sheet of listFiles(distDir, '.css')) {
      for (const match of readFileSync(join(distDir, sheet), 'utf8').matchAll(/(?:@import\s+(?:url\()?|url\()\s*["']?((?:https?:)?\/\/[^"')\s]+)/gi)) {
        if (external(match[1]!)) offending.push(`${sheet}: ${match[1]}`);
      }
    }
    for (const module of listFiles(distDir, '.js')) {
      for (const match of readFileSync(join(distDir, module), 'utf8').matchAll(/(?:import\s*\(\s*|\bfrom\s*|importScripts\(\s*)["'`]((?:https?:)?\/\/[^"'`]+)/g)) {
        if (external(match[1]!)) offending.push(`${module}: imports ${match[1]}`);
      }
    }
    expect(offending, `references to other hosts:\n${offending.join('\n')}`).toEqual([]);
  });

  it('no built HTML, CSS or JS names a well-known CDN host', () => {
    const offending = [...site.htmlFiles, ...listFiles(distDir, '.css'), ...listFiles(distDir, '.js')].filter((file) =>
      knownCdns.test(readFileSync(join(distDir, file), 'utf8')),
    );
    expect(offending, `files naming a CDN: ${offending.join(', ')}`).toEqual([]);
  });
});
