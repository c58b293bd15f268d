// Finds exercises in the browser bundle. Each glob entry is lazy, so a lesson
// page loads only the checks and texts of the exercise it shows.
import type { ExerciseDefinition } from '../contract/exercise.ts';

const definitions = import.meta.glob<{ default: ExerciseDefinition }>('./*/exercise.ts');
const starters = import.meta.glob<string>('./*/starter.ts', { query: '?raw', import: 'default' });
const solutions = import.meta.glob<string>('./*/solution.ts', { query: '?raw', import: 'default' });

export interface BrowserExercise {
  definition: ExerciseDefinition;
  starter: string;
  solution: string;
}

/** Ids of every exercise in the bundle, sorted. */
export function exerciseIds(): string[] {
  return Object.keys(definitions)
    .map((key) => key.split('/')[1])
    .sort();
}

export async function loadExercise(id: string): Promise<BrowserExercise> {
  const key = (file: string) => `./${id}/${file}`;
  const loadDefinition = definitions[key('exercise.ts')];
  if (!loadDefinition) throw new Error(`Unknown exercise "${id}": there is no src/exercises/${id}/exercise.ts.`);
  const [module, starter, solution] = await Promise.all([
    loadDefinition(),
    starters[key('starter.ts')]?.() ?? Promise.resolve(''),
    solutions[key('solution.ts')]?.() ?? Promise.resolve(''),
  ]);
  return { definition: module.default, starter, solution };
}
