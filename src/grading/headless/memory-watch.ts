// Measures one grading page's memory while a run goes on, and says when it
// is over the limit, so the grader can stop that run with an out-of-memory
// error (rather than let it time out, or take the machine down). Two
// measures, each with its own bound:
//  - each worker of the page through the DevTools protocol (Target
//    auto-attach, then Runtime.getHeapUsage: the JS heap plus array buffer
//    backing stores; it answers even while a worker spins in a loop): no
//    worker may hold more than the limit. It does not see WebAssembly
//    memories (tfjs's wasm heap), so also:
//  - the growth of the grading browser's renderer processes' resident memory
//    since the run started (Linux, macOS; one grading browser holds one page
//    at a time, so that growth is this run's, wasm included): at most twice
//    the limit, since a run is two realms (the learner's worker, and the
//    check worker that loads the data itself and rebuilds the exports).
// Measured in Chromium 156: a worker with 500 MB of ArrayBuffers reports
// backingStorageSize 500 MB; one with a 524 MB wasm memory reports ~1 KB
// there while its renderer's RSS grows by ~560 MB. The honest solution of
// 13-fashion-mnist peaks at 0.49 GB in one worker and 2.2 GB of renderer
// growth (both realms hold Fashion-MNIST and a tfjs wasm heap).
import type { CDPSession, Page } from 'playwright-core';
import { residentBytes } from './process-memory.ts';
import { settle } from './settle.ts';

export interface MemorySample {
  /** The largest used JS heap + array buffer backing stores of one of the page's workers. */
  workerBytes: number;
  /** Growth of the browser's renderer processes since the watch began; undefined where not measurable. */
  rendererBytes?: number;
}

export interface MemoryWatch {
  /** The largest sample so far. */
  peak(): MemorySample;
  stop(): Promise<void>;
}

export interface WatchOptions {
  limitBytes: number;
  /** Between the end of one sample and the start of the next. */
  intervalMs?: number;
  /** Called once, with the first sample over the limit. */
  onOver(sample: MemorySample): void;
}

const ASK_TIMEOUT_MS = 2000;

/** How far over its bound the sample is, as a fraction (above 1: over the limit). */
export function loadOf(sample: MemorySample, limitBytes: number): number {
  return Math.max(sample.workerBytes / limitBytes, (sample.rendererBytes ?? 0) / (2 * limitBytes));
}

async function rendererPids(browserSession: CDPSession): Promise<number[]> {
  try {
    const info = await settle(browserSession.send('SystemInfo.getProcessInfo'), ASK_TIMEOUT_MS);
    return (info?.processInfo ?? []).filter((p) => p.type === 'renderer').map((p) => p.id);
  } catch {
    return [];
  }
}

export async function watchMemory(page: Page, browserSession: CDPSession, options: WatchOptions): Promise<MemoryWatch> {
  const session = await page.context().newCDPSession(page);
  const workers = new Set<string>();
  const pending = new Map<number, (result: unknown) => void>();
  let nextId = 1;
  session.on('Target.attachedToTarget', (event) => {
    if (event.targetInfo.type === 'worker') workers.add(event.sessionId);
  });
  session.on('Target.detachedFromTarget', (event) => {
    if (event.sessionId) workers.delete(event.sessionId);
  });
  session.on('Target.receivedMessageFromTarget', (event) => {
    try {
      const message = JSON.parse(event.message) as { id?: number; result?: unknown };
      if (message.id !== undefined) pending.get(message.id)?.(message.result);
    } catch {
      // not ours
    }
  });
  // Not flattened: the answers come back as events on this session, which playwright-core lets us read.
  await session.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: false });

  const ask = (sessionId: string, method: string): Promise<unknown> => new Promise((resolve) => {
    const id = nextId++;
    const timer = setTimeout(() => {
      pending.delete(id);
      resolve(undefined);
    }, ASK_TIMEOUT_MS);
    pending.set(id, (result) => {
      clearTimeout(timer);
      pending.delete(id);
      resolve(result);
    });
    session.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method }) }).catch(() => {
      clearTimeout(timer);
      pending.delete(id);
      resolve(undefined);
    });
  });

  const workerBytes = async (): Promise<number> => {
    const usages = await Promise.all([...workers].map((id) => ask(id, 'Runtime.getHeapUsage')));
    return usages.reduce<number>((largest, usage) => {
      const u = usage as { usedSize?: unknown; backingStorageSize?: unknown } | undefined;
      const used = typeof u?.usedSize === 'number' ? u.usedSize : 0;
      const backing = typeof u?.backingStorageSize === 'number' ? u.backingStorageSize : 0;
      return Math.max(largest, used + backing);
    }, 0);
  };
  const rss = async (): Promise<number | undefined> => residentBytes(await rendererPids(browserSession));

  const baseline = await rss();
  let peak: MemorySample = { workerBytes: 0 };
  let stopped = false;
  let over = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let sampling: Promise<void> = Promise.resolve();

  const sample = async (): Promise<void> => {
    const [bytes, now] = await Promise.all([workerBytes(), baseline === undefined ? Promise.resolve(undefined) : rss()]);
    const current: MemorySample = { workerBytes: bytes };
    if (now !== undefined && baseline !== undefined) current.rendererBytes = Math.max(0, now - baseline);
    if (loadOf(current, options.limitBytes) > loadOf(peak, options.limitBytes)) peak = current;
    if (!over && loadOf(current, options.limitBytes) > 1) {
      over = true;
      options.onOver(current);
    }
  };
  const loop = () => {
    if (stopped) return;
    sampling = sample().catch(() => undefined).then(() => {
      if (!stopped) timer = setTimeout(loop, options.intervalMs ?? 200);
    });
  };
  loop();

  return {
    peak: () => peak,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await settle(sampling, ASK_TIMEOUT_MS * 2);
      for (const resolve of pending.values()) resolve(undefined);
      await settle(session.detach(), ASK_TIMEOUT_MS);
    },
  };
}
