// What makes a folder under src/exercises an exercise, checked the same way
// whichever loader found it: the Vite one (registry.browser.ts: pages, the
// learner and check workers) or the Node one (registry.node.ts: tests, the
// grader, the Node sandbox). A broken folder fails loudly, naming the file
// and the fix, instead of reaching a learner as an empty starter.
import type { ExerciseDefinition } from '../contract/exercise.ts';
import { DATASET_NAMES, locales, type Locale } from '../contract/locale.ts';
import { localizeSource } from './localize-source.ts';

/**
 * `<lesson number>-<slug>`: the folder name, the progress store's key and the
 * submissions' `exerciseId`, so it never changes once published (two
 * exercises of one lesson share its number: `04-preprocessing`, `04-scalers`).
 */
export const EXERCISE_ID = /^\d{2}-[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The files every exercise folder holds (wrong/ answers are Node-only). */
export type ExerciseFile = 'exercise.ts' | 'starter.ts' | 'solution.ts';

export interface Exercise {
  id: string;
  definition: ExerciseDefinition;
  /** starter.ts as written, comments in both languages: the content version and the drafts' starter hash read this. */
  starter: string;
  /** solution.ts as written, comments in both languages. */
  solution: string;
  /** What a learner sees on a page of each language (localize-source.ts): the editor, Reset, Solution. */
  localized: Record<Locale, { starter: string; solution: string }>;
}

export class ExerciseFolderError extends Error {
  constructor(id: string, problems: string[]) {
    super(`src/exercises/${id}/: ${problems.join('; ')}.`);
    this.name = 'ExerciseFolderError';
  }
}

/** Throws unless `id` can name an exercise folder. */
export function checkExerciseId(id: string): void {
  if (!EXERCISE_ID.test(id)) {
    throw new ExerciseFolderError(id, [`${JSON.stringify(id)} is not an exercise id: use the folder name, a two-digit lesson number and a lowercase slug like "02-mnist-shapes"`]);
  }
}

/** Throws unless `text` is a non-empty source file `file` of exercise `id`. */
export function checkSource(id: string, file: ExerciseFile, text: unknown): string {
  if (typeof text !== 'string' || text.trim() === '') throw new ExerciseFolderError(id, [`${file} is missing or empty: every exercise folder needs one`]);
  return text;
}

const isLocalized = (value: unknown): boolean =>
  typeof value === 'object' && value !== null && ['ko', 'en'].every((l) => typeof (value as Record<string, unknown>)[l] === 'string' && (value as Record<string, string>)[l].trim() !== '');

const isTextList = (value: unknown): value is string[] => Array.isArray(value) && value.every((v) => typeof v === 'string' && v.trim() !== '');

/** What is wrong with a default export that should be `defineExercise({ … })` for folder `id`. */
function definitionProblems(id: string, value: unknown): string[] {
  if (typeof value !== 'object' || value === null) return ['exercise.ts must default-export defineExercise({ … })'];
  const d = value as Partial<Record<keyof ExerciseDefinition, unknown>>;
  const problems: string[] = [];
  if (d.id !== id) problems.push(`exercise.ts says id ${JSON.stringify(d.id)}; it must equal the folder name`);
  if (typeof d.lesson !== 'string' || d.lesson.slice(0, 3) !== id.slice(0, 3)) {
    problems.push(`lesson ${JSON.stringify(d.lesson)} must be the slug of the lesson whose number starts the id ("${id.slice(0, 2)}-…")`);
  }
  if (!isLocalized(d.title)) problems.push('title needs { ko, en }');
  if (!Array.isArray(d.datasets) || !d.datasets.every((name) => (DATASET_NAMES as readonly unknown[]).includes(name))) problems.push(`datasets must list names from ${DATASET_NAMES.join(', ')}`);
  if (typeof d.timeBudgetMs !== 'number' || !(d.timeBudgetMs > 0)) problems.push('timeBudgetMs must be a positive number of milliseconds');
  const { ko, en } = (d.hints ?? {}) as { ko?: unknown; en?: unknown };
  if (!isTextList(ko) || !isTextList(en) || ko.length !== en.length || ko.length === 0) {
    problems.push('hints needs { ko: [...], en: [...] }, the same number of texts in each');
  }
  if (d.probes !== undefined && (typeof d.probes !== 'object' || d.probes === null || !Object.values(d.probes).every((p) => typeof p === 'function'))) {
    problems.push('probes must map names to functions');
  }
  if (!Array.isArray(d.checks) || d.checks.length === 0) {
    problems.push('checks must list at least one check');
  } else {
    const ids = new Set<unknown>();
    for (const [i, check] of (d.checks as unknown[]).entries()) {
      const c = (check ?? {}) as { id?: unknown; title?: unknown; run?: unknown };
      if (typeof c.id !== 'string' || ids.has(c.id)) problems.push(`check ${i} needs an id of its own`);
      if (!isLocalized(c.title) || typeof c.run !== 'function') problems.push(`check ${String(c.id ?? i)} needs a title { ko, en } and a run(ctx) function`);
      ids.add(c.id);
    }
  }
  return problems;
}

/** The exercise in folder `id`, from the three files a loader read; throws naming every problem. */
export function validateExercise(id: string, files: { definition: unknown; starter: unknown; solution: unknown }): Exercise {
  checkExerciseId(id);
  const problems = definitionProblems(id, files.definition);
  for (const [file, text] of [['starter.ts', files.starter], ['solution.ts', files.solution]] as const) {
    if (typeof text !== 'string' || text.trim() === '') problems.push(`${file} is missing or empty`);
    else problems.push(...localizingProblems(file, text));
  }
  if (problems.length > 0) throw new ExerciseFolderError(id, problems);
  const starter = files.starter as string;
  const solution = files.solution as string;
  const localized = Object.fromEntries(locales.map((l) => [l, { starter: localizeSource(starter, l), solution: localizeSource(solution, l) }]));
  return { id, definition: files.definition as ExerciseDefinition, starter, solution, localized: localized as Exercise['localized'] };
}

/** A misplaced language marker in `file`, as a problem to list (none when it localizes). */
function localizingProblems(file: ExerciseFile, text: string): string[] {
  try {
    localizeSource(text, 'ko');
    return [];
  } catch (error) {
    return [`${file} ${(error as Error).message}`];
  }
}

/** Throws for an id that names no folder, listing the ones that exist. */
export function unknownExercise(id: string, known: readonly string[]): never {
  checkExerciseId(id);
  throw new ExerciseFolderError(id, [`no such exercise (the folder or its exercise.ts is missing); known exercises: ${known.join(', ') || '(none yet)'}`]);
}

/** The folder name in a path like `./02-mnist-shapes/exercise.ts` or `../exercises/02-mnist-shapes/starter.ts`. */
export const folderOf = (path: string): string => path.split('/').at(-2)!;
