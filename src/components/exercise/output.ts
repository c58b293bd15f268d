// The panel's output: the status line next to Run (the run's phase, then its
// verdict) and the output pane: streamed console, live training charts,
// pictures from show.*, the error and the check results.
import type { Locale } from '../../contract/locale.ts';
import type { CheckResult, LearnerError } from '../../contract/protocol.ts';
import type { FitProgressPayload, ShowPayload } from '../../contract/show.ts';
import { createLiveHistory, renderShow, sameHistory, type LiveHistory, type Rendered } from '../../viz/index.ts';
import type { PhaseWords } from './run-phase.ts';
import { text } from './strings.ts';

/** Lines kept on the page; the worker has its own, larger cap. */
const CONSOLE_LINES = 2000;
/** Main-thread time per animation frame spent drawing training progress. */
const FRAME_BUDGET_MS = 8;

function part(root: HTMLElement, name: string): HTMLElement {
  const element = root.querySelector<HTMLElement>(`[data-part="${name}"]`);
  if (!element) throw new Error(`<course-exercise>: missing [data-part="${name}"]; Exercise.astro and output.ts disagree`);
  return element;
}

export class Output {
  readonly #locale: Locale;
  readonly #status: HTMLElement;
  readonly #console: HTMLElement;
  readonly #live: HTMLElement;
  readonly #shows: HTMLElement;
  readonly #error: HTMLElement;
  readonly #checks: HTMLElement;
  readonly #empty: HTMLElement;
  readonly #phase = { words: document.createElement('span'), detail: document.createElement('span'), bar: document.createElement('progress') };
  readonly #onLine: (line: number) => void;
  #lines = 0;
  #truncated = false;
  #histories = new Map<number, { live: LiveHistory; holder: HTMLElement }>();
  #pictures: Rendered<ShowPayload>[] = [];
  #pendingFit: FitProgressPayload[] = [];
  #frame: number | null = null;

  constructor(root: HTMLElement, locale: Locale, onLine: (line: number) => void) {
    this.#locale = locale;
    this.#status = part(root, 'status');
    this.#console = part(root, 'console');
    this.#live = part(root, 'live');
    this.#shows = part(root, 'shows');
    this.#error = part(root, 'error');
    this.#checks = part(root, 'checks');
    this.#empty = part(root, 'output-empty');
    this.#empty.hidden = false;
    this.#onLine = onLine;
    // Numbers change many times a second: shown, but only the words are announced.
    this.#phase.detail.setAttribute('aria-hidden', 'true');
    this.#phase.bar.setAttribute('aria-hidden', 'true');
    this.#phase.bar.max = 1;
    this.#phase.bar.className = 'exercise-phase-bar';
  }

  reset(): void {
    if (this.#frame !== null) cancelAnimationFrame(this.#frame);
    this.#frame = null;
    this.#pendingFit = [];
    this.#console.textContent = '';
    this.#console.hidden = true;
    this.#lines = 0;
    this.#truncated = false;
    for (const { live } of this.#histories.values()) live.destroy();
    this.#histories.clear();
    this.#empty.hidden = true;
    for (const picture of this.#pictures) picture.destroy();
    this.#pictures = [];
    this.#live.replaceChildren();
    this.#shows.replaceChildren();
    this.#error.replaceChildren();
    this.#error.hidden = true;
    this.#checks.replaceChildren();
    this.#checks.hidden = true;
  }

  /** What the run is doing now, next to Run. */
  phase({ words, detail, fraction }: PhaseWords): void {
    const { words: said, detail: shown, bar } = this.#phase;
    said.textContent = words;
    shown.textContent = detail ? ` · ${detail}` : '';
    bar.hidden = fraction === undefined;
    bar.value = fraction ?? 0;
    if (said.parentElement !== this.#status) this.#status.replaceChildren(said, shown, bar);
  }

  /** How the run ended, next to Run (the details are in the output pane). */
  verdict(...parts: (Node | string)[]): void {
    this.#status.replaceChildren(...parts);
  }

  /**
   * The run is over: live charts cut short lose their time estimate, and a
   * chart that never got an epoch (Stop during loading) is removed.
   */
  runEnded(): void {
    this.#drainFitProgress(Infinity);
    for (const [fitId, { live }] of this.#histories) {
      if (!live.settle()) this.#dropLive(fitId);
    }
  }

  #dropLive(fitId: number): void {
    const entry = this.#histories.get(fitId);
    if (!entry) return;
    entry.live.destroy();
    entry.holder.remove();
    this.#histories.delete(fitId);
  }

  consoleLine(level: string, line: string): void {
    if (this.#lines >= CONSOLE_LINES) {
      this.truncated(CONSOLE_LINES);
      return;
    }
    this.#lines++;
    const row = document.createElement('span');
    row.className = `exercise-console-${level}`;
    row.textContent = line.endsWith('\n') ? line : `${line}\n`;
    this.#console.append(row);
    this.#console.hidden = false;
    this.#console.scrollTop = this.#console.scrollHeight;
  }

  truncated(limit: number): void {
    if (this.#truncated) return;
    this.#truncated = true;
    const note = document.createElement('span');
    note.className = 'exercise-console-note';
    note.textContent = `${text(this.#locale, 'outputTruncated', { limit })}\n`;
    this.#console.append(note);
    this.#console.hidden = false;
  }

  /**
   * A tiny model can finish hundreds of epochs a second, each one a message
   * and a redraw. Drawing them as they come would starve the page (and its
   * Stop button), so events are drawn on animation frames, a few
   * milliseconds' worth per frame; a batch event already superseded by a
   * later event of the same fit is skipped (begin/epoch/end carry the history
   * and are all drawn).
   */
  fitProgress(payload: FitProgressPayload): void {
    this.#pendingFit.push(payload);
    this.#frame ??= requestAnimationFrame(() => this.#drainFitProgress());
  }

  #drainFitProgress(budgetMs = FRAME_BUDGET_MS): void {
    if (this.#frame !== null) cancelAnimationFrame(this.#frame);
    this.#frame = null;
    const started = performance.now();
    const lastIndex = new Map<number, number>();
    this.#pendingFit.forEach((payload, index) => lastIndex.set(payload.fitId, index));
    let index = 0;
    for (; index < this.#pendingFit.length && performance.now() - started < budgetMs; index++) {
      const payload = this.#pendingFit[index];
      if (payload.phase === 'batch' && lastIndex.get(payload.fitId) !== index) continue;
      this.#drawFitProgress(payload);
    }
    this.#pendingFit = this.#pendingFit.slice(index);
    if (this.#pendingFit.length > 0) this.#frame = requestAnimationFrame(() => this.#drainFitProgress());
  }

  #drawFitProgress(payload: FitProgressPayload): void {
    let entry = this.#histories.get(payload.fitId);
    if (!entry) {
      const holder = document.createElement('div');
      holder.className = 'exercise-live-history';
      this.#live.append(holder);
      entry = { live: createLiveHistory(holder, { locale: this.#locale, title: payload.title }), holder };
      this.#histories.set(payload.fitId, entry);
    }
    entry.live.push(payload);
  }

  /**
   * show.history(history) of a fit the live chart already drew: the
   * learner's chart stays (it is what their code asked for) and the live one
   * goes, so each history is drawn once.
   */
  #dropLiveTwin(series: Record<string, number[]>): void {
    this.#drainFitProgress(Infinity);
    for (const [fitId, { live }] of this.#histories) {
      if (sameHistory(live.series(), series)) return this.#dropLive(fitId);
    }
  }

  show(payload: ShowPayload): void {
    if (payload.kind === 'fit-progress') {
      this.fitProgress(payload);
      return;
    }
    if (payload.kind === 'history') this.#dropLiveTwin(payload.series);
    const holder = document.createElement('div');
    holder.className = 'exercise-show';
    this.#shows.append(holder);
    try {
      this.#pictures.push(renderShow(holder, payload, { locale: this.#locale }));
    } catch (error) {
      holder.textContent = `show.${payload.kind}: ${error instanceof Error ? error.message : String(error)}`;
    }
  }

  error(error: LearnerError): void {
    const box = this.#error;
    box.replaceChildren();
    const heading = document.createElement('p');
    heading.className = 'exercise-error-heading';
    heading.textContent = text(this.#locale, 'errorTitle');
    if (error.line !== undefined) {
      const jump = document.createElement('button');
      jump.type = 'button';
      jump.className = 'exercise-error-line-link';
      jump.textContent = text(this.#locale, 'errorAtLine', { line: error.line });
      jump.addEventListener('click', () => this.#onLine(error.line ?? 1));
      heading.append(' · ', jump);
    }
    box.append(heading);
    if (error.explanation) {
      const friendly = document.createElement('p');
      friendly.className = 'exercise-error-explanation';
      friendly.textContent = error.explanation[this.#locale];
      box.append(friendly);
    }
    // The engine's or tfjs's own words (English) stay one click away, so the
    // page speaks one language.
    const raw = document.createElement('details');
    raw.className = 'exercise-error-raw';
    const summary = document.createElement('summary');
    summary.textContent = text(this.#locale, 'rawMessage');
    const original = document.createElement('pre');
    original.textContent = error.message;
    raw.append(summary, original);
    box.append(raw);
    box.hidden = false;
  }

  /** Lists every check in the output pane; returns the summary, for the status line. */
  checks(results: CheckResult[]): HTMLElement {
    const locale = this.#locale;
    const list = document.createElement('ul');
    list.className = 'exercise-check-list';
    for (const result of results) {
      const item = document.createElement('li');
      item.className = `exercise-check exercise-check-${result.status}`;
      item.dataset.checkId = result.id;
      item.dataset.status = result.status;
      const icon = document.createElement('span');
      icon.className = 'exercise-check-icon';
      icon.setAttribute('aria-hidden', 'true');
      icon.textContent = result.status === 'passed' ? '✓' : result.status === 'failed' ? '✗' : '–';
      const label = document.createElement('span');
      label.className = 'exercise-check-status';
      label.textContent = text(locale, result.status === 'passed' ? 'checkPassed' : result.status === 'failed' ? 'checkFailed' : 'checkNotAttempted');
      const title = document.createElement('strong');
      title.textContent = result.title[locale];
      item.append(icon, ' ', title, ' — ', label);
      if (!result.graded) item.append(` (${text(locale, 'checkAdvice')})`);
      if (result.message) {
        const message = document.createElement('p');
        message.className = 'exercise-check-message';
        message.textContent = result.message[locale];
        item.append(message);
      }
      list.append(item);
    }
    const graded = results.filter((r) => r.graded);
    const passed = graded.filter((r) => r.status === 'passed').length;
    const summary = document.createElement('span');
    summary.className = 'exercise-check-summary';
    summary.dataset.passed = String(passed);
    summary.dataset.total = String(graded.length);
    summary.textContent = graded.length > 0 && passed === graded.length
      ? `${text(locale, 'allPassed')} (${text(locale, 'summary', { passed, total: graded.length })})`
      : text(locale, 'summary', { passed, total: graded.length });
    const heading = document.createElement('p');
    heading.className = 'exercise-checks-heading';
    heading.textContent = text(locale, 'checksTitle');
    this.#checks.replaceChildren(heading, list);
    this.#checks.hidden = false;
    return summary;
  }
}
