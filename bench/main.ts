// Bench page: runs learner code in the very Worker the lessons use (through
// client.ts) and collects its events, the time from "Run" to the first
// finished epoch, and what the page can learn about WebGPU adapters.
import { pageDatasets, spareHeapWarmed, spareReady, startRun, warmUp } from '../src/sandbox/browser/client.ts';
import { startLearnerWorker } from '../src/sandbox/browser/start-worker.ts';
import { holdDatasets } from '../src/data/held.ts';
import { browserTransport, DATA_CACHE_NAME } from '../src/data/transports/browser.ts';
import { isWarmedMessage } from '../src/sandbox/browser/warm.ts';
import type { DatasetName } from '../src/contract/locale.ts';
import type { RunEvent, RunRequest } from '../src/contract/protocol.ts';

interface BenchRun {
  events: RunEvent[];
  firstEpochMs?: number;
  totalMs: number;
  /** Run pressed, on the clock the program's steps use (timeOrigin + now). */
  startedAt: number;
}

async function benchRun(request: RunRequest, timeoutMs: number): Promise<BenchRun> {
  const events: RunEvent[] = [];
  const t0 = performance.now();
  const startedAt = performance.timeOrigin + t0;
  let firstEpochMs: number | undefined;
  const handle = startRun(
    request,
    (event) => {
      events.push(event);
      if (firstEpochMs === undefined && event.type === 'show' && event.payload.kind === 'fit-progress' && event.payload.phase === 'epoch') {
        firstEpochMs = performance.now() - t0;
      }
    },
    { timeoutMs },
  );
  await handle.done;
  return { events, firstEpochMs, totalMs: performance.now() - t0, startedAt };
}

/**
 * What an exercise does when it wakes (the panel calls warmUp): returns when
 * the page holds the checked data (`dataMs`) and when the spare workers are
 * ready with it (`readyMs`), both from the call.
 */
async function benchWarm(datasets: DatasetName[]): Promise<{ dataMs: number; readyMs: number; heapMs: number; heapBytes: number; pageLoads: number }> {
  const t0 = performance.now();
  const ready = warmUp({ dataBase: '/data/', datasets });
  let dataMs = 0;
  await Promise.all(datasets.map((name) => pageDatasets()!.get(name))).then(() => (dataMs = performance.now() - t0));
  await ready;
  const readyMs = performance.now() - t0;
  const heapBytes = await spareHeapWarmed();
  return { dataMs, readyMs, heapMs: performance.now() - t0, heapBytes, pageLoads: pageDatasets()!.loads };
}

/** Time until the spare pair is ready again (e.g. after a run ended), and until its heap is written ahead. */
async function benchSpareReady(): Promise<{ readyMs: number; heapMs: number }> {
  const t0 = performance.now();
  await spareReady();
  const readyMs = performance.now() - t0;
  await spareHeapWarmed();
  return { readyMs, heapMs: performance.now() - t0 };
}

/**
 * The parts of "MNIST ready" one at a time, in a page where nothing else
 * runs: the page's load and check of a dataset with no worker starting
 * (`dataMs`: a download on a first visit, Cache Storage on a later one); the
 * gunzip of its files alone (`gunzipMs`); the Cache Storage reads and the
 * sha256 of the kept copies, one file after another (`readMs`, `hashMs`);
 * and one sandbox worker's start until its backend is up, with no data
 * (`workerMs`).
 */
async function benchParts(datasets: DatasetName[]): Promise<{ dataMs: number; gunzipMs: number; readMs: number; hashMs: number; workerMs: number }> {
  let t0 = performance.now();
  const held = holdDatasets(browserTransport('/data/'));
  await Promise.all(datasets.map((name) => held.get(name)));
  const dataMs = performance.now() - t0;
  // gunzip alone: the compressed files (from the HTTP cache now), DecompressionStream one by one.
  let gunzipMs = 0;
  for (const name of datasets) {
    const manifest = (await (await fetch(`/data/${name}/manifest.json`)).json()) as { files: Record<string, { file: string }> };
    for (const { file } of Object.values(manifest.files)) {
      const gz = await (await fetch(`/data/${name}/${file}`)).arrayBuffer();
      t0 = performance.now();
      await new Response(new Blob([gz]).stream().pipeThrough(new DecompressionStream('gzip'))).arrayBuffer();
      gunzipMs += performance.now() - t0;
    }
  }
  let readMs = 0;
  let hashMs = 0;
  const cache = await caches.open(DATA_CACHE_NAME);
  for (const key of await cache.keys()) {
    t0 = performance.now();
    const bytes = await (await cache.match(key))!.arrayBuffer();
    readMs += performance.now() - t0;
    t0 = performance.now();
    await crypto.subtle.digest('SHA-256', bytes);
    hashMs += performance.now() - t0;
  }
  t0 = performance.now();
  const worker = startLearnerWorker();
  await new Promise<void>((resolve) => worker.addEventListener('message', (event) => isWarmedMessage(event.data) && resolve()));
  const workerMs = performance.now() - t0;
  worker.terminate();
  return { dataMs, gunzipMs, readMs, hashMs, workerMs };
}

async function webGpuAdapter(): Promise<string> {
  const gpu = (navigator as Navigator & { gpu?: { requestAdapter(): Promise<{ info?: { isFallbackAdapter?: boolean; vendor?: string; description?: string } } | null> } }).gpu;
  if (!gpu) return 'navigator.gpu is missing';
  const adapter = await gpu.requestAdapter().catch(() => null);
  if (!adapter) return 'requestAdapter() returned null';
  if (adapter.info?.isFallbackAdapter) return `fallback adapter only (${adapter.info.vendor ?? ''} ${adapter.info.description ?? ''})`;
  return 'real';
}

declare global {
  interface Window {
    benchRun: typeof benchRun;
    benchWarm: typeof benchWarm;
    benchSpareReady: typeof benchSpareReady;
    benchParts: typeof benchParts;
    webGpuAdapter: typeof webGpuAdapter;
    benchReady: boolean;
  }
}
window.benchRun = benchRun;
window.benchWarm = benchWarm;
window.benchSpareReady = benchSpareReady;
window.benchParts = benchParts;
window.webGpuAdapter = webGpuAdapter;
window.benchReady = true;
