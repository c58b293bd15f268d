// Bench page: runs learner code in the very Worker the lessons use (through
// client.ts) and collects its events, the time from "Run" to the first
// finished epoch, and what the page can learn about WebGPU adapters.
import { pageDatasets, spareReady, startRun, warmUp } from '../src/sandbox/browser/client.ts';
import type { DatasetName } from '../src/contract/locale.ts';
import type { RunEvent, RunRequest } from '../src/contract/protocol.ts';

interface BenchRun {
  events: RunEvent[];
  firstEpochMs?: number;
  totalMs: number;
}

async function benchRun(request: RunRequest, timeoutMs: number): Promise<BenchRun> {
  const events: RunEvent[] = [];
  const t0 = performance.now();
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
  return { events, firstEpochMs, totalMs: performance.now() - t0 };
}

/**
 * What an exercise does when it wakes (the panel calls warmUp): returns when
 * the page holds the checked data (`dataMs`) and when the spare workers are
 * ready with it (`readyMs`), both from the call.
 */
async function benchWarm(datasets: DatasetName[]): Promise<{ dataMs: number; readyMs: number; pageLoads: number }> {
  const t0 = performance.now();
  const ready = warmUp({ dataBase: '/data/', datasets });
  let dataMs = 0;
  await Promise.all(datasets.map((name) => pageDatasets()!.get(name))).then(() => (dataMs = performance.now() - t0));
  await ready;
  return { dataMs, readyMs: performance.now() - t0, pageLoads: pageDatasets()!.loads };
}

/** Time until the spare pair is ready again (e.g. after a run ended). */
async function benchSpareReady(): Promise<number> {
  const t0 = performance.now();
  await spareReady();
  return performance.now() - t0;
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
    webGpuAdapter: typeof webGpuAdapter;
    benchReady: boolean;
  }
}
window.benchRun = benchRun;
window.benchWarm = benchWarm;
window.benchSpareReady = benchSpareReady;
window.webGpuAdapter = webGpuAdapter;
window.benchReady = true;
