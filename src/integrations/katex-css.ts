// KaTeX's stylesheet, made light for the pages that link it (only pages with
// math import it: remark-katex-css.ts):
//  - Fonts as woff2 only. The CSS lists each of its 20 fonts three times
//    (woff2, woff, ttf); every browser that can run this course (module
//    workers) reads woff2, so the others only add bytes and 40 unused files.
//  - Fonts stay files: inlined as base64 (Vite does that under 4 KB), a font a
//    page may never use would weigh on every page with math.
//  - After the build, rules for constructs no page uses are dropped (katex-purge.ts)
//    and the file gets a name from its new content, so caches never mix an
//    old trimmed copy with new formulas. `astro dev` serves the full file.
import { readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import type { Plugin } from 'vite';
import { classNames, purgeKatex } from './katex-purge.ts';

const KATEX_CSS = /\/katex\/dist\/katex(\.min)?\.css(\?|$)/;
const KATEX_FONTS = '/katex/dist/fonts/';
const FALLBACKS = /,\s*url\([^)]+\.(?:woff|ttf)\)\s*format\("(?:woff|truetype)"\)/g;

function woff2Only(): Plugin {
  return {
    name: 'course-katex-woff2',
    enforce: 'pre',
    config(config) {
      const previous = config.build?.assetsInlineLimit;
      return {
        build: {
          assetsInlineLimit: (file: string, content: Buffer) => {
            if (file.includes(KATEX_FONTS)) return false;
            return typeof previous === 'function' ? previous(file, content) : previous === undefined ? undefined : content.length < previous;
          },
        },
      };
    },
    transform(code, id) {
      if (!KATEX_CSS.test(id)) return null;
      const trimmed = code.replace(FALLBACKS, '');
      if (trimmed === code) throw new Error(`${id}: no woff/ttf font fallbacks found to drop; KaTeX's CSS changed its @font-face format (update src/integrations/katex-css.ts)`);
      return { code: trimmed, map: null };
    },
  };
}

function files(dir: string, ext: string[]): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return files(path, ext);
    return ext.some((e) => name.endsWith(e)) ? [path] : [];
  });
}

/** Purges the built KaTeX rules, renames each changed stylesheet and rewrites the references to it. */
function purgeBuilt(root: string, assets: string): string[] {
  const pages = files(root, ['.html']);
  const used = new Set<string>();
  for (const page of pages) classNames(readFileSync(page, 'utf8'), used);
  const renamed: [string, string][] = [];
  const report: string[] = [];
  for (const css of files(join(root, assets), ['.css'])) {
    const text = readFileSync(css, 'utf8');
    if (!text.includes('.katex')) continue;
    const purged = purgeKatex(text, used);
    if (purged === text) continue;
    const old = basename(css);
    // Astro's asset names are `name.HASH.css`: keep the name, replace the hash.
    const hash = createHash('sha256').update(purged).digest('base64url').slice(0, 8);
    const name = old.replace(/\.[^.]+\.css$/, `.${hash}.css`);
    writeFileSync(css, purged);
    renameSync(css, join(css, '..', name));
    renamed.push([old, name]);
    report.push(`${old} → ${name} (${text.length} → ${purged.length} bytes)`);
  }
  if (renamed.length === 0) return report;
  for (const file of files(root, ['.html', '.js', '.css'])) {
    const text = readFileSync(file, 'utf8');
    let next = text;
    for (const [old, name] of renamed) next = next.replaceAll(old, name);
    if (next !== text) writeFileSync(file, next);
  }
  return report;
}

export function katexCss(): AstroIntegration {
  let assets = '_astro';
  return {
    name: 'course-katex-css',
    hooks: {
      'astro:config:setup'({ updateConfig }) {
        updateConfig({ vite: { plugins: [woff2Only()] } });
      },
      'astro:config:done'({ config }) {
        assets = config.build.assets;
      },
      'astro:build:done'({ dir, logger }) {
        for (const line of purgeBuilt(fileURLToPath(dir), assets)) logger.info(`KaTeX CSS: ${line}`);
      },
    },
  };
}
