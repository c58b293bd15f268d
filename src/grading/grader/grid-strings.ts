// The per-assignment grid's words (grid.ts), in both languages: the
// terminal's grid (table.ts) and the gradebook page's (components/gradebook/
// render-grid.ts) read them here, so both say the same. The marks themselves
// are one character each, the same in every language (grid.ts MARK_SYMBOL).
import { defineStrings, translator } from '../../i18n/define.ts';
import type { Locale } from '../../contract/locale.ts';
import type { Grid, GridMark } from './grid.ts';

export const gridStrings = defineStrings({
  ko: {
    gridsTitle: '과제별 표',
    gridsIntro: '학습자마다 한 행, 연습 문제마다 한 열입니다. 칸은 통과한 채점 검사 수와 표시이며, 누르면 아래 자세한 행으로 갑니다.',
    assignmentGrid: '과제: {title} (반 {classCode})',
    assignmentGridDue: '과제: {title} (반 {classCode}, 마감 {due})',
    noAssignmentGrid: '과제 없이 낸 제출',
    learner: '학습자',
    total: '합계',
    legend: '표시:',
    'mark.missing': '내지 않음 (또는 그 부분을 읽지 못함)',
    'mark.error': '실행이 끝까지 되지 않음 (오류, 시간 초과, 메모리 부족)',
    'mark.late': '마감 뒤에 제출함',
    'mark.never-run': '학습자가 한 번도 실행하지 않고 제출함',
    'mark.claims': '학습자 브라우저의 보고가 다시 실행한 결과와 다름 (브라우저에서 실행이 끝나지 않은 경우 포함)',
    'mark.alike': '다른 학습자의 코드와 같거나 거의 같음 (판정이 아니라 살펴볼 점)',
    'mark.several': '두 번 이상 제출함: 가장 늦게 낸 것을 보여 줌',
    totalNote: '합계: 열 전체의 채점 검사 중 통과한 수 (내지 않은 연습 문제는 0)',
  },
  en: {
    gridsTitle: 'Grids by assignment',
    gridsIntro: 'One row per learner, one column per exercise. Each cell is the graded checks passed and its marks; it links to the detailed row below.',
    assignmentGrid: 'Assignment: {title} (class {classCode})',
    assignmentGridDue: 'Assignment: {title} (class {classCode}, due {due})',
    noAssignmentGrid: 'Submissions without an assignment',
    learner: 'Learner',
    total: 'Total',
    legend: 'Marks:',
    'mark.missing': 'not handed in (or its part could not be read)',
    'mark.error': 'the run did not finish (error, time limit, out of memory)',
    'mark.late': 'handed in after the due date',
    'mark.never-run': 'handed in without the learner ever running it',
    'mark.claims': "the learner's browser claimed otherwise than the re-run (a run that never finished in the browser included)",
    'mark.alike': "the same or nearly the same code as another learner's (a note to look at, not a verdict)",
    'mark.several': 'handed in more than once: the latest is shown',
    totalNote: 'Total: graded checks passed of all the columns\' graded checks (an exercise not handed in counts as 0)',
  },
});

export type GridStringKey = keyof (typeof gridStrings)['ko'];

export const gridText = translator(gridStrings);

/** A grid's heading: its assignment (title, class code, due date as the teacher set it), or "without an assignment". */
export function gridTitle(grid: Pick<Grid, 'assignment'>, locale: Locale): string {
  const a = grid.assignment;
  if (!a) return gridText(locale, 'noAssignmentGrid');
  return a.due === undefined
    ? gridText(locale, 'assignmentGrid', { title: a.title, classCode: a.classCode })
    : gridText(locale, 'assignmentGridDue', { title: a.title, classCode: a.classCode, due: a.due });
}

export const markMeaning = (mark: GridMark | 'missing', locale: Locale): string => gridText(locale, `mark.${mark}`);
