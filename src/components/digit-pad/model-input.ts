// How a 28×28 drawing becomes the saved model's input, whatever input shape
// the learner built: [null, 784], [null, 28, 28] or [null, 28, 28, 1].
import { softmax, sum } from '../../viz/math.ts';

export function inputShapeFor(modelShape: readonly (number | null)[]): number[] {
  const rest = modelShape.slice(1);
  const size = rest.reduce<number>((a, d) => a * (d ?? 1), 1);
  if (rest.some((d) => d === null) || size !== 784) {
    throw new Error(
      `the saved model expects input shape [${modelShape.map((d) => (d === null ? 'null' : d)).join(', ')}], but the pad gives 28×28 = 784 values; save a model whose input is [null, 784] or [null, 28, 28]`,
    );
  }
  return [1, ...(rest as number[])];
}

/** A model ending in softmax gives probabilities; one ending in logits is softmaxed here. */
export function asProbabilities(outputs: readonly number[]): number[] {
  const isDistribution = outputs.every((v) => v >= 0 && v <= 1) && Math.abs(sum(outputs) - 1) < 1e-3;
  return isDistribution ? [...outputs] : softmax(outputs);
}

/** True when tfjs failed because nothing is stored under that path. */
export function isMissingModel(error: unknown): boolean {
  return /cannot find model|no model|not found/i.test(String(error instanceof Error ? error.message : error));
}
