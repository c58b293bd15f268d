// The exercises as they are on disk: ids from the folder names under
// src/exercises, definitions loaded on demand, and the content version the
// exercise page would compute for the same starter and exercise source.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ExerciseDefinition } from '../exercise.ts';
import { computeContentVersion } from '../submission/content-version.ts';
import type { CatalogEntry, ExerciseCatalog } from './types.ts';

export function diskCatalog(exercisesDir: string): ExerciseCatalog {
  const ids = readdirSync(exercisesDir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && /^\d\d-/.test(e.name) && existsSync(join(exercisesDir, e.name, 'exercise.ts')))
    .map((e) => e.name)
    .sort();
  const cache = new Map<string, Promise<CatalogEntry>>();
  const load = async (id: string): Promise<CatalogEntry> => {
    const folder = join(exercisesDir, id);
    const exerciseFile = join(folder, 'exercise.ts');
    const module = (await import(pathToFileURL(exerciseFile).href)) as { default: ExerciseDefinition };
    const contentVersion = computeContentVersion({
      starter: readFileSync(join(folder, 'starter.ts'), 'utf8'),
      exerciseSource: readFileSync(exerciseFile, 'utf8'),
    });
    return { definition: module.default, contentVersion };
  };
  return {
    ids,
    get(id) {
      if (!ids.includes(id)) return Promise.reject(new Error(`unknown exercise ${id}`));
      if (!cache.has(id)) cache.set(id, load(id));
      return cache.get(id)!;
    },
  };
}
