// A bare page exposing the real browser client to the test through window.
import { spareHeapWarmed, startRun, warmUp } from '../../../src/sandbox/browser/client.ts';
import type { DatasetName } from '../../../src/contract/locale.ts';
import type { RunEvent, RunRequest } from '../../../src/contract/protocol.ts';

declare global {
  interface Window {
    runSandbox(request: RunRequest, timeoutMs: number, stopAfterMs?: number): Promise<RunEvent[]>;
    /** What a waking exercise does (warmUp); resolves with the bytes of wasm heap the spare wrote ahead. */
    warmSandbox(datasets: DatasetName[]): Promise<number>;
    sandboxReady: boolean;
  }
}

window.runSandbox = (request, timeoutMs, stopAfterMs) =>
  new Promise((resolve) => {
    const events: RunEvent[] = [];
    const handle = startRun(request, (event) => events.push(event), { timeoutMs });
    if (stopAfterMs !== undefined) {
      // Stop once training is under way, so the stop lands mid-fit.
      const poll = setInterval(() => {
        if (events.some((e) => e.type === 'show' && e.payload.kind === 'fit-progress' && e.payload.phase !== 'begin')) {
          clearInterval(poll);
          setTimeout(() => handle.stop(), stopAfterMs);
        }
      }, 20);
      void handle.done.then(() => clearInterval(poll));
    }
    void handle.done.then(() => resolve(events));
  });
window.warmSandbox = async (datasets) => {
  await warmUp({ dataBase: '/data/', datasets });
  return spareHeapWarmed();
};
window.sandboxReady = true;
