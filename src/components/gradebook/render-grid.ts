// The gradebook's grids (grading/grader/grid.ts) as accessible tables: one
// per assignment, a caption naming it, a row header per learner and a column
// header per exercise; each cell shows the same text as the command line's
// grid ("2/3 L?") and says it in words to a screen reader, so no mark relies
// on colour or on a symbol alone; a legend lists every mark. A cell links to
// its detailed row in the results table (`gradebook-row-N`, N the row's place
// in the report), reachable with Tab like any link.
import type { Locale } from '../../contract/locale.ts';
import { buildGrids, cellText, GRID_MARKS, MARK_SYMBOL, MISSING, totalText, type Grid, type GridCell } from '../../grading/grader/grid.ts';
import { gridText, gridTitle, markMeaning } from '../../grading/grader/grid-strings.ts';
import type { GradedSubmission } from '../../grading/grader/types.ts';
import { visibleText } from '../../grading/grader/visible-text.ts';
import { el, learnerText } from './dom.ts';

/** The id of the results table's row `index` (render-results.ts gives each row this id). */
export const rowId = (index: number): string => `gradebook-row-${index}`;

function cell(c: GridCell, page: Locale): HTMLTableCellElement {
  const text = el('span', { 'aria-hidden': 'true', 'data-part': 'cell-text' }, cellText(c));
  const words = c.row === null
    ? markMeaning('missing', page)
    : [`${c.passed}/${c.total}`, ...c.marks.map((m) => markMeaning(m, page))].join('; ');
  const said = el('span', { class: 'sr-only' }, words);
  const td = el('td', { 'data-part': 'grid-cell', 'data-status': c.status, 'data-exercise': visibleText(c.exercise) });
  td.append(c.row === null ? el('span', {}, text, said) : el('a', { href: `#${rowId(c.row)}` }, text, said));
  return td;
}

function gridTable(grid: Grid, page: Locale): HTMLElement {
  const head = el('tr', {},
    el('th', { scope: 'col' }, gridText(page, 'learner')),
    ...grid.exercises.map((id) => el('th', { scope: 'col' }, el('code', {}, visibleText(id)))),
    el('th', { scope: 'col' }, gridText(page, 'total')));
  const body = el('tbody', {}, ...grid.rows.map((row) => el('tr', { 'data-learner': visibleText(row.learner) },
    el('th', { scope: 'row' }, learnerText(row.learner)),
    ...row.cells.map((c) => cell(c, page)),
    el('td', { class: 'gradebook-number', 'data-part': 'grid-total' }, totalText(row.total)))));
  const table = el('table', { class: 'gradebook-grid', 'data-part': 'grid' },
    el('caption', {}, visibleText(gridTitle(grid, page))), el('thead', {}, head), body);
  return el('div', { class: 'gradebook-scroll' }, table);
}

/** Every grid of the outcome's rows, with a heading, a line on how to read them and the legend; in the page's language. */
export function renderGrids(graded: readonly GradedSubmission[], page: Locale): HTMLElement {
  const legend = el('dl', { class: 'gradebook-legend' },
    ...(['missing', ...GRID_MARKS] as const).flatMap((m) => [
      el('dt', {}, m === 'missing' ? MISSING : MARK_SYMBOL[m]),
      el('dd', {}, markMeaning(m, page)),
    ]));
  return el('section', { class: 'gradebook-grids', 'data-part': 'grids', 'aria-labelledby': 'gradebook-grids-title' },
    el('h2', { id: 'gradebook-grids-title' }, gridText(page, 'gridsTitle')),
    el('p', {}, gridText(page, 'gridsIntro')),
    ...buildGrids(graded).map((grid) => gridTable(grid, page)),
    el('p', { class: 'gradebook-sub' }, gridText(page, 'legend')),
    legend,
    el('p', { class: 'gradebook-note' }, gridText(page, 'totalNote')));
}
