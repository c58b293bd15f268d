// What the assignment pages list, at build time: the course's exercises in
// lesson order (the progress page's catalogue), each with its title in the
// page's language, where to work on it (its lesson, at the exercise), and its
// content version (as the exercise page computes it for a submission).
import { getCollection } from 'astro:content';
import type { Locale } from '../../contract/locale.ts';
import { exerciseIds, loadExercise, loadExerciseSource } from '../../exercises/registry.browser.ts';
import { computeContentVersion } from '../../grading/submission.ts';
import { buildCatalog } from '../../progress/catalog.ts';

export interface AssignableExercise {
  id: string;
  title: string;
  /** The lesson page, scrolled to the exercise. */
  href: string;
  contentVersion: string;
}

export interface AssignableLesson {
  title: string;
  exercises: AssignableExercise[];
}

export async function assignableLessons(locale: Locale): Promise<AssignableLesson[]> {
  const docs = await getCollection('docs');
  const exercises = await Promise.all(exerciseIds().map(async (id) => {
    const [{ definition, starter }, exerciseSource] = await Promise.all([loadExercise(id), loadExerciseSource(id)]);
    return { id, lesson: definition.lesson, title: definition.title, contentVersion: computeContentVersion({ starter, exerciseSource }) };
  }));
  const lessons = buildCatalog(
    locale,
    docs.map((entry) => ({ id: entry.id, title: entry.data.title, order: entry.data.sidebar?.order })),
    exercises,
    import.meta.env.BASE_URL,
  );
  return lessons
    .map((lesson) => ({
      title: lesson.title,
      exercises: lesson.items.filter((item) => item.kind === 'exercise').map((item) => ({
        id: item.id,
        title: item.title,
        href: `${lesson.href}#exercise-${item.id}`,
        contentVersion: exercises.find((e) => e.id === item.id)!.contentVersion,
      })),
    }))
    .filter((lesson) => lesson.exercises.length > 0);
}
