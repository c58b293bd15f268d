// <course-quiz>: a graded multiple-choice question. The markup is a native
// radio group in a fieldset (keyboard and screen readers work without extra
// ARIA); this element only checks the choice, reveals the explanation of the
// chosen answer and records the result.
import { markInProgress, readStatus, recordStatus } from '../../progress/store.ts';

class CourseQuiz extends HTMLElement {
  connectedCallback(): void {
    const form = this.querySelector('form');
    const feedback = this.querySelector<HTMLElement>('[data-verdict]');
    const id = this.dataset.statusId;
    if (form === null || feedback === null || id === undefined) return;

    if (readStatus(id) === 'passed') {
      this.querySelector<HTMLElement>('[data-passed-before]')?.removeAttribute('hidden');
    }

    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const chosen = form.querySelector<HTMLInputElement>('input[type="radio"]:checked');
      for (const why of this.querySelectorAll<HTMLElement>('[data-why]')) why.hidden = true;
      if (chosen === null) {
        this.showFeedback(feedback, 'choose', this.dataset.textChoose ?? '');
        return;
      }
      const correct = chosen.dataset.correct === 'true';
      const why = this.querySelector<HTMLElement>(`[data-why="${chosen.value}"]`);
      if (why !== null) why.hidden = false;
      this.showFeedback(feedback, correct ? 'correct' : 'incorrect', (correct ? this.dataset.textCorrect : this.dataset.textIncorrect) ?? '');
      // A wrong try never takes back an earlier pass.
      if (correct) recordStatus(id, 'passed');
      else markInProgress(id);
    });

    // A new choice hides the previous verdict so it cannot be misread as
    // applying to the new one.
    form.addEventListener('change', () => {
      feedback.textContent = '';
      delete feedback.dataset.state;
      for (const why of this.querySelectorAll<HTMLElement>('[data-why]')) why.hidden = true;
    });
  }

  private showFeedback(feedback: HTMLElement, state: string, text: string): void {
    feedback.dataset.state = state;
    feedback.textContent = text;
  }
}

if (customElements.get('course-quiz') === undefined) customElements.define('course-quiz', CourseQuiz);
