// The per-assignment grid of a graded outcome: for each assignment, one row
// per learner and one column per exercise of the assignment, each cell the
// learner's score with text marks (late, run error, never run, the browser
// claimed otherwise, alike code, handed in more than once, not handed in),
// and a total. Single submissions, handed in without an assignment, make one
// more grid whose columns are the exercises they cover.
//
// A pure function of the report's rows, so the terminal table (table.ts),
// the JSON report (json-report.ts) and the gradebook page
// (components/gradebook/render-grid.ts) show the same grid for the same
// files, and `grade merge` (which rebuilds the rows) the same as one run.
import type { Assignment } from '../assignment/assignment.ts';
import { compare } from './grade-submissions.ts';
import { lateness } from './lateness.ts';
import type { GradedSubmission, GradeStatus } from './types.ts';

/** A cell's marks, always in this order (the order of the legend). */
export const GRID_MARKS = ['error', 'late', 'never-run', 'claims', 'alike', 'several'] as const;
export type GridMark = (typeof GRID_MARKS)[number];

/** The one character each mark is written as, in every language (the legend says what it means). */
export const MARK_SYMBOL: Record<GridMark, string> = {
  error: '!',
  late: 'L',
  'never-run': '~',
  claims: '?',
  alike: '=',
  several: '+',
};

/** What a cell shows for an exercise the learner did not hand in (or whose part could not be read). */
export const MISSING = '—';

export interface GridCell {
  exercise: string;
  /** Index in the graded list of the submission shown (the latest of the learner's for this exercise); null: not handed in. */
  row: number | null;
  status: GradeStatus | 'missing';
  passed: number;
  /** The exercise's graded checks (for a missing cell: as the other learners' cells of the column have it, else 0). */
  total: number;
  marks: GridMark[];
  /** How many of the learner's submissions of this exercise the grid saw (the latest is shown). */
  count: number;
}

export interface GridRow {
  learner: string;
  cells: GridCell[];
  /** Graded checks passed of all the columns' graded checks; a missing exercise counts as none passed. */
  total: { passed: number; total: number; score: number };
}

export interface Grid {
  /** null: the submissions handed in without an assignment. */
  assignment: Assignment | null;
  exercises: string[];
  rows: GridRow[];
}

/** "3/4" and the marks ("3/4 L?"), or "—": the same text in the terminal, the JSON and the page. */
export function cellText(cell: Pick<GridCell, 'row' | 'passed' | 'total' | 'marks'>): string {
  if (cell.row === null) return MISSING;
  const marks = cell.marks.map((m) => MARK_SYMBOL[m]).join('');
  return `${cell.passed}/${cell.total}${marks ? ` ${marks}` : ''}`;
}

export const totalText = (total: GridRow['total']): string => `${total.passed}/${total.total} (${total.score}%)`;

const assignmentKey = (a: Assignment): string => JSON.stringify([a.title, a.classCode, a.due ?? null, a.exercises]);
const when = (g: GradedSubmission): number => Date.parse(g.handedInAt ?? g.submittedAt);

function marksOf(g: GradedSubmission, count: number): GridMark[] {
  const on: Record<GridMark, boolean> = {
    error: g.status === 'error',
    late: lateness(g) === true,
    'never-run': g.neverRun === true,
    claims: g.claimsDiffer === true,
    alike: g.alike === true,
    several: count > 1,
  };
  return GRID_MARKS.filter((m) => on[m]);
}

function buildGrid(assignment: Assignment | null, exercises: string[], members: { g: GradedSubmission; index: number }[]): Grid {
  // Each exercise's number of graded checks, for the cells of learners who did not hand it in.
  const checksOf = new Map<string, number>();
  for (const { g } of members) checksOf.set(g.exercise, Math.max(checksOf.get(g.exercise) ?? 0, g.total));
  const learners = [...new Set(members.map(({ g }) => g.learner))].sort(compare);
  const rows = learners.map((learner): GridRow => {
    const cells = exercises.map((exercise): GridCell => {
      const own = members.filter(({ g }) => g.learner === learner && g.exercise === exercise);
      if (own.length === 0) return { exercise, row: null, status: 'missing', passed: 0, total: checksOf.get(exercise) ?? 0, marks: [], count: 0 };
      // The latest hand-in counts (a tie: the later row of the report).
      const shown = own.reduce((a, b) => (when(b.g) >= when(a.g) ? b : a));
      const { g } = shown;
      return { exercise, row: shown.index, status: g.status, passed: g.passed, total: g.total, marks: marksOf(g, own.length), count: own.length };
    });
    const passed = cells.reduce((sum, c) => sum + c.passed, 0);
    const total = cells.reduce((sum, c) => sum + c.total, 0);
    return { learner, cells, total: { passed, total, score: total === 0 ? 0 : Math.round((100 * passed) / total) } };
  });
  return { assignment, exercises, rows };
}

/**
 * The grids of `graded` (the report's rows, in the report's order): one per
 * assignment (by title, class code, due date and exercises; sorted by title,
 * then class code), its columns the assignment's exercises in its order; then
 * one for the submissions without an assignment, if any, its columns their
 * exercises in course order. Rows by learner name, as the report sorts them.
 */
export function buildGrids(graded: readonly GradedSubmission[]): Grid[] {
  const groups = new Map<string, { assignment: Assignment; members: { g: GradedSubmission; index: number }[] }>();
  const single: { g: GradedSubmission; index: number }[] = [];
  graded.forEach((g, index) => {
    if (!g.assignment) {
      single.push({ g, index });
      return;
    }
    const key = assignmentKey(g.assignment);
    if (!groups.has(key)) groups.set(key, { assignment: g.assignment, members: [] });
    groups.get(key)!.members.push({ g, index });
  });
  const grids = [...groups.values()]
    .sort((a, b) => compare(a.assignment.title, b.assignment.title) || compare(a.assignment.classCode, b.assignment.classCode)
      || compare(a.assignment.due ?? '', b.assignment.due ?? '') || compare(assignmentKey(a.assignment), assignmentKey(b.assignment)))
    // An assignment read back from an older report may lack its exercise list: its exercises as handed in, then.
    .map(({ assignment, members }) => buildGrid(assignment, assignment.exercises.length > 0 ? [...assignment.exercises] : [...new Set(members.map(({ g }) => g.exercise))].sort(compare), members));
  if (single.length > 0) grids.push(buildGrid(null, [...new Set(single.map(({ g }) => g.exercise))].sort(compare), single));
  return grids;
}
