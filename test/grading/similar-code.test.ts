// Likeness notes on real exercise code: learners who both wrote the usual
// answer are not alike; the same own code (renamed comments, spacing and
// quotes do not hide it) is noted, and so is nearly the same.
import { describe, expect, it } from 'vitest';
import { loadExercise } from '../../src/exercises/registry.node.ts';
import { codeTokens, similarPairs, type HandedIn } from '../../src/grading/grader/similar-code.ts';

const { starter, solution } = await loadExercise('09-training');
const given = () => [starter, solution];

// A learner's own way to the same result: a loop of fits with its own names and prints.
const OWN = solution.replace(
  /export const history = await model\.fit\([\s\S]*?\}\);/,
  `const rounds: number[] = [];
let lastLoss = Infinity;
for (let round = 0; round < 1; round++) {
  const h = await model.fit(xTrain, yTrain, { epochs: 3, batchSize: 128, validationData: [xVal, yVal], verbose: 0 });
  lastLoss = h.history.loss[h.history.loss.length - 1] as number;
  rounds.push(lastLoss);
  console.log('round', round, 'loss', lastLoss.toFixed(4), 'best so far', Math.min(...rounds).toFixed(4));
}
export const history = await model.fit(xTrain, yTrain, { epochs: 3, batchSize: 128, validationData: [xVal, yVal] });`,
);

const handedIn = (learner: string, code: string, index: number, exercise = '09-training'): HandedIn => ({ index, learner, file: `${learner}.json`, exercise, code });

describe('similar code', () => {
  it('reads tokens without comments, spacing or quote style', () => {
    expect(codeTokens("const a = 'x'; // note\n/* block */ f( a )")).toEqual(['const', 'a', '=', '"x"', ';', 'f', '(', 'a', ')']);
    expect(codeTokens('const a = "x";')).toEqual(codeTokens("const   a='x' ;"));
  });

  it('does not pair learners who both wrote the usual answer, or who left the starter', () => {
    const tidy = solution.replace(/\n\n/g, '\n').replace(/'MNIST'/, '"MNIST"');
    expect(similarPairs([handedIn('Kim', solution, 0), handedIn('Lee', tidy, 1), handedIn('Park', starter, 2), handedIn('Choi', starter, 3)], given)).toEqual([]);
  });

  it('pairs the same own code under other comments and spacing, by different learners only', () => {
    const copy = `// my own work\n${OWN.replace(/;\n/g, ';\n\n').replace(/'round'/g, '"round"')}`;
    const pairs = similarPairs([handedIn('Kim', OWN, 0), handedIn('Lee', copy, 1), handedIn('kim ', OWN, 2), handedIn('Park', solution, 3)], given);
    expect(pairs).toEqual([
      { a: 0, b: 1, kind: 'identical', share: 1 },
      { a: 1, b: 2, kind: 'identical', share: 1 },
    ]);
  });

  it('pairs nearly the same own code, and not the same code handed in for another exercise', () => {
    const edited = OWN.replace("'best so far'", "'best'");
    const pairs = similarPairs([handedIn('Kim', OWN, 0), handedIn('Lee', edited, 1), handedIn('Park', OWN, 2, '10-early-stopping')], (exercise) => (exercise === '09-training' ? given() : []));
    expect(pairs).toHaveLength(1);
    expect(pairs[0]).toMatchObject({ a: 0, b: 1, kind: 'near' });
    expect(pairs[0].share).toBeGreaterThanOrEqual(0.8);
    expect(pairs[0].share).toBeLessThan(1);
  });
});
