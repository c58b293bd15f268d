// Every run draws from a seeded Math.random: tfjs's initialisers, Dropout and
// shuffling all fall back to it when given no seed, so the same code and seed
// train the same model on the same backend, in the page and in a re-grade.
import { RandomState } from '../course/random.ts';

/** Replaces Math.random with MT19937 seeded by `seed`; returns the undo. */
export function seedMathRandom(seed: number): () => void {
  const state = new RandomState(seed >>> 0);
  const original = Math.random;
  Math.random = () => state.nextUint32() / 4294967296;
  return () => {
    Math.random = original;
  };
}
