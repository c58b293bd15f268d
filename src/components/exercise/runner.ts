// Starts runs in the sandbox worker (src/sandbox/browser/client.ts).
export { startRun, warmUp, type RunHandle } from '../../sandbox/browser/client.ts';

/** Where the worker finds `<dataset>/manifest.json`, absolute so a worker can fetch it. */
export function dataBaseUrl(): string {
  return new URL(`${import.meta.env.BASE_URL.replace(/\/?$/, '/')}data/`, location.href).href;
}

/** Under Save-Data the page fetches datasets only when a run needs them, not while the learner reads. */
export function mayPrefetchData(): boolean {
  return !(navigator as Navigator & { connection?: { saveData?: boolean } }).connection?.saveData;
}
