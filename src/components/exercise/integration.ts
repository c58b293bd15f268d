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
// Whose CSS imports become injected styles: Monaco's, and the charts' (drawn
// only by client code, so they need their styles only once that code runs).
const LAZY_CSS_IMPORTERS = ['/node_modules/monaco-editor/', '/src/viz/'];
const injector = fileURLToPath(new URL('./monaco-css.ts', import.meta.url));
export const EDITOR_TYPES_FILE = 'editor-types.json';

function monacoCssPlugin() {
  return {
    name: 'course-monaco-css',
    enforce: 'pre' as const,
    resolveId(source: string, importer: string | undefined) {
      if (!importer || !source.endsWith('.css') || !LAZY_CSS_IMPORTERS.some((part) => importer.includes(part))) return null;
      return `${PREFIX}${resolve(dirname(importer), source)}.js`;
    },
    load(id: string) {
      if (!id.startsWith(PREFIX)) return null;
      const file = id.slice(PREFIX.length, -'.js'.length);
      const imports: string[] = [];
      const parts: string[] = [];
      let rest = readFileSync(file, 'utf8');
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
