// The exercises as they are on disk (through the Node exercise registry),
// with the content version the exercise page computes for the same starter
// and exercise source.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXERCISES_DIR, listExercises, loadExercise } from '../../exercises/registry.node.ts';
import { computeContentVersion } from '../submission/content-version.ts';
import type { CatalogEntry, ExerciseCatalog } from './types.ts';

export function nodeCatalog(): ExerciseCatalog {
  const ids = listExercises();
  const cache = new Map<string, Promise<CatalogEntry>>();
  const load = async (id: string): Promise<CatalogEntry> => {
    const { definition, starter, solution } = await loadExercise(id);
    const exerciseSource = readFileSync(join(EXERCISES_DIR, id, 'exercise.ts'), 'utf8');
    return { definition, contentVersion: computeContentVersion({ starter, exerciseSource }), givenCode: [starter, solution] };
  };
  return {
    ids,
    get(id) {
      if (!cache.has(id)) cache.set(id, load(id));
      return cache.get(id)!;
    },
  };
}
