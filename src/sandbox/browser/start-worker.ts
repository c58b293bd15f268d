// Starts the sandbox's workers so that they run under the page's
// Content-Security-Policy. A worker started from its own URL takes its CSP
// from its own response headers, which GitHub Pages cannot set; a worker
// started from a blob: URL inherits the policy of the document that made it.
// So each worker is a one-line blob: module that imports the real, bundled
// worker: code in it then cannot connect to, import from or start workers on
// any other origin (astro.config.mjs, `security.csp`). Inside, `location` is
// the blob: URL; the real module's `import.meta.url` is unchanged.
import learnerWorkerUrl from './worker.ts?worker&url';
import checkWorkerUrl from './check-worker.ts?worker&url';

const bootstraps = new Map<string, string>();

/** A module worker whose script imports `scriptUrl` from a blob: URL, under the page's CSP. */
export function startUnderPagePolicy(scriptUrl: string, name: string): Worker {
  const absolute = new URL(scriptUrl, location.href).href;
  let bootstrap = bootstraps.get(absolute);
  if (!bootstrap) {
    // Kept for the page's life: a few bytes, and every new worker reuses it.
    bootstrap = URL.createObjectURL(new Blob([`import ${JSON.stringify(absolute)};\n`], { type: 'text/javascript' }));
    bootstraps.set(absolute, bootstrap);
  }
  return new Worker(bootstrap, { type: 'module', name });
}

/** The learner's realm (worker.ts), which also locks down its own global (lockdown.ts). */
export const startLearnerWorker = (): Worker => startUnderPagePolicy(learnerWorkerUrl, 'sandbox');

/** The check realm (check-worker.ts): our code only, but it fetches data too. */
export const startCheckWorker = (): Worker => startUnderPagePolicy(checkWorkerUrl, 'checks');
