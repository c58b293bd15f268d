// <course-assignment>: the learner's side of an assignment link. It reads the
// assignment from the page's fragment (never sent to a server), shows its
// title, class code and due date, each exercise with its status from the
// progress store and a link to its lesson, and hands everything in as one
// file. A broken link gets a message saying what is wrong and what to do.
import { CourseError } from '../../contract/course-error.ts';
import type { Locale } from '../../contract/locale.ts';
import { isLate, type Assignment } from '../../grading/assignment/assignment.ts';
import { readAssignmentFragment } from '../../grading/assignment/link.ts';
import { loadStarter } from '../../exercises/registry.browser.ts';
import { readLastRun } from '../../progress/last-run.ts';
import { PROGRESS_EVENT, readDraft, readLearnerName, readStatus, saveLearnerName } from '../../progress/store.ts';
import { progressText } from '../../progress/strings.ts';
import { downloadText } from '../exercise/download.ts';
import type { AssignableLesson } from './catalogue.ts';
import { formatDue } from './due.ts';
import { buildHandIn } from './hand-in.ts';
import { assignmentText as t } from './strings.ts';

class CourseAssignment extends HTMLElement {
  #locale: Locale = 'ko';
  #exercises = new Map<string, { title: string; href: string; contentVersion: string }>();
  #assignment: Assignment | null = null;
  readonly #openedAt = new Date();

  connectedCallback(): void {
    this.#locale = this.dataset.locale === 'en' ? 'en' : 'ko';
    const lessons = JSON.parse(this.#part('catalogue').textContent ?? '[]') as AssignableLesson[];
    for (const lesson of lessons) for (const e of lesson.exercises) this.#exercises.set(e.id, e);
    this.#input().value = readLearnerName() ?? '';
    this.querySelector('button[data-action="hand-in"]')!.addEventListener('click', () => void this.handIn());
    addEventListener('hashchange', () => this.load());
    // Back from a lesson (also from the back/forward cache), or a run in another tab.
    const refresh = () => this.refresh();
    addEventListener('pageshow', refresh);
    addEventListener('storage', refresh);
    addEventListener(PROGRESS_EVENT, refresh);
    document.addEventListener('visibilitychange', () => document.visibilityState === 'visible' && refresh());
    this.load();
  }

  #part(name: string): HTMLElement {
    return this.querySelector<HTMLElement>(`[data-part="${name}"]`)!;
  }

  #input(): HTMLInputElement {
    return this.#part('name') as HTMLInputElement;
  }

  load(): void {
    const message = this.#part('message');
    try {
      this.#assignment = readAssignmentFragment(location.hash, [...this.#exercises.keys()]);
      message.textContent = this.#assignment ? '' : t(this.#locale, 'noAssignment');
    } catch (error) {
      this.#assignment = null;
      message.textContent = CourseError.is(error) ? error.text(this.#locale) : String(error);
    }
    message.hidden = this.#assignment !== null;
    message.setAttribute('role', this.#assignment === null && location.hash ? 'alert' : 'status');
    this.#part('assignment').hidden = this.#assignment === null;
    this.#part('status').textContent = '';
    if (this.#assignment) this.show(this.#assignment);
    this.dataset.state = this.#assignment ? 'ready' : 'empty';
  }

  show(assignment: Assignment): void {
    this.#part('title').textContent = assignment.title;
    this.#part('class-code').textContent = assignment.classCode;
    this.#part('due').textContent = assignment.due ? formatDue(assignment.due, this.#locale) : t(this.#locale, 'noDue');
    const rows = assignment.exercises.map((id) => {
      const exercise = this.#exercises.get(id)!;
      const row = document.createElement('tr');
      row.dataset.exerciseId = id;
      const name = document.createElement('th');
      name.scope = 'row';
      const link = document.createElement('a');
      link.href = exercise.href;
      link.textContent = exercise.title;
      name.append(link);
      const status = document.createElement('td');
      status.dataset.part = 'exercise-status';
      row.append(name, status);
      return row;
    });
    this.#part('rows').replaceChildren(...rows);
    this.refresh();
  }

  /** Statuses, the summary and the late notice, as the store and the clock say now. */
  refresh(): void {
    const assignment = this.#assignment;
    if (!assignment) return;
    let passed = 0;
    for (const row of this.querySelectorAll<HTMLElement>('tr[data-exercise-id]')) {
      const status = readStatus(row.dataset.exerciseId!);
      if (status === 'passed') passed++;
      const cell = row.querySelector<HTMLElement>('[data-part="exercise-status"]')!;
      cell.dataset.status = status;
      cell.textContent = progressText(this.#locale, status);
    }
    this.#part('summary').textContent = t(this.#locale, 'progressLine', { passed, total: assignment.exercises.length });
    this.#part('late').hidden = !isLate(assignment, new Date());
  }

  async handIn(): Promise<void> {
    const assignment = this.#assignment;
    if (!assignment) return;
    const status = this.#part('status');
    const name = this.#input().value.trim();
    if (!name) {
      status.textContent = t(this.#locale, 'needName');
      this.#input().focus();
      return;
    }
    saveLearnerName(name);
    try {
      const versions = Object.fromEntries([...this.#exercises].map(([id, e]) => [id, e.contentVersion]));
      const file = await buildHandIn({ assignment, learnerName: name, locale: this.#locale, versions, openedAt: this.#openedAt }, {
        draft: (id) => readDraft(id)?.code ?? null,
        lastRun: readLastRun,
        starter: (id) => loadStarter(id, this.#locale),
      });
      downloadText(file.fileName, file.text);
      status.textContent = t(this.#locale, 'handedIn', { file: file.fileName });
    } catch (error) {
      status.textContent = CourseError.is(error) ? error.text(this.#locale) : String(error);
    }
  }
}

customElements.define('course-assignment', CourseAssignment);
