// <course-assignment-maker>: the teacher picks exercises, a title, a class
// code and an optional due date, and gets the assignment link (the learner
// page's URL with the assignment in its fragment), copied to the clipboard.
// The link is read back with the learner page's own reader before it is
// shown, so a teacher never sends a link the learner page would refuse.
import { CourseError } from '../../contract/course-error.ts';
import type { Locale } from '../../contract/locale.ts';
import { assignmentFragment, readAssignmentFragment } from '../../grading/assignment/link.ts';
import { dueFromInputs, localOffsetAt } from './due.ts';
import { assignmentText as t, type AssignmentStringKey } from './strings.ts';

class CourseAssignmentMaker extends HTMLElement {
  #locale: Locale = 'ko';

  connectedCallback(): void {
    this.#locale = this.dataset.locale === 'en' ? 'en' : 'ko';
    this.querySelector('form')!.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.make();
    });
    this.dataset.state = 'ready';
  }

  #part<T extends HTMLElement = HTMLElement>(name: string): T {
    return this.querySelector<T>(`[data-part="${name}"]`)!;
  }

  #field(name: string): HTMLInputElement {
    return this.querySelector<HTMLInputElement>(`input[name="${name}"]`)!;
  }

  #refuse(message: string, focus?: HTMLElement): void {
    this.#part('error').textContent = message;
    this.#part('result').hidden = true;
    focus?.focus();
  }

  async make(): Promise<void> {
    const exercises = [...this.querySelectorAll<HTMLInputElement>('input[name="exercise"]:checked')].map((box) => box.value);
    const title = this.#field('title').value.trim();
    const classCode = this.#field('classCode').value.trim();
    const need = (key: AssignmentStringKey, focus?: HTMLElement | null) => this.#refuse(t(this.#locale, key), focus ?? undefined);
    if (exercises.length === 0) return need('needExercise', this.querySelector<HTMLInputElement>('input[name="exercise"]'));
    if (!title) return need('needTitle', this.#field('title'));
    if (!classCode) return need('needClassCode', this.#field('classCode'));
    const date = this.#field('dueDate').value;
    const time = this.#field('dueTime').value;
    const due = dueFromInputs(date, time, date ? localOffsetAt(date, time) : 0);
    const fragment = assignmentFragment({ title, classCode, ...(due ? { due } : {}), exercises });
    try {
      const known = [...this.querySelectorAll<HTMLInputElement>('input[name="exercise"]')].map((box) => box.value);
      readAssignmentFragment(fragment, known);
    } catch (error) {
      return this.#refuse(CourseError.is(error) ? error.text(this.#locale) : String(error));
    }
    const link = new URL(this.dataset.learnerPage ?? '', location.href);
    link.hash = fragment;
    this.#part('error').textContent = '';
    const box = this.#part<HTMLInputElement>('link');
    box.value = link.href;
    this.#part<HTMLAnchorElement>('open').href = link.href;
    this.#part('result').hidden = false;
    let copied = false;
    try {
      await navigator.clipboard.writeText(link.href);
      copied = true;
    } catch {
      // No clipboard permission (or an insecure origin): the box holds the link to copy by hand.
      box.select();
    }
    this.#part('status').textContent = t(this.#locale, copied ? 'copied' : 'made');
  }
}

customElements.define('course-assignment-maker', CourseAssignmentMaker);
