// What the lesson editor needs from the build, as one Astro integration:
//  - Monaco's CSS (and the charts' and search results') loads with the code
//    that needs it (lazy-css.ts), not linked, render-blocking, on every page.
//  - `editor-types.json` (tfjs and `course` declarations for intellisense) is
//    written next to the pages at build time and served by `astro dev`.
import { writeFileSync } from 'node:fs';
import type { AstroIntegration } from 'astro';
import { buildEditorTypes } from './editor-types.mjs';
import { lazyCss } from './lazy-css.ts';

export const EDITOR_TYPES_FILE = 'editor-types.json';

export function exerciseEditor(): AstroIntegration {
  let base = '/';
  return {
    name: 'course-exercise-editor',
    hooks: {
      'astro:config:setup'({ config, updateConfig }) {
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
        updateConfig({
          vite: {
            plugins: [lazyCss()],
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
