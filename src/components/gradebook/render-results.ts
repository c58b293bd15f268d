// The gradebook's results as DOM: the grid of each assignment
// (render-grid.ts), whose cells link to the rows below; one table row per learner and exercise
// with every check, the run's error, the notes where the learner's browser
// claimed otherwise, what the run printed and drew (in <details>, on demand);
// then the files that could not be read. Learner text goes in as text
// (never HTML), inside <bdi>, with hidden characters made visible
// (visible-text.ts), exactly as the command line's reports show it.
import type { Locale } from '../../contract/locale.ts';
import type { ShowPayload } from '../../contract/show.ts';
import type { GradedSubmission, GradingOutcome } from '../../grading/grader/types.ts';
import { visibleText } from '../../grading/grader/visible-text.ts';
import { el, learnerText } from './dom.ts';
import { renderGrids, rowId } from './render-grid.ts';
import { gradebookText as t } from './strings.ts';

const MARK = { pass: '✓', fail: '✗', error: '!' } as const;

function checkItem(test: GradedSubmission['tests'][number], locale: Locale, page: Locale): HTMLLIElement {
  const item = el('li', { 'data-check-id': visibleText(test.id), 'data-status': test.status });
  item.append(
    el('span', { 'aria-hidden': 'true', class: 'gradebook-mark' }, MARK[test.status]),
    ' ',
    el('span', { class: 'sr-only' }, `${t(page, test.status)}: `),
    el('code', {}, visibleText(test.id)),
    ' ',
    learnerText(test.title?.[locale]),
  );
  if (!test.graded) item.append(` (${t(page, 'notGraded')})`);
  const message = test.message?.[locale];
  if (message) item.append(' — ', learnerText(message, true));
  return item;
}

/** The run's pictures, drawn by the course's own renderers the first time the teacher opens them. */
function picturesOnDemand(pictures: ShowPayload[], locale: Locale, page: Locale): HTMLDetailsElement {
  const details = el('details', { 'data-part': 'pictures' }, el('summary', {}, t(page, 'pictures', { count: pictures.length })));
  details.addEventListener('toggle', () => {
    if (!details.open || details.dataset.drawn) return;
    details.dataset.drawn = 'true';
    void import('./pictures.ts').then(({ drawPictures }) => drawPictures(details, pictures, locale));
  });
  return details;
}

function detailsCell(g: GradedSubmission, locale: Locale, page: Locale): HTMLTableCellElement {
  const cell = el('td', { class: 'gradebook-details' });
  const graded = g.tests.filter((x) => x.graded);
  cell.append(el('p', { class: 'gradebook-sub' }, t(page, 'checkList', { passed: graded.filter((x) => x.status === 'pass').length, total: graded.length })));
  cell.append(el('ul', { class: 'gradebook-checks' }, ...g.tests.map((test) => checkItem(test, locale, page))));
  if (g.error) {
    cell.append(el('p', { class: 'gradebook-sub' }, t(page, 'runError')), el('p', { class: 'gradebook-error', 'data-part': 'run-error' }, learnerText(g.error[locale], true)));
  }
  if (g.notes.length > 0) {
    cell.append(el('p', { class: 'gradebook-sub' }, t(page, 'notes')), el('ul', { class: 'gradebook-notes' }, ...g.notes.map((n) => el('li', { 'data-part': 'note' }, learnerText(n[locale], true)))));
  }
  const output = el('details', { 'data-part': 'output' }, el('summary', {}, t(page, 'output', { count: g.output.length })));
  if (g.output.length === 0) output.append(el('p', {}, t(page, 'noOutput')));
  else output.append(el('pre', { tabindex: '0' }, visibleText(g.output.join('\n'), true)));
  if (g.outputTruncated) output.append(el('p', {}, t(page, 'outputTruncated')));
  cell.append(output);
  if (g.pictures && g.pictures.length > 0) cell.append(picturesOnDemand(g.pictures, locale, page));
  return cell;
}

/** `lang` as --lang: the language of the messages. `page` is the page's language. */
export function renderResults(outcome: GradingOutcome, lang: Locale, page: Locale): DocumentFragment {
  const fragment = document.createDocumentFragment();
  if (outcome.graded.length > 0) {
    const head = el('tr', {}, ...(['learner', 'exercise', 'checks', 'score', 'status', 'file', 'details'] as const).map((key) => el('th', { scope: 'col' }, t(page, key))));
    const body = el('tbody');
    for (const [index, g] of outcome.graded.entries()) {
      const locale = lang;
      // A grid cell's link lands here; tabindex -1 lets the row take the focus, so the keyboard continues from it.
      body.append(el('tr', { id: rowId(index), tabindex: '-1', 'data-file': visibleText(g.file), 'data-status': g.status },
        el('th', { scope: 'row' }, learnerText(g.learner)),
        el('td', {}, visibleText(g.exercise)),
        el('td', { class: 'gradebook-number' }, `${g.passed}/${g.total}`),
        el('td', { class: 'gradebook-number' }, String(g.score)),
        el('td', { 'data-part': 'status', 'data-status': g.status }, t(page, g.status)),
        el('td', {}, learnerText(g.file)),
        detailsCell(g, locale, page),
      ));
    }
    fragment.append(renderGrids(outcome.graded, page));
    fragment.append(el('h2', {}, t(page, 'rowsTitle')));
    fragment.append(el('div', { class: 'gradebook-scroll' }, el('table', { class: 'gradebook-table', 'data-part': 'rows' }, el('thead', {}, head), body)));
  }
  if (outcome.unreadable.length > 0) {
    fragment.append(
      el('h2', {}, t(page, 'unreadableTitle')),
      el('ul', { class: 'gradebook-unreadable' }, ...outcome.unreadable.map((u) => el('li', { 'data-file': visibleText(u.file) }, learnerText(u.error.text(lang), true)))),
    );
  }
  return fragment;
}

export function summaryText(outcome: GradingOutcome, page: Locale): string {
  const count = (status: GradedSubmission['status']) => outcome.graded.filter((g) => g.status === status).length;
  return t(page, 'finished', { graded: outcome.graded.length, pass: count('pass'), fail: count('fail'), error: count('error'), unreadable: outcome.unreadable.length });
}
