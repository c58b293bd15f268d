// The few formulas the chapter's pictures explain, kept pure so they can be tested.

/** Logistic sigmoid 1 / (1 + e^−x), computed without overflow for large |x|. */
export function sigmoid(x: number): number {
  if (x >= 0) return 1 / (1 + Math.exp(-x));
  const e = Math.exp(x);
  return e / (1 + e);
}

/**
 * Softmax that subtracts the maximum first, so scores like [1000, 999] give
 * finite probabilities instead of Infinity / Infinity = NaN.
 */
export function softmax(scores: readonly number[]): number[] {
  if (scores.length === 0) return [];
  for (const s of scores) {
    if (!Number.isFinite(s)) throw new Error(`softmax: every score must be a finite number, got ${s}`);
  }
  const max = Math.max(...scores);
  const exps = scores.map((s) => Math.exp(s - max));
  const total = exps.reduce((a, b) => a + b, 0);
  return exps.map((e) => e / total);
}

/**
 * Categorical cross-entropy −Σ y·log p for one sample. `target` is either a
 * class index or a one-hot / probability vector. Probabilities are clipped to
 * [ε, 1] like Keras does, so a wrong confident answer costs a large finite loss.
 */
export function crossEntropy(probabilities: readonly number[], target: number | readonly number[], epsilon = 1e-7): number {
  const clip = (p: number) => Math.min(1, Math.max(epsilon, p));
  if (typeof target === 'number') {
    if (!Number.isInteger(target) || target < 0 || target >= probabilities.length) {
      throw new Error(`crossEntropy: class index ${target} is outside 0..${probabilities.length - 1}`);
    }
    return -Math.log(clip(probabilities[target]));
  }
  if (target.length !== probabilities.length) {
    throw new Error(`crossEntropy: ${probabilities.length} probabilities but ${target.length} target values; give one target value per class`);
  }
  let loss = 0;
  for (let i = 0; i < target.length; i++) if (target[i] !== 0) loss -= target[i] * Math.log(clip(probabilities[i]));
  return loss;
}

/** The probability a loss corresponds to on the −log p curve: p = e^−loss. */
export function probabilityFromLoss(loss: number): number {
  return Math.exp(-loss);
}

/** Sum of an array, for showing that softmax sums to 1 and sigmoids do not. */
export function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

/** Index of the largest value (the first one on ties); −1 for an empty array. */
export function argmax(values: readonly number[]): number {
  let best = -1;
  for (let i = 0; i < values.length; i++) if (best < 0 || values[i] > values[best]) best = i;
  return best;
}
