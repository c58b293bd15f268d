// Bench page: runs learner code in the very Worker the lessons use (through
// client.ts) and collects its events, the time from "Run" to the first
// finished epoch, and what the page can learn about WebGPU adapters.
import { startRun } from '../src/sandbox/browser/client.ts';
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
    webGpuAdapter: typeof webGpuAdapter;
    benchReady: boolean;
  }
}
window.benchRun = benchRun;
window.webGpuAdapter = webGpuAdapter;
window.benchReady = true;
