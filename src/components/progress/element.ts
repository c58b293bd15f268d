// <course-progress> (ProgressPage.astro): fills the statuses in, and runs export / import / reset.
import { CourseError } from '../../contract/course-error.ts';
import type { Locale } from '../../contract/locale.ts';
import { fill } from '../../i18n/fill.ts';
import { readAll, resetAll } from '../../progress/snapshot.ts';
import { onStorageProblem, PROGRESS_EVENT } from '../../progress/store.ts';
import { exportProgress, importProgress, progressFileName } from '../../progress/transfer.ts';

type Labels = Record<string, string>;

class CourseProgress extends HTMLElement {
  #labels: Labels = {};
  #locale: Locale = 'ko';

  connectedCallback(): void {
    this.#locale = this.dataset.locale === 'en' ? 'en' : 'ko';
    this.#labels = JSON.parse(this.querySelector('script[data-part="labels"]')?.textContent ?? '{}') as Labels;
    onStorageProblem((problem) => {
      const box = this.querySelector<HTMLElement>('[data-part="warning"]')!;
      box.textContent = this.#labels[problem === 'quota' ? 'storageQuota' : 'storageBlocked'];
      box.hidden = false;
    });
    this.render();
    addEventListener(PROGRESS_EVENT, () => this.render());
    // Another tab (a lesson) changed progress.
    addEventListener('storage', () => this.render());
    this.querySelector('[data-action="export"]')?.addEventListener('click', () => this.export());
    this.querySelector('[data-action="reset"]')?.addEventListener('click', () => this.reset());
    this.querySelector<HTMLInputElement>('[data-action="import"]')?.addEventListener('change', (event) => void this.import(event.target as HTMLInputElement));
  }

  message(text: string, isError = false): void {
    const box = this.querySelector<HTMLElement>('[data-part="message"]')!;
    box.textContent = text;
    box.classList.toggle('progress-error', isError);
    box.setAttribute('role', isError ? 'alert' : 'status');
  }

  render(): void {
    const { statuses, drafts } = readAll();
    let passed = 0;
    const rows = [...this.querySelectorAll<HTMLElement>('tr[data-item-id]')];
    for (const row of rows) {
      const id = row.dataset.itemId!;
      const status = statuses[id]?.status ?? 'not-started';
      if (status === 'passed') passed++;
      const cell = row.querySelector<HTMLElement>('[data-part="status"]')!;
      cell.dataset.status = status;
      cell.textContent = this.#labels[status] + (status !== 'passed' && drafts[id] ? ` · ${this.#labels.draftSaved}` : '');
    }
    this.querySelector<HTMLElement>('[data-part="summary"]')!.textContent = fill(this.#locale, this.#labels.summary, { passed, total: rows.length });
  }

  export(): void {
    const fileName = progressFileName();
    const url = URL.createObjectURL(new Blob([`${JSON.stringify(exportProgress(), null, 2)}\n`], { type: 'application/json' }));
    const link = Object.assign(document.createElement('a'), { href: url, download: fileName, hidden: true });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    this.message(fill(this.#locale, this.#labels.exported, { file: fileName }));
  }

  async import(input: HTMLInputElement): Promise<void> {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    if (!confirm(fill(this.#locale, this.#labels.importConfirm, { file: file.name }))) return;
    try {
      const { items } = importProgress(await file.text(), file.name);
      this.message(fill(this.#locale, this.#labels.imported, { file: file.name, items }));
    } catch (error) {
      this.message(CourseError.is(error) ? error.text(this.#locale) : String(error), true);
    }
    this.render();
  }

  reset(): void {
    if (!confirm(this.#labels.resetConfirm)) return;
    resetAll();
    this.message(this.#labels.resetDone);
    this.render();
  }
}

if (!customElements.get('course-progress')) customElements.define('course-progress', CourseProgress);
