// What the lesson editor needs from the build, as one Astro integration:
//  - Monaco's CSS (and the charts') becomes JS that injects a <style> when the editor loads.
//    Imported as CSS, Astro would link all ~175 KB of it, render-blocking, on
//    every page that can load an exercise. The virtual ids end in `.js` so the
//    CSS pipeline (lightningcss) never sees them.
//  - `editor-types.json` (tfjs and `course` declarations for intellisense) is
//    written next to the pages at build time and served by `astro dev`.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { buildEditorTypes } from '../../../scripts/build-editor-types.mjs';

const PREFIX = '\0monaco-css:';
/** The part of Vite's plugin context the @import inlining needs. */
interface Resolver { resolve(source: string, importer: string): Promise<{ id: string } | null> }
// Whose CSS imports become injected styles: Monaco's, the charts' (drawn
// only by client code, so they need their styles only once that code runs),
// and the search results' (src/components/search: rendered by the Pagefind UI).
const LAZY_CSS_IMPORTERS = ['/node_modules/monaco-editor/', '/src/viz/', '/src/components/search/'];
// `@import url('…') layer(name);` is inlined (wrapped in that layer): an
// injected <style> would resolve the URL against the page, not the file.
const IMPORT = /@import\s+url\((['"]?)([^'")]+)\1\)\s*(layer\(([\w.-]+)\))?\s*([^;]*);/g;
const injector = fileURLToPath(new URL('./monaco-css.ts', import.meta.url));
export const EDITOR_TYPES_FILE = 'editor-types.json';

function monacoCssPlugin() {
  return {
    name: 'course-monaco-css',
    enforce: 'pre' as const,
    resolveId(source: string, importer: string | undefined) {
      if (!importer || !source.endsWith('.css') || !LAZY_CSS_IMPORTERS.some((part) => importer.includes(part))) return null;
      // A component's own <style> (an Astro virtual module, `?astro&type=style`) stays a stylesheet.
      if (source.includes('?') || importer.includes('.astro')) return null;
      return `${PREFIX}${resolve(dirname(importer), source)}.js`;
    },
    async load(this: Resolver, id: string) {
      if (!id.startsWith(PREFIX)) return null;
      const file = id.slice(PREFIX.length, -'.js'.length);
      const imports: string[] = [];
      const parts: string[] = [];
      let rest = await inlineImports(this, readFileSync(file, 'utf8'), file);
      // Relative url()s (the codicon font) become asset imports so they keep working under `base`.
      for (let m = /url\((['"]?)(\.{1,2}\/[^'")]+)\1\)/.exec(rest); m; m = /url\((['"]?)(\.{1,2}\/[^'")]+)\1\)/.exec(rest)) {
        const name = `u${imports.length}`;
        imports.push(`import ${name} from ${JSON.stringify(resolve(dirname(file), m[2]) + '?url')};`);
        parts.push(JSON.stringify(rest.slice(0, m.index) + 'url('), name, JSON.stringify(')'));
        rest = rest.slice(m.index + m[0].length);
      }
      parts.push(JSON.stringify(rest));
      return `${imports.join('\n')}\nimport { injectMonacoCss } from ${JSON.stringify(injector)};\ninjectMonacoCss(${parts.join(' + ')});\n`;
    },
  };
}

async function inlineImports(context: Resolver, css: string, file: string): Promise<string> {
  let out = '';
  let last = 0;
  for (const m of css.matchAll(IMPORT)) {
    const [statement, , source, , layer, condition] = m;
    if (condition.trim()) throw new Error(`${file}: "${statement}": a lazily injected stylesheet cannot keep an @import condition; move the rules into a @media/@supports block`);
    const resolved = await context.resolve(source, file);
    if (!resolved) throw new Error(`${file}: "${statement}": cannot resolve ${source}; install the package or fix the path`);
    const text = readFileSync(resolved.id.split('?')[0], 'utf8');
    out += css.slice(last, m.index) + (layer ? `@layer ${layer}{${text}}` : text);
    last = m.index + statement.length;
  }
  return out + css.slice(last);
}

export function exerciseEditor(): AstroIntegration {
  let base = '/';
  return {
    name: 'course-exercise-editor',
    hooks: {
      'astro:config:setup'({ config, updateConfig }) {
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
        updateConfig({
          vite: {
            plugins: [monacoCssPlugin()],
            worker: { format: 'es' },
            // The dependency optimizer would bundle Monaco's CSS imports past our plugin.
            optimizeDeps: { exclude: ['monaco-editor'] },
          },
        });
      },
      'astro:server:setup'({ server }) {
        let cached: string | null = null;
        server.middlewares.use((request, response, next) => {
          if (request.url?.split('?')[0] !== `${base}${EDITOR_TYPES_FILE}`) return next();
          cached ??= buildEditorTypes().json;
          response.setHeader('content-type', 'application/json');
          response.end(cached);
        });
      },
      'astro:build:done'({ dir, logger }) {
        const { json, summary } = buildEditorTypes();
        writeFileSync(new URL(EDITOR_TYPES_FILE, dir), json);
        logger.info(`${EDITOR_TYPES_FILE}: ${summary}`);
      },
    },
  };
}
