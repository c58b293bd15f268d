// --csv: one row per learner, exercise and check (RFC 4180, CRLF). A UTF-8
// byte-order mark makes Excel read Korean correctly. Learner text is shown
// with hidden characters made visible (visible-text.ts); a cell that a
// spreadsheet would run as a formula (=, +, -, @, tab or CR first, even after
// spaces) gets a leading apostrophe, and a cell holding a comma, semicolon
// (the separator of spreadsheets in many locales), quote or line break is
// quoted.
import type { Locale } from '../../contract/locale.ts';
import type { GradingOutcome } from './types.ts';
import { lateness } from './lateness.ts';
import { visibleText } from './visible-text.ts';

export const CSV_COLUMNS = ['learner', 'exercise', 'file', 'submitted_at', 'assignment', 'handed_in_at', 'late', 'check', 'status', 'score', 'message'] as const;

export function csvCell(value: string): string {
  const safe = /^[ \u00a0\u3000]*[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",;\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Per-check score: 1 or 0 for a graded check, empty for advice-only checks. Messages in `lang` only. */
export function toCsv(outcome: GradingOutcome, lang: Locale): string {
  const rows: string[][] = [[...CSV_COLUMNS]];
  const row = (cells: unknown[]): string[] => cells.map((cell, i) => visibleText(cell, i === CSV_COLUMNS.length - 1));
  for (const g of outcome.graded) {
    for (const t of g.tests) {
      const late = lateness(g);
      rows.push(row([g.learner, g.exercise, g.file, g.submittedAt, g.assignment?.title ?? '', g.handedInAt ?? '', late === null ? '' : late ? 'late' : 'on time', t.id, t.status, t.graded ? (t.status === 'pass' ? '1' : '0') : '', t.message?.[lang] ?? '']));
    }
  }
  // An unreadable file still gets a row, so a spreadsheet shows who to chase.
  for (const u of outcome.unreadable) rows.push(row(['', '', u.file, '', '', '', '', '', 'error', '', u.error.text(lang)]));
  return `\ufeff${rows.map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
