// One check of what makes an exercise folder, shared by the Vite and Node
// loaders (src/exercises/catalogue.ts): every real folder passes it, and each
// kind of broken folder fails naming the file and the fix.
import { describe, expect, it } from 'vitest';
import { validateExercise } from '../../src/exercises/catalogue.ts';
import { listExercises, loadExercise } from '../../src/exercises/registry.node.ts';

const definition = {
  id: '04-scalers',
  lesson: '04-preprocessing',
  title: { ko: '스케일러', en: 'Scalers' },
  datasets: ['mnist'],
  timeBudgetMs: 1000,
  hints: { ko: ['하나', '둘'], en: ['one', 'two'] },
  checks: [{ id: 'a', title: { ko: '가', en: 'A' }, run: () => ({ status: 'passed' }) }],
};
const files = { definition, starter: 'export {};', solution: 'export const x = 1;' };

describe('validateExercise', () => {
  it('accepts a well-formed folder', () => {
    expect(validateExercise('04-scalers', files).definition).toBe(definition);
  });

  it.each([
    ['an id that is no folder name', '4-scalers', files, /is not an exercise id/],
    ['an id that differs from the folder', '04-other', files, /says id "04-scalers"; it must equal the folder name/],
    ['a missing starter', '04-scalers', { ...files, starter: undefined }, /starter\.ts is missing or empty/],
    ['an empty solution', '04-scalers', { ...files, solution: '  \n' }, /solution\.ts is missing or empty/],
    ['no default export', '04-scalers', { ...files, definition: undefined }, /must default-export defineExercise/],
    ['a lesson of another number', '04-scalers', { ...files, definition: { ...definition, lesson: '05-one-hot' } }, /lesson "05-one-hot"/],
    ['an unknown dataset', '04-scalers', { ...files, definition: { ...definition, datasets: ['cifar'] } }, /datasets must list/],
    ['hints of unequal length', '04-scalers', { ...files, definition: { ...definition, hints: { ko: ['하나'], en: ['one', 'two'] } } }, /hints needs/],
    ['a check without run', '04-scalers', { ...files, definition: { ...definition, checks: [{ id: 'a', title: definition.checks[0].title }] } }, /check a needs a title/],
    ['two checks with one id', '04-scalers', { ...files, definition: { ...definition, checks: [definition.checks[0], definition.checks[0]] } }, /check 1 needs an id of its own/],
  ])('rejects %s', (_, id, broken, message) => {
    expect(() => validateExercise(id, broken)).toThrow(message);
  });
});

describe('the Node loader', () => {
  it('loads every folder through the shared check', async () => {
    for (const id of listExercises()) expect((await loadExercise(id)).id).toBe(id);
  });

  it('names the known exercises for an unknown id', async () => {
    await expect(loadExercise('99-nothing')).rejects.toThrow(/known exercises: 01-tensor-basics, /);
  });
});
