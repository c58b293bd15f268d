import type { Locale } from '../contract/locale.ts';

// Where a lesson's notebook is served, relative to the site's base, and the
// name it is saved under. The routes in src/pages/notebooks/ and
// src/pages/en/notebooks/ serve these paths (the locale layout of the
// lessons: Korean at the root, English under en/); the download link names
// the file after lesson and language, since both locales' files share a name.
export const notebookPath = (locale: Locale, lesson: string): string =>
  `${locale === 'en' ? 'en/' : ''}notebooks/${lesson}.ipynb`;

export const notebookFileName = (locale: Locale, lesson: string): string => `${lesson}.${locale}.ipynb`;

const LESSON_ID = /^(?:(en)\/)?lessons\/(\d{2}-[a-z0-9-]+)$/;

/** The lesson slug (`09-training`) of a docs entry id in `locale` (`lessons/09-training`, `en/lessons/09-training`), else undefined. */
export function lessonOf(entryId: string, locale: Locale): string | undefined {
  const match = LESSON_ID.exec(entryId);
  if (!match || (match[1] === 'en') !== (locale === 'en')) return undefined;
  return match[2];
}
