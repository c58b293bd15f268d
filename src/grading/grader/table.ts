// The report printed to stdout: one row per learner and exercise, then the
// failed checks and notes under it, then the grid of each assignment
// (grid.ts), then the files that could not be read.
import type { Locale } from '../../contract/locale.ts';
import { buildGrids, cellText, GRID_MARKS, MARK_SYMBOL, MISSING, totalText } from './grid.ts';
import { gridText, gridTitle, markMeaning } from './grid-strings.ts';
import { padEnd, padStart, textWidth } from './text-width.ts';
import type { GradeStatus, GradingOutcome } from './types.ts';
import { visibleText } from './visible-text.ts';

const HEAD = {
  en: ['learner', 'exercise', 'checks', 'score', 'status', 'file'],
  ko: ['학습자', '연습 문제', '검사', '점수', '상태', '파일'],
};

// Names and error messages come from learners: never let them send escape
// sequences to the teacher's terminal or reorder a line with bidi controls
// (visible-text.ts); indent continuation lines. Anything that is not a string
// prints as nothing rather than crashing the report.
const printable = (text: unknown): string => visibleText(text, true).replace(/\n/g, '\n      ');
const oneLine = (text: unknown): string => visibleText(text);
const STATUS: Record<Locale, Record<GradeStatus, string>> = {
  en: { pass: 'pass', fail: 'fail', error: 'error' },
  ko: { pass: '통과', fail: '실패', error: '오류' },
};

/** The whole report in one language, `lang` (never mixed: a learner's own language is not the teacher's). */
export function formatTable(outcome: GradingOutcome, lang: Locale): string {
  const head = lang;
  const rows = outcome.graded.map((g) => [oneLine(g.learner), oneLine(g.exercise), `${g.passed}/${g.total}`, String(g.score), STATUS[lang][g.status], oneLine(g.file)]);
  const widths = HEAD[head].map((h, i) => Math.max(textWidth(h), ...rows.map((r) => textWidth(r[i]))));
  // Numbers right-aligned, text left-aligned; no trailing spaces.
  const line = (cells: string[]): string =>
    cells.map((c, i) => (i === 2 || i === 3 ? padStart(c, widths[i]) : padEnd(c, widths[i]))).join('  ').trimEnd();

  const out: string[] = [];
  if (outcome.graded.length > 0) {
    out.push(line(HEAD[head]), line(widths.map((w) => '-'.repeat(w))));
    outcome.graded.forEach((g, i) => {
      const locale = lang;
      out.push(line(rows[i]));
      if (g.error) out.push(`    ! ${printable(g.error[locale])}`);
      for (const t of g.tests) {
        if (t.status !== 'pass' && t.status !== 'error') out.push(`    ✗ ${oneLine(t.id)}${t.graded ? '' : locale === 'ko' ? ' (채점 안 함)' : ' (not graded)'}: ${printable(t.message?.[locale] ?? '')}`.trimEnd());
      }
      for (const n of g.notes) out.push(`    ⚠ ${printable(n[locale])}`);
    });
  }
  if (outcome.graded.length > 0) out.push('', ...formatGrids(outcome, lang));
  if (outcome.unreadable.length > 0) {
    if (out.length > 0) out.push('');
    out.push(head === 'ko' ? `읽지 못한 파일 ${outcome.unreadable.length}개:` : `Could not read ${outcome.unreadable.length} file(s):`);
    for (const u of outcome.unreadable) out.push(`  ${printable(u.error.text(head))}`);
  }
  const count = (s: GradeStatus): number => outcome.graded.filter((g) => g.status === s).length;
  out.push('', head === 'ko'
    ? `채점 ${outcome.graded.length}건: 통과 ${count('pass')}, 실패 ${count('fail')}, 오류 ${count('error')}. 읽지 못한 파일 ${outcome.unreadable.length}개.`
    : `Graded ${outcome.graded.length}: ${count('pass')} pass, ${count('fail')} fail, ${count('error')} error. Unreadable files: ${outcome.unreadable.length}.`);
  return `${out.join('\n')}\n`;
}

/** Each assignment's grid: learners × exercises, a score and marks per cell, a total; then the marks' legend. */
export function formatGrids(outcome: GradingOutcome, lang: Locale): string[] {
  const out = [gridText(lang, 'gridsTitle')];
  for (const grid of buildGrids(outcome.graded)) {
    const head = [gridText(lang, 'learner'), ...grid.exercises.map(oneLine), gridText(lang, 'total')];
    const rows = grid.rows.map((r) => [oneLine(r.learner), ...r.cells.map(cellText), totalText(r.total)]);
    const widths = head.map((h, i) => Math.max(textWidth(h), ...rows.map((r) => textWidth(r[i]))));
    const line = (cells: string[]): string => cells.map((c, i) => padEnd(c, widths[i])).join('  ').trimEnd();
    out.push('', oneLine(gridTitle(grid, lang)), line(head), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line));
  }
  out.push('', gridText(lang, 'legend'), `  ${MISSING} ${markMeaning('missing', lang)}`, ...GRID_MARKS.map((m) => `  ${MARK_SYMBOL[m]} ${markMeaning(m, lang)}`), `  ${gridText(lang, 'totalNote')}`);
  return out;
}
