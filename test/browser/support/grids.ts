// The per-assignment grids (grading/grader/grid.ts) as the gradebook page
// shows them and as `npm run grade` prints and writes them, side by side:
// the page and the command line must give the same grid for the same files.
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/** A grid of the command line's JSON report (json-report.ts JsonGrid, the fields compared here). */
export interface CliGrid { assignment: { title: string } | null; exercises: string[]; rows: { learner: string; cells: { file: string | null; text: string; marks: string[] }[]; total: { text: string } }[] }

/** Each grid on the page as text: caption, column heads, and per learner the cells' visible text and the total. */
export const pageGrids = (page: Page) => page.$$eval('table[data-part="grid"]', (tables) => tables.map((table) => ({
  caption: table.querySelector('caption')?.textContent ?? '',
  head: [...table.querySelectorAll('thead th')].map((th) => th.textContent ?? ''),
  rows: [...table.querySelectorAll('tbody > tr')].map((tr) => [
    tr.querySelector('th')?.textContent ?? '',
    ...[...tr.querySelectorAll('[data-part="grid-cell"]')].map((td) => td.querySelector('[data-part="cell-text"]')?.textContent ?? ''),
    tr.querySelector('[data-part="grid-total"]')?.textContent ?? '',
  ]),
})));

/** The terminal's grids (after the "Grids by assignment" line, up to the legend), split into cells as printed. */
function terminalGrids(stdout: string): { caption: string; head: string[]; rows: string[][] }[] {
  const lines = stdout.slice(stdout.indexOf('\nGrids by assignment\n') + 1, stdout.indexOf('\nMarks:\n')).split('\n');
  const grids = [];
  for (let i = 0; i < lines.length; i++) {
    if (!/^-+( +-+)+$/.test(lines[i] ?? '')) continue;
    const rows: string[][] = [];
    for (let j = i + 1; j < lines.length && lines[j] !== ''; j++) rows.push(lines[j].split(/ {2,}/));
    grids.push({ caption: lines[i - 2], head: lines[i - 1].split(/ {2,}/), rows });
  }
  return grids;
}

/** Checks that the page's grids are the command line's, in the terminal and in the JSON. */
export async function expectSameGrids(page: Page, stdout: string, report: { grids: CliGrid[] }): Promise<void> {
  const shown = await pageGrids(page);
  expect(shown).toEqual(terminalGrids(stdout));
  expect(shown.map((g) => ({ head: g.head.slice(1, -1), rows: g.rows }))).toEqual(report.grids.map((g) => ({
    head: g.exercises,
    rows: g.rows.map((r) => [r.learner, ...r.cells.map((c) => c.text), r.total.text]),
  })));
}
