// @vitest-environment happy-dom
// The <course-quiz> element: checking an answer shows the verdict and the
// chosen option's explanation, records the result in the progress store, and
// a wrong try never undoes an earlier pass.
import { beforeEach, describe, expect, it } from 'vitest';
import { splitInlineCode } from '../../src/components/quiz/inline.ts';
import { readStatus, recordStatus } from '../../src/progress/store.ts';
import '../../src/components/quiz/quiz-element.ts';

const ID = 'quiz:07-sigmoid-softmax:1';

// The markup Quiz.astro renders, reduced to what the element reads.
function mount(): HTMLElement {
  document.body.innerHTML = `
    <course-quiz data-status-id="${ID}" data-text-correct="Correct." data-text-incorrect="Not quite." data-text-choose="Pick one.">
      <form>
        <fieldset>
          <legend>Which pair?</legend>
          <label><input type="radio" name="q" value="0" data-correct="true"> softmax</label>
          <label><input type="radio" name="q" value="1" data-correct="false"> sigmoid</label>
        </fieldset>
        <button type="submit">Check</button>
        <span data-passed-before hidden>before</span>
        <div role="status"><p data-verdict></p><p data-why="0" hidden>why 0</p><p data-why="1" hidden>why 1</p></div>
      </form>
    </course-quiz>`;
  return document.querySelector('course-quiz')!;
}

function answer(quiz: HTMLElement, index: number | null): void {
  if (index !== null) {
    const input = quiz.querySelectorAll<HTMLInputElement>('input')[index];
    input.checked = true;
    input.dispatchEvent(new Event('change', { bubbles: true }));
  }
  quiz.querySelector('form')!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
}

const verdict = (quiz: HTMLElement) => quiz.querySelector<HTMLElement>('[data-verdict]')!;
const visibleWhy = (quiz: HTMLElement) => [...quiz.querySelectorAll<HTMLElement>('[data-why]')].filter((p) => !p.hidden).map((p) => p.textContent);

describe('<course-quiz>', () => {
  beforeEach(() => localStorage.clear());

  it('asks for a choice before checking and records nothing', () => {
    const quiz = mount();
    answer(quiz, null);
    expect(verdict(quiz).textContent).toBe('Pick one.');
    expect(readStatus(ID)).toBe('not-started');
  });

  it('explains a wrong answer and marks the quiz in progress', () => {
    const quiz = mount();
    answer(quiz, 1);
    expect(verdict(quiz).textContent).toBe('Not quite.');
    expect(verdict(quiz).dataset.state).toBe('incorrect');
    expect(visibleWhy(quiz)).toEqual(['why 1']);
    expect(readStatus(ID)).toBe('in-progress');
  });

  it('confirms the right answer, shows its explanation and records a pass', () => {
    const quiz = mount();
    answer(quiz, 0);
    expect(verdict(quiz).dataset.state).toBe('correct');
    expect(visibleWhy(quiz)).toEqual(['why 0']);
    expect(readStatus(ID)).toBe('passed');
  });

  it('keeps an earlier pass after a wrong try, and says it was passed before', async () => {
    recordStatus(ID, 'passed');
    const quiz = mount();
    await Promise.resolve();
    expect(quiz.querySelector<HTMLElement>('[data-passed-before]')!.hidden).toBe(false);
    answer(quiz, 1);
    expect(readStatus(ID)).toBe('passed');
  });

  it('clears the previous verdict when the choice changes', () => {
    const quiz = mount();
    answer(quiz, 1);
    const input = quiz.querySelectorAll<HTMLInputElement>('input')[0];
    input.checked = true;
    input.dispatchEvent(new Event('change', { bubbles: true }));
    expect(verdict(quiz).textContent).toBe('');
    expect(visibleWhy(quiz)).toEqual([]);
  });
});

describe('quiz text helpers', () => {
  it('splits `code` spans and rejects an unmatched backtick', () => {
    expect(splitInlineCode('use `softmax` here')).toEqual([
      { code: false, text: 'use ' },
      { code: true, text: 'softmax' },
      { code: false, text: ' here' },
    ]);
    expect(() => splitInlineCode('a `b')).toThrow(/unmatched backtick/);
  });
});
