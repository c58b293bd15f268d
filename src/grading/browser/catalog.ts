// The exercise catalog in a browser bundle: the definitions come lazily from
// the bundle's exercise registry; the content versions were computed when the
// page was built (Gradebook.astro, the same way the exercise pages compute
// them), so a submission made against other content gets the same note as on
// the command line.
import { loadExercise } from '../../exercises/registry.browser.ts';
import type { CatalogEntry, ExerciseCatalog } from '../grader/types.ts';

export function browserCatalog(contentVersions: Readonly<Record<string, string>>): ExerciseCatalog {
  const cache = new Map<string, Promise<CatalogEntry>>();
  const ids = Object.keys(contentVersions).sort();
  return {
    ids,
    get(id) {
      let entry = cache.get(id);
      if (!entry) {
        entry = loadExercise(id).then(({ definition, starter, solution }) => ({ definition, contentVersion: contentVersions[id], givenCode: [starter, solution] }));
        cache.set(id, entry);
      }
      return entry;
    },
  };
}
