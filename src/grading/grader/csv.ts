// --csv: one row per learner, exercise and check (RFC 4180, CRLF). A UTF-8
// byte-order mark makes Excel read Korean correctly; cells that a spreadsheet
// would run as a formula (learner names are typed by learners) get a leading
// apostrophe.
import type { Locale } from '../../contract/locale.ts';
import type { GradingOutcome } from './types.ts';

export const CSV_COLUMNS = ['learner', 'exercise', 'check', 'status', 'score', 'message'] as const;

export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Per-check score: 1 or 0 for a graded check, empty for advice-only checks. */
export function toCsv(outcome: GradingOutcome, lang: Locale | undefined, fallback: Locale): string {
  const rows: string[][] = [[...CSV_COLUMNS]];
  for (const g of outcome.graded) {
    const locale = lang ?? g.locale;
    for (const t of g.tests) {
      rows.push([g.learner, g.exercise, t.id, t.status, t.graded ? (t.status === 'pass' ? '1' : '0') : '', t.message?.[locale] ?? '']);
    }
  }
  // An unreadable file still gets a row, so a spreadsheet shows who to chase.
  for (const u of outcome.unreadable) rows.push(['', '', '', 'error', '', u.error.text(lang ?? fallback)]);
  return `\ufeff${rows.map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
