// The chapter's burger example: three scores, drawn as sigmoid and softmax.
import { sigmoid, softmax, sum } from '../../viz/math.ts';
import type { StringKey } from '../../viz/strings.ts';

export const BURGERS: StringKey[] = ['burgerBulgogi', 'burgerCheese', 'burgerChicken'];

/** The chapter's two examples: close scores, then clearly different ones. */
export const PRESETS: { key: StringKey; scores: [number, number, number] }[] = [
  { key: 'presetClose', scores: [3.1, 3.0, 2.9] },
  { key: 'presetClear', scores: [2.0, 1.0, 0.7] },
];

export const SCORE_RANGE = { min: -3, max: 6, step: 0.1 };

export interface BurgerMath {
  sigmoids: number[];
  softmaxes: number[];
  sigmoidSum: number;
  softmaxSum: number;
}

export function burgerMath(scores: readonly number[]): BurgerMath {
  const sigmoids = scores.map(sigmoid);
  const softmaxes = softmax(scores);
  return { sigmoids, softmaxes, sigmoidSum: sum(sigmoids), softmaxSum: sum(softmaxes) };
}

/**
 * The table's numbers: 3 decimals. Every value is ≥ 0, so this matches the
 * charts' d3 '.3f' without loading d3 before the charts are needed.
 */
export function fmtBurger(value: number): string {
  return value.toFixed(3);
}
