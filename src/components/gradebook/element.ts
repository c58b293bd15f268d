// <course-gradebook>: the teacher drops submission files, a folder or a zip
// (or chooses them), and the page grades them one or two at a time in Web
// Workers (grading/browser/run-in-browser.ts), then shows the results and
// offers the CSV and JSON reports, byte for byte what `npm run grade` writes
// for the same files. It also exposes the automation `npm run grade` drives.
import type { Locale } from '../../contract/locale.ts';
import { browserCatalog } from '../../grading/browser/catalog.ts';
import { startBrowserRun, type BrowserRun } from '../../grading/browser/run-in-browser.ts';
import { toCsv } from '../../grading/grader/csv.ts';
import { gradeSubmissions, readSubmissions, type SubmissionText } from '../../grading/grader/grade-submissions.ts';
import { serializeJsonReport, toJsonReport } from '../../grading/grader/json-report.ts';
import type { GradingOutcome, Runner } from '../../grading/grader/types.ts';
import { downloadText } from '../exercise/download.ts';
import { dataBaseUrl } from '../exercise/runner.ts';
import { exposeAutomation } from './automation.ts';
import { collectChosen, collectDropped } from './collect-files.ts';
import { renderResults, summaryText } from './render-results.ts';
import { gradebookText as t } from './strings.ts';

/** One run at a time on small machines, two where there are cores to spare. */
export const pageJobs = (): number => ((navigator.hardwareConcurrency ?? 2) >= 4 ? 2 : 1);

const STOPPED = { kind: 'stopped' as const, message: 'Grading was stopped before this submission finished.' };

class CourseGradebook extends HTMLElement {
  #locale: Locale = 'ko';
  #versions: Record<string, string> = {};
  #outcome: GradingOutcome | undefined;
  #running = false;
  #stopping = false;
  #active = new Set<BrowserRun>();

  connectedCallback(): void {
    this.#locale = this.dataset.locale === 'en' ? 'en' : 'ko';
    this.#versions = JSON.parse(this.#part('versions').textContent ?? '{}') as Record<string, string>;
    exposeAutomation(this.#versions);
    const drop = this.#part('drop');
    drop.addEventListener('dragover', (event) => {
      event.preventDefault();
      drop.dataset.over = 'true';
    });
    drop.addEventListener('dragleave', () => delete drop.dataset.over);
    drop.addEventListener('drop', (event) => {
      event.preventDefault();
      delete drop.dataset.over;
      if (event.dataTransfer) void this.start(collectDropped(event.dataTransfer));
    });
    for (const action of ['files', 'folder']) {
      const input = this.querySelector<HTMLInputElement>(`input[data-action="${action}"]`)!;
      input.addEventListener('change', () => {
        if (input.files && input.files.length > 0) void this.start(collectChosen(input.files));
        input.value = '';
      });
    }
    this.#action('stop').addEventListener('click', () => this.stop());
    this.#action('csv').addEventListener('click', () => this.download('csv'));
    this.#action('json').addEventListener('click', () => this.download('json'));
    this.querySelector('select[data-action="lang"]')!.addEventListener('change', () => this.show());
    this.dataset.state = 'ready';
  }

  #part(name: string): HTMLElement {
    return this.querySelector<HTMLElement>(`[data-part="${name}"]`)!;
  }

  #action(name: string): HTMLButtonElement {
    return this.querySelector<HTMLButtonElement>(`button[data-action="${name}"]`)!;
  }

  /** --lang: the report's one language (the page's until the teacher picks another). */
  #messageLang(): Locale {
    const value = this.querySelector<HTMLSelectElement>('select[data-action="lang"]')!.value;
    return value === 'ko' || value === 'en' ? value : this.#locale;
  }

  status(text: string): void {
    this.#part('status').textContent = text;
  }

  async start(collecting: Promise<SubmissionText[]>): Promise<void> {
    if (this.#running) return;
    this.#running = true;
    this.#stopping = false;
    this.dataset.state = 'grading';
    this.#action('stop').hidden = false;
    this.#part('downloads').hidden = true;
    this.#part('results').replaceChildren();
    try {
      this.status(t(this.#locale, 'reading', { count: 0 }));
      const texts = await collecting;
      if (texts.length === 0) {
        this.status(t(this.#locale, 'noFiles'));
        return;
      }
      this.status(t(this.#locale, 'reading', { count: texts.length }));
      const catalog = browserCatalog(this.#versions);
      const read = readSubmissions(texts, catalog);
      this.status(t(this.#locale, 'grading', { done: 0, total: read.valid.length }));
      this.#outcome = await gradeSubmissions(read, catalog, this.runner(), {
        jobs: pageJobs(),
        memoryMb: 0,
        dataBase: dataBaseUrl(),
        onGraded: (done, total) => this.status(t(this.#locale, 'grading', { done, total })),
      });
      this.show();
      this.#part('downloads').hidden = false;
      this.status(`${this.#stopping ? `${t(this.#locale, 'stopped')} ` : ''}${summaryText(this.#outcome, this.#locale)}`);
    } finally {
      this.#running = false;
      this.#action('stop').hidden = true;
      this.dataset.state = 'done';
    }
  }

  /** runInBrowser, plus Stop: runs still going end as stopped, runs not started never start. */
  runner(): Runner {
    return async (request, limits) => {
      if (this.#stopping) return { runId: request.runId, events: [], console: [], shows: [], checks: [], ok: false, error: STOPPED };
      const run = startBrowserRun(request, limits);
      this.#active.add(run);
      try {
        return await run.report;
      } finally {
        this.#active.delete(run);
      }
    };
  }

  stop(): void {
    this.#stopping = true;
    for (const run of this.#active) run.stop(STOPPED);
  }

  show(): void {
    if (this.#outcome) this.#part('results').replaceChildren(renderResults(this.#outcome, this.#messageLang(), this.#locale));
  }

  download(kind: 'csv' | 'json'): void {
    if (!this.#outcome) return;
    // As the command line with --lang: every message in one language.
    const lang = this.#messageLang();
    if (kind === 'csv') downloadText('grades.csv', toCsv(this.#outcome, lang), 'text/csv;charset=utf-8');
    else downloadText('grades.json', serializeJsonReport(toJsonReport(this.#outcome, lang)), 'application/json');
  }
}

customElements.define('course-gradebook', CourseGradebook);
