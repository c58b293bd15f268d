// What a run is doing right now, told from its events alone: preparing the
// sandbox, loading data, running the learner's code, training (epoch k of n)
// predicting or evaluating many rows (model-step-hook.ts), or checking. The
// page cannot see inside learner code, so between two things it can see
// (after the data loaded, after a fit ended) it says "running your code",
// never a stale "loading 100%".
import type { Locale } from '../../contract/locale.ts';
import type { ModelStep, RunEvent } from '../../contract/protocol.ts';
import { text } from './strings.ts';

export type RunPhase =
  | { kind: 'preparing' }
  | { kind: 'loading-data'; dataset: string; fraction: number }
  | { kind: 'running' }
  | { kind: 'training'; epoch: number; epochs: number; fraction: number }
  | { kind: 'model-step'; step: ModelStep; rows: number }
  | { kind: 'checking' };

export const PREPARING: RunPhase = { kind: 'preparing' };
/** Set by the page when the check realm gets the run's data (client.ts's onChecking). */
export const CHECKING: RunPhase = { kind: 'checking' };

export function nextPhase(phase: RunPhase, event: RunEvent): RunPhase {
  if (phase.kind === 'checking') return phase;
  switch (event.type) {
    case 'started':
      return phase.kind === 'preparing' ? { kind: 'running' } : phase;
    case 'data-progress':
      return event.totalBytes > 0 && event.loadedBytes < event.totalBytes
        ? { kind: 'loading-data', dataset: event.dataset, fraction: event.loadedBytes / event.totalBytes }
        : { kind: 'running' };
    case 'show': {
      const p = event.payload;
      if (p.kind !== 'fit-progress') return phase;
      if (p.phase === 'end') return { kind: 'running' };
      // Batches done so far, over the whole fit (as the live chart's bar counts them).
      const perEpoch = p.phase === 'epoch' ? 1 : p.phase === 'batch' && p.batches ? ((p.batch ?? 0) + 1) / p.batches : 0;
      const epochs = Math.max(1, p.epochs);
      return { kind: 'training', epoch: Math.min(p.epoch + 1, epochs), epochs, fraction: Math.min(1, (p.epoch + perEpoch) / epochs) };
    }
    case 'model-step':
      return event.phase === 'start' ? { kind: 'model-step', step: event.step, rows: event.rows } : { kind: 'running' };
    default:
      return phase;
  }
}

export interface PhaseWords {
  /** What is happening: announced (the status line is a polite live region). */
  words: string;
  /** How far, in numbers (a percentage, epoch k/n): shown, not announced at every step. */
  detail?: string;
  /** 0–1, for the progress bar, when known. */
  fraction?: number;
}

export function describePhase(locale: Locale, phase: RunPhase): PhaseWords {
  switch (phase.kind) {
    case 'preparing':
      return { words: text(locale, 'phasePreparing') };
    case 'loading-data':
      return { words: text(locale, 'loadingData', { dataset: phase.dataset }), detail: `${Math.floor(phase.fraction * 100)}%`, fraction: phase.fraction };
    case 'running':
      return { words: text(locale, 'phaseRunning') };
    case 'training':
      return { words: text(locale, 'phaseTraining'), detail: text(locale, 'phaseEpoch', { epoch: phase.epoch, epochs: phase.epochs }), fraction: phase.fraction };
    case 'model-step':
      return { words: text(locale, phase.step === 'predict' ? 'phasePredicting' : 'phaseEvaluating', { rows: phase.rows.toLocaleString(locale) }) };
    case 'checking':
      return { words: text(locale, 'phaseChecking') };
  }
}
