// Registers the course's service worker (sw.ts, through Serwist's window
// helper), asks it to cache the heavy code while the learner reads (not
// under Save-Data), and shows the update prompt when a new version waits.
// Every page imports it once loaded (src/components/head/Head.astro); the
// build bundles it into dist/sw-register.js with the site's base path.
import { Serwist } from '@serwist/window';
import { SERVICE_WORKER_FILE, WARM_MESSAGE } from '../contract/service-worker.ts';
import { showUpdatePrompt } from './update-prompt.ts';

const base = import.meta.env.BASE_URL;
const scope = base.endsWith('/') ? base : `${base}/`;
const serwist = new Serwist(`${scope}${SERVICE_WORKER_FILE}`, { scope, type: 'classic' });

serwist.addEventListener('waiting', () => {
  showUpdatePrompt(() => {
    // The new version takes over this tab, then the page reloads on its files.
    serwist.addEventListener('controlling', () => location.reload());
    serwist.messageSkipWaiting();
  });
});

await serwist.register();

const saveData = (navigator as { connection?: { saveData?: boolean } }).connection?.saveData === true;
if (!saveData) {
  const registration = await navigator.serviceWorker.ready;
  const whenIdle = globalThis.requestIdleCallback ?? ((callback: () => void) => setTimeout(callback, 2000));
  whenIdle(() => registration.active?.postMessage({ type: WARM_MESSAGE }));
}
