// The work an exercise's program does, counted from its run's events rather
// than timed: training steps (batches) of every fit, from the sandbox's
// automatic fit-progress stream. Used by test/sandbox/exercises.test.ts to
// hold each solution to a work allowance derived from its time budget, and
// by the bench (scripts/bench/exercise-phases.ts).
import type { FitProgressPayload, ShowPayload } from '../../src/contract/show.ts';

/** Batches trained over all fits: per fit, epochs run × batches per epoch. */
export function trainingSteps(shows: ShowPayload[]): number {
  const fits = new Map<number, { epochs: number; batches: number }>();
  for (const show of shows) {
    if (show.kind !== 'fit-progress') continue;
    const p = show as FitProgressPayload;
    const fit = fits.get(p.fitId) ?? { epochs: 0, batches: 0 };
    if (p.batches !== undefined) fit.batches = Math.max(fit.batches, p.batches);
    if (p.batch !== undefined) fit.batches = Math.max(fit.batches, p.batch + 1);
    if (p.phase === 'epoch') {
      for (const e of [...(p.earlier ?? []), { epoch: p.epoch }]) fit.epochs = Math.max(fit.epochs, e.epoch + 1);
    }
    fits.set(p.fitId, fit);
  }
  return [...fits.values()].reduce((sum, f) => sum + f.epochs * f.batches, 0);
}
