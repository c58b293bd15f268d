// What the service worker (src/service-worker/sw.ts), the pages and the build agree on.

/** Cache Storage cache of the heavy code (Monaco, TensorFlow.js, wasm), filled on first use. */
export const HEAVY_CACHE_NAME = 'mnist-course-code';

/** A page's message asking the service worker to cache every heavy file now. */
export const WARM_MESSAGE = 'WARM_HEAVY_FILES';

/** The service worker's file, under the site's base path. */
export const SERVICE_WORKER_FILE = 'sw.js';

/** The module that registers it and shows the update prompt (register.ts, bundled by the build), under the base path. */
export const REGISTER_FILE = 'sw-register.js';
