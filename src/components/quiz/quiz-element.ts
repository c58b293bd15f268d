// <course-quiz>: a graded multiple-choice question. The markup is a native
// radio group in a fieldset (keyboard and screen readers work without extra
// ARIA); this element only checks the choice, reveals the explanation of the
// chosen answer and records the result.
import { markInProgress, readStatus, recordStatus } from '../../progress/store.ts';

class CourseQuiz extends HTMLElement {
  connectedCallback(): void {
    // Listeners sit on the element itself and look children up when an event
    // arrives: an element upgraded while the parser is still inside it has
    // no children yet at this point.
    this.addEventListener('submit', this.onSubmit);
    this.addEventListener('change', this.onChange);
    if (document.readyState === 'loading') {
      document.addEventListener('DOMContentLoaded', () => this.showEarlierPass(), { once: true });
    } else {
      queueMicrotask(() => this.showEarlierPass()); // after the children are inserted
    }
  }

  disconnectedCallback(): void {
    this.removeEventListener('submit', this.onSubmit);
    this.removeEventListener('change', this.onChange);
  }

  private get statusId(): string {
    return this.dataset.statusId ?? '';
  }

  private showEarlierPass(): void {
    if (readStatus(this.statusId) === 'passed') {
      this.querySelector<HTMLElement>('[data-passed-before]')?.removeAttribute('hidden');
    }
  }

  private readonly onSubmit = (event: Event): void => {
    event.preventDefault();
    this.hideExplanations();
    const chosen = this.querySelector<HTMLInputElement>('input[type="radio"]:checked');
    if (chosen === null) {
      this.setVerdict('choose', this.dataset.textChoose);
      return;
    }
    const correct = chosen.dataset.correct === 'true';
    this.querySelector<HTMLElement>(`[data-why="${chosen.value}"]`)?.removeAttribute('hidden');
    this.setVerdict(correct ? 'correct' : 'incorrect', correct ? this.dataset.textCorrect : this.dataset.textIncorrect);
    // A wrong try never takes back an earlier pass.
    if (correct) recordStatus(this.statusId, 'passed');
    else markInProgress(this.statusId);
  };

  // A new choice hides the previous verdict so it cannot be misread as
  // applying to the new one.
  private readonly onChange = (): void => {
    this.hideExplanations();
    this.setVerdict(undefined, '');
  };

  private hideExplanations(): void {
    for (const why of this.querySelectorAll<HTMLElement>('[data-why]')) why.hidden = true;
  }

  private setVerdict(state: string | undefined, text: string | undefined): void {
    const verdict = this.querySelector<HTMLElement>('[data-verdict]');
    if (verdict === null) return;
    if (state === undefined) delete verdict.dataset.state;
    else verdict.dataset.state = state;
    verdict.textContent = text ?? '';
  }
}

if (customElements.get('course-quiz') === undefined) customElements.define('course-quiz', CourseQuiz);
