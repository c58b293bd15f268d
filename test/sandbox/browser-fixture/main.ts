// A bare page exposing the real browser client to the test through window.
import { startRun } from '../../../src/sandbox/browser/client.ts';
import type { RunEvent, RunRequest } from '../../../src/contract/protocol.ts';

declare global {
  interface Window {
    runSandbox(request: RunRequest, timeoutMs: number, stopAfterMs?: number): Promise<RunEvent[]>;
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
window.sandboxReady = true;
