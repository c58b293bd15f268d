// Builds the service worker (src/service-worker/sw.ts) into dist/sw.js, and
// its registration (register.ts) into dist/sw-register.js, after
// everything else has written dist/ (so it must come after Starlight, whose
// Pagefind index is written in the same hook): esbuild bundles it, and
// Serwist's injectManifest fills in the precache list with a revision per
// file. Files over HEAVY_BYTES under _astro/ (Monaco, TensorFlow.js, wasm,
// the sandbox workers) and the editor's type declarations are left out of
// the precache and listed for the worker to cache on first use instead;
// dataset files (data/*/*.gz) are left to the data transport's own cache.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { build } from 'esbuild';
import { injectManifest } from '@serwist/build';
import { REGISTER_FILE, SERVICE_WORKER_FILE } from '../contract/service-worker.ts';

/** Files this large or larger under _astro/ are cached on first use, not precached. */
export const HEAVY_BYTES = 200 * 1024;
const ALWAYS_HEAVY = ['editor-types.json'];
const NOT_PRECACHED = [SERVICE_WORKER_FILE, 'data/*/*.gz'];

/** The heavy files of a built site, as paths relative to it. */
export function heavyFiles(dist: string): string[] {
  const assets = readdirSync(join(dist, '_astro'))
    .filter((name) => statSync(join(dist, '_astro', name)).size >= HEAVY_BYTES)
    .map((name) => `_astro/${name}`);
  return [...assets, ...ALWAYS_HEAVY].sort();
}

const source = (file: string) => fileURLToPath(new URL(`../service-worker/${file}`, import.meta.url));
const bundle = (entry: string, outfile: string, format: 'iife' | 'esm', define: Record<string, string>) =>
  build({ entryPoints: [source(entry)], outfile, bundle: true, format, minify: true, target: 'es2022', define, logLevel: 'warning' });

export function serviceWorker(): AstroIntegration {
  let base = '/';
  return {
    name: 'course-service-worker',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base.replace(/\/?$/, '/');
      },
      'astro:build:done': async ({ dir, logger }) => {
        const dist = fileURLToPath(dir);
        const heavy = heavyFiles(dist);
        const swDest = join(dist, SERVICE_WORKER_FILE);
        await bundle('sw.ts', swDest, 'iife', { __HEAVY_FILES__: JSON.stringify(heavy), 'process.env.NODE_ENV': '"production"' });
        await bundle('register.ts', join(dist, REGISTER_FILE), 'esm', { 'import.meta.env.BASE_URL': JSON.stringify(base) });
        const { count, size, warnings } = await injectManifest({
          swSrc: swDest,
          swDest,
          globDirectory: dist,
          globPatterns: ['**/*'],
          globIgnores: [...NOT_PRECACHED, ...heavy],
          maximumFileSizeToCacheInBytes: HEAVY_BYTES * 10,
          // Content-hashed names need no revision of their own.
          dontCacheBustURLsMatching: /^_astro\//,
        });
        for (const warning of warnings) logger.warn(warning);
        const heavyBytes = heavy.reduce((total, file) => total + statSync(join(dist, file)).size, 0);
        logger.info(
          `${SERVICE_WORKER_FILE}: precaches ${count} files (${(size / 1e6).toFixed(1)} MB), ` +
            `caches ${heavy.length} heavy files (${(heavyBytes / 1e6).toFixed(1)} MB) on first use`,
        );
      },
    },
  };
}
