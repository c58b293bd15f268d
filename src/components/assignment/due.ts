// The due date as the teacher types it (a date, a time, in their own time
// zone) and as the learner reads it (in theirs). Stored with the teacher's
// offset, so "23:59 in Seoul" means the same instant everywhere.

/** "2026-12-10" + "23:59" + the offset east of UTC in minutes → "2026-12-10T23:59+09:00"; no date, no due. */
export function dueFromInputs(date: string, time: string, offsetMinutes: number): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return undefined;
  const clock = /^\d{2}:\d{2}$/.test(time) ? time : '23:59';
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date}T${clock}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** The browser's offset east of UTC, in minutes, at that local date and time (summer time included). */
export const localOffsetAt = (date: string, time: string): number => -new Date(`${date}T${/^\d{2}:\d{2}$/.test(time) ? time : '23:59'}`).getTimezoneOffset();

/** The due instant in the reader's language and time zone. */
export const formatDue = (due: string, locale: 'ko' | 'en'): string =>
  new Intl.DateTimeFormat(locale === 'ko' ? 'ko-KR' : 'en-GB', { dateStyle: 'long', timeStyle: 'short' }).format(new Date(due));
