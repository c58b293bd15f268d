// The course's service worker (Serwist), built by src/integrations/service-worker.ts
// into dist/sw.js at the site's base path. After the first visit the site
// works with no network:
// - the shell (every page, its CSS and small scripts, fonts, search index,
//   dataset manifests) is precached when the worker installs;
// - the heavy code (Monaco, TensorFlow.js and its wasm, the sandbox workers)
//   is cached on first use, and a page warms it while the learner reads
//   (WARM_MESSAGE), so the first install stays small;
// - dataset files are not cached here: the data transport keeps its own
//   checked copies (src/data/transports/browser.ts).
// A new version waits until the learner accepts the update prompt
// (register.ts), so one page never mixes two versions' files.
import { CacheFirst, Serwist, type PrecacheEntry } from 'serwist';
import { HEAVY_CACHE_NAME, WARM_MESSAGE } from '../contract/service-worker.ts';

declare const self: ServiceWorkerGlobalScope & { __SW_MANIFEST: (PrecacheEntry | string)[] };
/** The heavy files of this build, relative to this script; set by the build (esbuild define). */
declare const __HEAVY_FILES__: string[];

const heavyUrls = new Set(__HEAVY_FILES__.map((file) => new URL(file, self.location.href).href));
// Heavy files have content-hashed names (or change with the build): a cached copy never goes stale.
const heavy = new CacheFirst({ cacheName: HEAVY_CACHE_NAME });

const serwist = new Serwist({
  precacheEntries: self.__SW_MANIFEST,
  precacheOptions: { cleanupOutdatedCaches: true },
  skipWaiting: false,
  clientsClaim: true,
  runtimeCaching: [{ matcher: ({ url }) => heavyUrls.has(url.href), handler: heavy }],
});

self.addEventListener('message', (event) => {
  if (event.data?.type !== WARM_MESSAGE) return;
  const warmed = Promise.allSettled([...heavyUrls].map((url) => heavy.handle({ request: new Request(url), event })));
  event.waitUntil(warmed);
  // Answers on the port, if the page sent one: how many files are in the cache now.
  void warmed.then((results) => event.ports[0]?.postMessage(results.filter((r) => r.status === 'fulfilled').length));
});

// Heavy files of earlier versions go once this version takes over.
self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(HEAVY_CACHE_NAME);
      for (const request of await cache.keys()) if (!heavyUrls.has(request.url)) await cache.delete(request);
    })(),
  );
});

serwist.addEventListeners();
