// Finds exercises in a Vite bundle (pages at build time, the learner and
// check workers, the panel's solution button). Each glob entry is lazy, so a
// lesson page loads only the files of the exercise it shows, and a bundle
// keeps only the globs its code calls. catalogue.ts checks what is found.
import type { Locale } from '../contract/locale.ts';
import {
  checkExerciseId, checkSource, folderOf, unknownExercise, validateExercise, type Exercise, type ExerciseFile,
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

type RawFiles = Record<string, () => Promise<string>>;

/** One file of one exercise as text, through its own lazy chunk. */
async function loadText(files: RawFiles, id: string, file: ExerciseFile): Promise<string> {
  checkExerciseId(id);
  const load = files[key(id, file)];
  if (!load) unknownExercise(id, Object.keys(files).map(folderOf).sort());
  return checkSource(id, file, await load());
}

/** The reference solution alone, as a `locale` page shows it (its own small chunk, fetched only when asked for). */
export const loadSolution = async (id: string, locale: Locale): Promise<string> => localizeSource(await loadText(solutions, id, 'solution.ts'), locale);

/** exercise.ts as text: the exercise page's content version hashes it with the starter. */
export const loadExerciseSource = (id: string): Promise<string> => loadText(sources, id, 'exercise.ts');

/** starter.ts alone, as a `locale` page shows it: the assignment page hands it in for an exercise the learner never opened. */
export const loadStarter = async (id: string, locale: Locale): Promise<string> => localizeSource(await loadText(starters, id, 'starter.ts'), locale);
