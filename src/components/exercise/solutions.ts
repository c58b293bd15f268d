// Reference solutions, each its own small chunk fetched only when asked for.
const solutions = import.meta.glob<string>('../../exercises/*/solution.ts', { query: '?raw', import: 'default' });

export async function loadSolution(exerciseId: string): Promise<string> {
  const load = solutions[`../../exercises/${exerciseId}/solution.ts`];
  if (!load) throw new Error(`no src/exercises/${exerciseId}/solution.ts`);
  return load();
}
