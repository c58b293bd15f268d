// The rule that tells a check message which gives the solution away
// (solution-leaks.ts), on the shapes of code the exercises really have.
import { describe, expect, it } from 'vitest';
import { leakedFragment, solutionFragments } from './solution-leaks.ts';

const starter = `import { trainTestSplit } from 'course';
const model = tf.sequential();
export const history = undefined;
// show.history(history, { title: 'MNIST' });
`;
const solution = `import { trainTestSplit } from 'course';
// Split as in lesson 3.
const [xTrain, xVal, yTrain, yVal] = trainTestSplit(xAll, yAll, { testSize: 0.3, randomState: 777 });
const model = tf.sequential();
export const history = await model.fit(xTrain, yTrain, {
  epochs: 3,
  batchSize: 128,
  validationData: [xVal, yVal],
});
show.history(history, { title: 'MNIST' });
export const matrix = confusionMatrix(yTest, yPred);
}
`;
const fragments = solutionFragments(solution, starter);
const leaks = (message: string) => leakedFragment(message, fragments) !== undefined;

describe('solution leaks', () => {
  it('catches a whole statement, however the message spaces or joins it', () => {
    expect(leaks('`history` is empty: `export const history = await model.fit(xTrain, yTrain, { epochs: 3, batchSize: 128, validationData: [xVal, yVal] });`')).toBe(true);
    expect(leaks('write `model.fit(xTrain,yTrain,{epochs:3,batchSize:128,validationData:[xVal,yVal]})`')).toBe(true);
  });

  it('catches one line of a multi-line statement and a right-hand side, destructuring included', () => {
    expect(leaks('pass `validationData: [xVal, yVal]` to record val_loss')).toBe(true);
    expect(leaks('pass `epochs: 3` (the default is 1)')).toBe(true);
    expect(leaks('put the result of `confusionMatrix(yTest, yPred)` in `matrix`')).toBe(true);
    expect(leaks('hold out 30% with `trainTestSplit(xAll, yAll, { testSize: 0.3, randomState: 777 })`')).toBe(true);
  });

  it('lets prose, API names, comments and what the starter already shows through', () => {
    expect(leaks('it should train for at least 3 epochs: give fit\'s options object the epoch count')).toBe(false);
    expect(leaks('give `trainTestSplit` a `testSize` of 0.3 and `randomState` 777')).toBe(false);
    expect(leaks('Split as in lesson 3.')).toBe(false);
    expect(leaks('uncomment `show.history(history, { title: \'MNIST\' })`')).toBe(false);
    expect(leaks('keep the starter\'s `const model = tf.sequential();`')).toBe(false);
    expect(leaks('a lone `}` closes it')).toBe(false);
  });
});
