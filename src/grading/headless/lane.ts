// One grading lane: its own headless Chromium, running one submission at a
// time, each in a fresh browser context (no storage, cache or worker shared
// with any other learner) on the gradebook page, through the page's own
// browser Runner. Every request of the context, workers included, is
// refused unless it goes to the grader's local server; WebSockets are
// refused outright. A crashed page or browser is that submission's error
// (the browser is started again for the next one); a run over its memory
// limit (memory-watch.ts) is stopped with an out-of-memory error.
import type { Browser, BrowserContext, CDPSession, Page } from 'playwright-core';
import type { LearnerError, RunReport, RunRequest } from '../../contract/protocol.ts';
import type { WithAutomation } from '../browser/automation-api.ts';
import { validRunReport } from '../browser/valid-report.ts';
import { launchChromium } from './launch.ts';
import { settle } from './settle.ts';
import { watchMemory, type MemorySample, type MemoryWatch } from './memory-watch.ts';

const PAGE_LOAD_MS = 120_000;
/** Past the run's own budget and the page runner's grace, the lane gives up on the page. */
const WATCHDOG_GRACE_MS = 60_000;
/** After asking the page to stop a run over its memory limit, wait this long for its report. */
const STOP_GRACE_MS = 10_000;
/** Closing a context or a memory watch; past this the browser is replaced. */
const CLEANUP_MS = 15_000;

const mb = (bytes: number): number => Math.round(bytes / 1024 / 1024);

export function outOfMemory(sample: MemorySample, limitMb: number): LearnerError {
  const overWorker = sample.workerBytes > limitMb * 1024 * 1024;
  const used = overWorker
    ? `one of its workers held about ${mb(sample.workerBytes)} MB, over the limit of ${limitMb} MB`
    : `it grew the browser's memory by about ${mb(sample.rendererBytes ?? 0)} MB, over the run's limit of ${2 * limitMb} MB (twice --memory-mb: learner and check workers)`;
  return {
    kind: 'out-of-memory',
    message: `The run was stopped: ${used}.`,
    explanation: {
      ko: `실행이 메모리 한도(${limitMb} MB)를 넘어서 멈췄습니다. 너무 큰 텐서를 만들지 않았는지, 반복문에서 만든 텐서를 dispose하거나 tf.tidy로 감쌌는지 확인하세요.`,
      en: `The run went over its memory limit (${limitMb} MB) and was stopped. Check for huge tensors, and dispose tensors made in loops (or wrap them in tf.tidy).`,
    },
  };
}

const CRASHED: LearnerError = {
  kind: 'worker-lost',
  message: 'The browser page running this submission crashed (often: it ran out of memory).',
  explanation: {
    ko: '이 제출을 실행하던 브라우저 페이지가 멈췄습니다(대개 메모리 부족). 코드를 읽어 보세요.',
    en: 'The browser page running this submission crashed (usually: out of memory). Read its code.',
  },
};

/** The page could not be set up for the run (it crashed while loading, the browser went…). */
function pageFailed(what: string, error: unknown): LearnerError {
  const why = String((error as Error)?.message ?? error).split('\n')[0];
  return { kind: 'worker-lost', message: `The browser page for this submission ${what} (${why}).` };
}

function unresponsive(timeoutMs: number): LearnerError {
  return { kind: 'timeout', message: `The run did not end within its time budget of ${Math.round(timeoutMs / 100) / 10} s and was stopped.` };
}

export const errorReport = (runId: string, error: LearnerError): RunReport => ({ runId, events: [], console: [], shows: [], checks: [], ok: false, error });

export interface LaneOptions {
  executablePath: string;
  /** e.g. http://127.0.0.1:41234: the only origin the pages may reach. */
  origin: string;
  /** The gradebook page's URL on that origin. */
  gradebookUrl: string;
}

export class Lane {
  readonly #options: LaneOptions;
  #browser: Browser | undefined;
  #browserSession: CDPSession | undefined;
  #closed = false;

  constructor(options: LaneOptions) {
    this.#options = options;
  }

  async #ensureBrowser(): Promise<{ browser: Browser; session: CDPSession }> {
    if (this.#closed) throw new Error('the grader is closing');
    if (!this.#browser?.isConnected()) {
      await this.#browser?.close().catch(() => undefined);
      this.#browser = await launchChromium(this.#options.executablePath);
      this.#browserSession = await this.#browser.newBrowserCDPSession();
    }
    return { browser: this.#browser, session: this.#browserSession! };
  }

  async #route(context: BrowserContext): Promise<void> {
    const { origin } = this.#options;
    // Workers' requests are routed too; anything not for the local server is refused before it leaves.
    await context.route('**/*', (route) => (route.request().url().startsWith(`${origin}/`) ? route.continue() : route.abort('blockedbyclient')));
    await context.routeWebSocket(/.*/, (socket) => socket.close());
  }

  async #load(page: Page): Promise<void> {
    await page.goto(this.#options.gradebookUrl, { waitUntil: 'load', timeout: PAGE_LOAD_MS });
    await page.waitForFunction(() => (window as unknown as WithAutomation).mnistGradebook !== undefined, undefined, { timeout: PAGE_LOAD_MS });
  }

  async run(request: RunRequest, limits: { timeoutMs: number; memoryMb: number }): Promise<RunReport> {
    let browser: Browser;
    let browserSession: CDPSession;
    try {
      ({ browser, session: browserSession } = await this.#ensureBrowser());
    } catch (error) {
      throw new Error(`could not start the browser: ${(error as Error).message}`);
    }
    // Every wait below also ends when the page crashes, the browser goes, or the watchdog fires.
    let over: LearnerError | undefined;
    let resolveEnded!: (error: LearnerError) => void;
    const ended = new Promise<LearnerError>((resolve) => {
      resolveEnded = resolve;
    });
    const onDisconnect = () => resolveEnded(over ?? CRASHED);
    browser.on('disconnected', onDisconnect);
    const watchdog = setTimeout(() => resolveEnded(over ?? unresponsive(limits.timeoutMs)), PAGE_LOAD_MS + limits.timeoutMs + WATCHDOG_GRACE_MS);
    let stopTimer: ReturnType<typeof setTimeout> | undefined;
    let watch: MemoryWatch | undefined;
    let context: BrowserContext | undefined;
    const orEnded = <T>(step: Promise<T>, failed: (error: unknown) => LearnerError): Promise<{ value: T } | { error: LearnerError }> =>
      Promise.race([step.then((value) => ({ value }), (error: unknown) => ({ error: over ?? failed(error) })), ended.then((error) => ({ error }))]);
    try {
      const opened = await orEnded((async () => {
        context = await browser.newContext({ serviceWorkers: 'block', acceptDownloads: false });
        await this.#route(context);
        const page = await context.newPage();
        page.once('crash', onDisconnect);
        await this.#load(page);
        return page;
      })(), (error) => pageFailed('could not be opened', error));
      if ('error' in opened) return errorReport(request.runId, opened.error);
      const page = opened.value;
      // Started (and its baseline taken) before the run.
      const watching = await orEnded(watchMemory(page, browserSession, {
        limitBytes: limits.memoryMb * 1024 * 1024,
        onOver: (sample) => {
          const error = outOfMemory(sample, limits.memoryMb);
          over = error;
          page.evaluate(([id, e]) => (window as unknown as WithAutomation).mnistGradebook?.stop(id, e), [request.runId, error] as const).catch(() => undefined);
          // A page too busy to answer is closed with the run.
          stopTimer = setTimeout(() => resolveEnded(error), STOP_GRACE_MS);
        },
      }), (error) => pageFailed('could not be watched', error));
      if ('error' in watching) return errorReport(request.runId, watching.error);
      watch = watching.value;
      const running = page.evaluate(
        ([r, l]) => (window as unknown as WithAutomation).mnistGradebook!.run(r, l),
        [request, { timeoutMs: limits.timeoutMs }] as const,
      );
      const outcome = await Promise.race([
        // A page that goes away mid-run rejects; its crash (or the limit) is the reason.
        running.then((report): { report: unknown } => ({ report }), (): { error: LearnerError } => ({ error: over ?? CRASHED })),
        ended.then((error) => ({ error })),
      ]);
      if ('error' in outcome) return errorReport(request.runId, outcome.error);
      const report = validRunReport(outcome.report, request.runId);
      // The page says "stopped" when our stop ended the run: the limit is the reason.
      if (over && (report.error === undefined || report.error.kind === 'stopped')) report.error = over;
      return report;
    } finally {
      clearTimeout(watchdog);
      clearTimeout(stopTimer);
      browser.off('disconnected', onDisconnect);
      await settle(watch?.stop() ?? Promise.resolve(), CLEANUP_MS);
      const closed = context ? await settle(context.close().then(() => true), CLEANUP_MS) : true;
      if (!closed) {
        // A browser that cannot close a context is not trusted with the next learner: start a fresh one.
        await settle(browser.close(), CLEANUP_MS);
        if (this.#browser === browser) this.#browser = undefined;
      }
    }
  }

  async close(): Promise<void> {
    this.#closed = true;
    await this.#browser?.close().catch(() => undefined);
    this.#browser = undefined;
  }
}
