// Finds exercises on disk (Node: tests, the grader, the sandbox child).
// One folder per exercise: exercise.ts, starter.ts, solution.ts, wrong/*.ts;
// catalogue.ts checks what is found, as the Vite loader does.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { checkExerciseId, EXERCISE_ID, unknownExercise, validateExercise, type Exercise } from './catalogue.ts';

export const EXERCISES_DIR = path.dirname(fileURLToPath(import.meta.url));

export interface WrongAnswer {
  /** File name inside wrong/, e.g. "labels-not-shown.ts". */
  name: string;
  code: string;
  /** The check id named by the file's first line `// expect-fail: <check id>`. */
  expectFail: string;
}

export interface ExerciseFiles extends Exercise {
  wrong: WrongAnswer[];
}

/** Ids of every exercise folder, sorted. */
export function listExercises(): string[] {
  return readdirSync(EXERCISES_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory() && EXERCISE_ID.test(d.name) && existsSync(path.join(EXERCISES_DIR, d.name, 'exercise.ts')))
    .map((d) => d.name)
    .sort();
}

export function parseExpectFail(code: string, file: string): string {
  const match = /^\s*\/\/\s*expect-fail:\s*([\w.-]+)/.exec(code);
  if (!match) throw new Error(`${file}: the first line must be "// expect-fail: <check id>" naming the check this answer fails.`);
  return match[1];
}

const readIfThere = (file: string): string | undefined => (existsSync(file) ? readFileSync(file, 'utf8') : undefined);

export async function loadExercise(id: string): Promise<ExerciseFiles> {
  checkExerciseId(id);
  const file = (name: string) => path.join(EXERCISES_DIR, id, name);
  if (!existsSync(file('exercise.ts'))) unknownExercise(id, listExercises());
  const module = (await import(pathToFileURL(file('exercise.ts')).href)) as { default?: unknown };
  const exercise = validateExercise(id, { definition: module.default, starter: readIfThere(file('starter.ts')), solution: readIfThere(file('solution.ts')) });
  const wrongDir = file('wrong');
  const wrong = existsSync(wrongDir)
    ? readdirSync(wrongDir)
        .filter((n) => /\.(ts|js)$/.test(n))
        .sort()
        .map((name) => {
          const code = readFileSync(path.join(wrongDir, name), 'utf8');
          return { name, code, expectFail: parseExpectFail(code, path.join(wrongDir, name)) };
        })
    : [];
  return { ...exercise, wrong };
}
