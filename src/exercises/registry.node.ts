// Finds exercises on disk (Node: tests, the grader, the sandbox child).
// One folder per exercise: exercise.ts, starter.ts, solution.ts, wrong/*.ts.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { ExerciseDefinition } from '../contract/exercise.ts';

export const EXERCISES_DIR = path.dirname(fileURLToPath(import.meta.url));
const ID = /^\d{2}-[a-z0-9-]+$/;

export interface WrongAnswer {
  /** File name inside wrong/, e.g. "labels-not-shown.ts". */
  name: string;
  code: string;
  /** The check id named by the file's first line `// expect-fail: <check id>`. */
  expectFail: string;
}

export interface ExerciseFiles {
  definition: ExerciseDefinition;
  starter: string;
  solution: string;
  wrong: WrongAnswer[];
}

/** Ids of every exercise folder, sorted. */
export function listExercises(): string[] {
  return readdirSync(EXERCISES_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory() && ID.test(d.name) && existsSync(path.join(EXERCISES_DIR, d.name, 'exercise.ts')))
    .map((d) => d.name)
    .sort();
}

export function parseExpectFail(code: string, file: string): string {
  const match = /^\s*\/\/\s*expect-fail:\s*([\w.-]+)/.exec(code);
  if (!match) throw new Error(`${file}: the first line must be "// expect-fail: <check id>" naming the check this answer fails.`);
  return match[1];
}

export async function loadExercise(id: string): Promise<ExerciseFiles> {
  if (!ID.test(id)) throw new Error(`Exercise id ${JSON.stringify(id)} is not a folder name like "02-mnist-shapes".`);
  const dir = path.join(EXERCISES_DIR, id);
  const file = (name: string) => path.join(dir, name);
  if (!existsSync(file('exercise.ts'))) throw new Error(`Exercise ${id}: ${file('exercise.ts')} does not exist.`);
  const module = (await import(pathToFileURL(file('exercise.ts')).href)) as { default?: ExerciseDefinition };
  const definition = module.default;
  if (!definition || !Array.isArray(definition.checks)) {
    throw new Error(`Exercise ${id}: exercise.ts must default-export defineExercise({ … }).`);
  }
  if (definition.id !== id) throw new Error(`Exercise ${id}: exercise.ts says id "${definition.id}"; it must equal the folder name.`);
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
  return {
    definition,
    starter: readFileSync(file('starter.ts'), 'utf8'),
    solution: readFileSync(file('solution.ts'), 'utf8'),
    wrong,
  };
}
