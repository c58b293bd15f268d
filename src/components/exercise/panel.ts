// The live exercise panel, mounted by <course-exercise> (element.ts) when it
// is about to be used: editor, draft saving, buttons, runs and their output.
import type { CheckResult, RunEvent } from '../../contract/protocol.ts';
import { saveLastRun } from '../../progress/last-run.ts';
import { clearDraft, markInProgress, readDraft, readStatus, recordStatus, saveDraft } from '../../progress/store.ts';
import { readConfig, type PanelConfig } from './config.ts';
import { clearError, createEditor, markError, replaceAll, monaco, type Editor } from './editor.ts';
import { syncDraft, type DraftSync } from './draft-sync.ts';
import { Output } from './output.ts';
import { dataBaseUrl, mayPrefetchData, startRun, warmUp, type RunHandle } from './runner.ts';
import { loadSolution } from '../../exercises/registry.browser.ts';
import { showStorageWarnings } from './storage-warning.ts';
import { exportSubmission } from './submit.ts';
import { text, type ExerciseStringKey } from './strings.ts';
import { CHECKING, describePhase, nextPhase, PREPARING, type RunPhase } from './run-phase.ts';
import { setUpWorkspace } from './workspace.ts';
import { readSharedCode, shareUrl } from './share-link.ts';

/** The draft a learner had before showing the solution, kept under its own key. */
const beforeSolutionId = (id: string) => `${id}#before-solution`;

class Panel {
  readonly root: HTMLElement;
  readonly config: PanelConfig;
  readonly editor: Editor;
  readonly output: Output;
  readonly drafts: DraftSync;
  readonly startedAt = new Date();
  run: RunHandle | null = null;
  lastResults: CheckResult[] | null = null;
  lastBackend = '';
  lastSeed: number | undefined;
  errorDecorations: string[] = [];
  /** The running run's phase, and how it ended, for the status line next to Run. */
  phase: RunPhase = PREPARING;
  ending: 'stopped' | 'error' | null = null;
  checkSummary: HTMLElement | null = null;
  /** Showing code from a share link: edits are not saved as the draft until the learner keeps it. */
  sharing = false;

  constructor(root: HTMLElement) {
    this.root = root;
    this.config = readConfig(root);
    const { id, starter, starterHash } = this.config;
    // The next run's workers start now, while the learner reads: tfjs and its
    // backend load, and the page loads and checks the exercise's data once and
    // hands the spare workers their copy (src/sandbox/browser/client.ts).
    void warmUp({ dataBase: dataBaseUrl(), datasets: mayPrefetchData() ? (this.config.datasets ?? []) : [] });
    showStorageWarnings(this.part('storage-warning'), this.config.locale);

    const draft = readDraft(id);
    const shared = readSharedCode(location.hash, id);
    const sharedCode = shared && 'code' in shared ? shared.code : null;
    this.sharing = sharedCode !== null;
    const host = this.part('editor');
    this.editor = createEditor({ host, exerciseId: id, value: sharedCode ?? draft?.code ?? starter, ariaLabel: this.t('editorLabel') });
    // The static copy stays in the page as "the current starter", shown on demand.
    this.part('static').hidden = true;
    host.hidden = false;
    if (shared && 'broken' in shared) this.notice(this.t('shareBroken'));
    else if (!this.sharing && draft && draft.code !== starter) this.notice(this.t('draftRestored', { time: new Date(draft.savedAt).toLocaleString(this.config.locale) }));
    if (draft && draft.starterHash !== starterHash) this.offerNewStarter();
    if (this.sharing) this.offerSharedCode();

    this.drafts = syncDraft(id, starterHash, () => this.editor.getValue());
    this.editor.onDidChangeModelContent(() => {
      if (!this.sharing) this.drafts.changed();
      this.errorDecorations = clearError(this.editor, this.errorDecorations);
    });
    // An action, not addCommand: Monaco's commands are global, so with two
    // exercises on a page Ctrl/Cmd+Enter in one editor ran the other's code.
    this.editor.addAction({
      id: `course.run.${id}`,
      label: this.t('run'),
      keybindings: [monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter],
      run: () => void this.start(),
    });
    this.output = new Output(root, this.config.locale, (line) => this.goToLine(line));
    if (readDraft(beforeSolutionId(id))) this.button('restore').hidden = false;
    setUpWorkspace(root, this.config.locale);
    // Run and Stop stay focusable while unavailable (aria-disabled, not
    // disabled): a disabled button drops the keyboard's focus to <body>.
    this.button('stop').disabled = false;
    this.setRunning(false);

    root.addEventListener('click', (event) => {
      const button = (event.target as Element | null)?.closest<HTMLButtonElement>('button[data-action]');
      if (button && root.contains(button)) void this.perform(button.dataset.action ?? '');
    });
    // Ctrl/Cmd+Enter also works from the panel's buttons and output, not only the editor.
    root.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' && (event.ctrlKey || event.metaKey) && !this.editor.hasTextFocus()) {
        event.preventDefault();
        void this.start();
      }
    });
  }

  t(key: ExerciseStringKey, params?: Record<string, string | number>): string {
    return text(this.config.locale, key, params);
  }

  part(name: string): HTMLElement {
    const element = this.root.querySelector<HTMLElement>(`[data-part="${name}"]`);
    if (!element) throw new Error(`<course-exercise>: missing [data-part="${name}"]`);
    return element;
  }

  button(action: string): HTMLButtonElement {
    return this.root.querySelector<HTMLButtonElement>(`button[data-action="${action}"]`)!;
  }

  notice(message: string): void {
    const box = this.part('notice');
    box.textContent = message;
    box.hidden = false;
  }

  offerNewStarter(): void {
    const box = this.part('starter-changed');
    const toggle = box.querySelector('button')!;
    box.querySelector('p')!.textContent = this.t('starterChanged');
    toggle.textContent = this.t('viewNewStarter');
    box.hidden = false;
    toggle.addEventListener('click', () => {
      const view = this.part('static');
      view.hidden = !view.hidden;
      toggle.setAttribute('aria-expanded', String(!view.hidden));
      toggle.textContent = this.t(view.hidden ? 'viewNewStarter' : 'hideNewStarter');
    });
  }

  /** The bar over shared code: keep it as the draft, or go back to the learner's own. */
  offerSharedCode(): void {
    const bar = this.part('shared');
    bar.hidden = false;
    const done = (message?: string) => {
      this.sharing = false;
      bar.hidden = true;
      // The link has been answered: a reload shows the learner's own code.
      history.replaceState(history.state, '', location.pathname + location.search);
      if (message) this.notice(message);
    };
    bar.querySelector<HTMLButtonElement>('[data-shared="keep"]')!.addEventListener('click', () => {
      saveDraft(this.config.id, this.editor.getValue(), this.config.starterHash);
      markInProgress(this.config.id);
      done(this.t('sharedKept'));
      this.editor.focus();
    });
    bar.querySelector<HTMLButtonElement>('[data-shared="mine"]')!.addEventListener('click', () => {
      // Replaced while still sharing, so the learner's draft is not saved again
      // (nor a starter saved as one, marking the exercise begun).
      replaceAll(this.editor, readDraft(this.config.id)?.code ?? this.config.starter, 'back-to-mine');
      done();
      this.editor.focus();
    });
  }

  /** Puts a link that opens the editor's code in this exercise on the clipboard, and in view. */
  async share(): Promise<void> {
    const url = shareUrl(location.href, this.config.id, this.editor.getValue());
    const box = this.part('share-link');
    const input = box.querySelector('input')!;
    input.value = url;
    box.hidden = false;
    const copied = await navigator.clipboard?.writeText(url).then(() => true, () => false);
    this.notice(this.t(copied ? 'shareCopied' : 'shareCopyFailed'));
    if (!copied) {
      input.focus();
      input.select();
    }
  }

  goToLine(line: number): void {
    this.editor.revealLineInCenter(line);
    this.editor.setPosition({ lineNumber: line, column: 1 });
    this.editor.focus();
  }

  async perform(action: string): Promise<void> {
    switch (action) {
      case 'run': return this.start();
      case 'stop': return this.stop();
      case 'reset': return this.reset();
      case 'hint': return this.hint();
      case 'solution': return this.showSolution();
      case 'restore': return this.restore();
      case 'export': return this.export();
      case 'share': return this.share();
    }
  }

  setRunning(running: boolean): void {
    this.button('run').setAttribute('aria-disabled', String(running));
    this.button('stop').setAttribute('aria-disabled', String(!running));
    this.root.dataset.running = String(running);
  }

  setPhase(phase: RunPhase): void {
    if (phase === this.phase) return;
    this.phase = phase;
    if (this.run) this.output.phase(describePhase(this.config.locale, phase));
  }

  /** Next to Run once the run is over: stopped or failed, the checks' summary, or just done. */
  showVerdict(): void {
    const parts: (Node | string)[] = [];
    if (this.ending) parts.push(this.t(this.ending === 'stopped' ? 'stopped' : 'verdictError'));
    if (this.checkSummary) parts.push(...(parts.length ? [' · '] : []), this.checkSummary);
    this.output.verdict(...(parts.length ? parts : [this.t('verdictDone')]));
  }

  async start(): Promise<void> {
    if (this.run) return;
    this.drafts.flush();
    this.output.reset();
    this.errorDecorations = clearError(this.editor, this.errorDecorations);
    delete this.root.dataset.errorLine;
    const code = this.editor.getValue();
    this.lastResults = null;
    this.ending = null;
    this.checkSummary = null;
    this.setRunning(true);
    this.phase = PREPARING;
    this.output.phase(describePhase(this.config.locale, PREPARING));
    const runId = `${this.config.id}-${Date.now().toString(36)}`;
    const handle = startRun(
      { runId, code, exerciseId: this.config.id, locale: this.config.locale, dataBase: dataBaseUrl() },
      (event) => this.onEvent(event),
      { timeoutMs: this.config.timeBudgetMs, onChecking: () => this.setPhase(CHECKING) },
    );
    this.run = handle;
    try {
      await handle.done;
    } finally {
      if (this.run === handle) this.run = null;
      this.setRunning(false);
    }
  }

  stop(): void {
    this.run?.stop();
  }

  onEvent(event: RunEvent): void {
    const output = this.output;
    this.setPhase(nextPhase(this.phase, event));
    switch (event.type) {
      case 'started': {
        this.lastBackend = event.backend;
        this.lastSeed = event.seed;
        const badge = this.part('backend');
        badge.textContent = this.t('backend', { name: event.backend });
        badge.title = event.backendReason;
        badge.hidden = false;
        return;
      }
      case 'console':
        return output.consoleLine(event.level, event.text);
      case 'output-truncated':
        return output.truncated(event.limit);
      case 'show':
        return output.show(event.payload);
      case 'error': {
        const { error } = event;
        // Stopping is the learner's own doing: say so, without an error box.
        if (error.kind === 'stopped') {
          this.ending = 'stopped';
          return;
        }
        this.ending = 'error';
        output.error(error);
        if (error.line !== undefined) {
          this.root.dataset.errorLine = String(error.line);
          const message = error.explanation ? `${error.explanation[this.config.locale]}\n\n${error.message}` : error.message;
          this.errorDecorations = markError(this.editor, error.line, error.column, message, this.errorDecorations);
        }
        return;
      }
      case 'checks': {
        this.lastResults = event.results;
        this.checkSummary = output.checks(event.results);
        // For the assignment page's Hand in (it never sees this panel).
        saveLastRun(this.config.id, { results: event.results, backend: this.lastBackend, seed: this.lastSeed, startedAt: this.startedAt.toISOString() });
        const graded = event.results.filter((r) => r.graded);
        if (graded.length > 0 && graded.every((r) => r.status === 'passed')) recordStatus(this.config.id, 'passed');
        else if (readStatus(this.config.id) === 'not-started') recordStatus(this.config.id, 'in-progress');
        return;
      }
      case 'done':
        output.runEnded();
        return this.showVerdict();
    }
  }

  reset(): void {
    if (!confirm(this.t('resetConfirm'))) return;
    replaceAll(this.editor, this.config.starter, 'reset');
    this.editor.focus();
  }

  hint(): void {
    const items = [...this.root.querySelectorAll<HTMLElement>('[data-part="hints"] li')];
    const next = items.find((item) => item.hidden);
    const list = this.part('hints');
    list.hidden = false;
    if (!next) {
      this.notice(this.t('noMoreHints'));
      return;
    }
    next.hidden = false;
    const shown = items.filter((item) => !item.hidden).length;
    this.button('hint').textContent = shown < items.length ? `${this.t('hint')} (${shown + 1}/${items.length})` : this.t('hint');
    next.focus();
  }

  async showSolution(): Promise<void> {
    if (!confirm(this.t('solutionConfirm'))) return;
    const solution = await loadSolution(this.config.id, this.config.locale);
    const mine = this.editor.getValue();
    if (mine !== solution) saveDraft(beforeSolutionId(this.config.id), mine, this.config.starterHash);
    replaceAll(this.editor, solution, 'solution');
    this.button('restore').hidden = false;
  }

  restore(): void {
    const saved = readDraft(beforeSolutionId(this.config.id));
    if (!saved) return;
    replaceAll(this.editor, saved.code, 'restore');
    clearDraft(beforeSolutionId(this.config.id));
    this.button('restore').hidden = true;
    this.editor.focus();
  }

  export(): void {
    const file = exportSubmission({
      config: this.config,
      code: this.editor.getValue(),
      results: this.lastResults ?? [],
      backend: this.lastBackend,
      seed: this.lastSeed,
      startedAt: this.startedAt,
    });
    if (file) this.notice(this.t('exported', { file }));
  }
}

/** What <course-exercise> offers scripts once ready (tests read the code this way). */
export interface ExerciseElementApi {
  getCode(): string;
}

export async function mountPanel(root: HTMLElement, pending?: string): Promise<void> {
  const panel = new Panel(root);
  Object.assign(root, { getCode: () => panel.editor.getValue() } satisfies ExerciseElementApi);
  if (pending) await panel.perform(pending);
}
