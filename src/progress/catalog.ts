// What the progress page lists, computed at build time: every lesson of a
// locale, in sidebar order, with its exercises (by the definitions' `lesson`)
// and its quizzes (found in the lesson's MDX as <Quiz lesson="…" n={…}>).
import type { Locale, Localized } from '../contract/locale.ts';

export interface CatalogItem {
  /** The progress store's id: an exercise id or `quiz:<lesson>:<n>`. */
  id: string;
  kind: 'exercise' | 'quiz';
  title: string;
}

export interface CatalogLesson {
  slug: string;
  title: string;
  href: string;
  items: CatalogItem[];
}

export interface LessonEntry {
  /** Collection id, e.g. "lessons/02-mnist" or "en/lessons/02-mnist". */
  id: string;
  title: string;
  order?: number;
  body?: string;
}

export interface ExerciseEntry {
  id: string;
  lesson: string;
  title: Localized;
}

export function quizNumbers(body: string, lesson: string): number[] {
  const numbers = new Set<number>();
  for (const match of body.matchAll(/<Quiz\b[^>]*?>/gs)) {
    const tag = match[0];
    const lessonAttr = /\blesson=["']([^"']+)["']/.exec(tag)?.[1];
    const n = /\bn=\{?\s*["']?(\d+)/.exec(tag)?.[1];
    if (lessonAttr === lesson && n) numbers.add(Number(n));
  }
  return [...numbers].sort((a, b) => a - b);
}

export function buildCatalog(locale: Locale, lessons: LessonEntry[], exercises: ExerciseEntry[], base: string): CatalogLesson[] {
  const prefix = locale === 'en' ? 'en/lessons/' : 'lessons/';
  const root = base.endsWith('/') ? base : `${base}/`;
  return lessons
    .filter((entry) => entry.id.startsWith(prefix) && !entry.id.slice(prefix.length).includes('/'))
    .sort((a, b) => (a.order ?? 1e9) - (b.order ?? 1e9) || a.id.localeCompare(b.id))
    .map((entry) => {
      const slug = entry.id.slice(prefix.length);
      const items: CatalogItem[] = exercises
        .filter((exercise) => exercise.lesson === slug)
        .sort((a, b) => a.id.localeCompare(b.id))
        .map((exercise) => ({ id: exercise.id, kind: 'exercise', title: exercise.title[locale] }));
      for (const n of quizNumbers(entry.body ?? '', slug)) items.push({ id: `quiz:${slug}:${n}`, kind: 'quiz', title: `#${n}` });
      return { slug, title: entry.title, href: `${root}${locale === 'en' ? 'en/' : ''}lessons/${slug}/`, items };
    });
}
