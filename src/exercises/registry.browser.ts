// Finds exercises in a Vite bundle (pages at build time, the learner and
// check workers, the panel's solution button). Each glob entry is lazy, so a
// lesson page loads only the files of the exercise it shows, and a bundle
// keeps only the globs its code calls. catalogue.ts checks what is found.
import type { Locale } from '../contract/locale.ts';
import {
  checkExerciseId, checkSource, folderOf, unknownExercise, validateExercise, type Exercise,
} from './catalogue.ts';
import { localizeSource } from './localize-source.ts';

const definitions = import.meta.glob<{ default: unknown }>('./*/exercise.ts');
const starters = import.meta.glob<string>('./*/starter.ts', { query: '?raw', import: 'default' });
const solutions = import.meta.glob<string>('./*/solution.ts', { query: '?raw', import: 'default' });
const sources = import.meta.glob<string>('./*/exercise.ts', { query: '?raw', import: 'default' });

/** Ids of every exercise in the bundle, sorted. */
export function exerciseIds(): string[] {
  return Object.keys(definitions).map(folderOf).sort();
}

const key = (id: string, file: string) => `./${id}/${file}`;

export type { Exercise as BrowserExercise };

export async function loadExercise(id: string): Promise<Exercise> {
  checkExerciseId(id);
  const loadDefinition = definitions[key(id, 'exercise.ts')];
  if (!loadDefinition) unknownExercise(id, exerciseIds());
  const [module, starter, solution] = await Promise.all([
    loadDefinition(),
    starters[key(id, 'starter.ts')]?.(),
    solutions[key(id, 'solution.ts')]?.(),
  ]);
  return validateExercise(id, { definition: module.default, starter, solution });
}

/** The reference solution alone, as a `locale` page shows it (its own small chunk, fetched only when asked for). */
export async function loadSolution(id: string, locale: Locale): Promise<string> {
  checkExerciseId(id);
  const load = solutions[key(id, 'solution.ts')];
  if (!load) unknownExercise(id, Object.keys(solutions).map(folderOf).sort());
  return localizeSource(checkSource(id, 'solution.ts', await load()), locale);
}

/** exercise.ts as text: the exercise page's content version hashes it with the starter. */
export async function loadExerciseSource(id: string): Promise<string> {
  checkExerciseId(id);
  const load = sources[key(id, 'exercise.ts')];
  if (!load) unknownExercise(id, exerciseIds());
  return checkSource(id, 'exercise.ts', await load());
}
