// The status line's phase, told from the events of a real run (the Node
// sandbox, real MNIST, a real fit): it passes through loading, running and
// training epoch by epoch, and never stays on a finished phase.
import { beforeAll, describe, expect, it } from 'vitest';
import type { RunEvent } from '../../src/contract/protocol.ts';
import { runInNode } from '../../src/sandbox/node/run.ts';
import { CHECKING, describePhase, nextPhase, PREPARING, type RunPhase } from '../../src/components/exercise/run-phase.ts';

const PROGRAM = `import * as tf from '@tensorflow/tfjs';
import { loadData } from 'course';
const { xTrain, yTrain } = await loadData('mnist');
const x = xTrain.slice([0, 0, 0], [2000, 28, 28]).reshape([2000, 784]).div(255);
const y = tf.oneHot(yTrain.slice([0], [2000]), 10);
const model = tf.sequential({ layers: [tf.layers.dense({ inputShape: [784], units: 10, activation: 'softmax' })] });
model.compile({ optimizer: 'adam', loss: 'categoricalCrossentropy' });
await model.fit(x, y, { epochs: 2, batchSize: 500 });
model.predict(x).print();
model.evaluate(x, y);
// Small calls (a few rows) finish at once and tell nothing.
for (let i = 0; i < 5; i++) model.predict(x.slice([i, 0], [1, 784]));
`;

let events: RunEvent[];
beforeAll(async () => {
  const report = await runInNode({ runId: 'phase', code: PROGRAM, locale: 'en', dataBase: 'public/data' }, { timeoutMs: 120_000 });
  expect(report.error).toBeUndefined();
  events = report.events;
});

/** Every phase the run went through, in order. */
function phases(from: RunEvent[]): RunPhase[] {
  const seen: RunPhase[] = [];
  let phase = PREPARING;
  for (const event of from) {
    const next = nextPhase(phase, event);
    if (next !== phase) seen.push(next);
    phase = next;
  }
  return seen;
}

describe('run phase', () => {
  it('goes running → loading data → running → training epoch 1/2, 2/2 → running → predicting → running → evaluating → running', () => {
    const kinds = phases(events).map((p) => p.kind).filter((kind, i, all) => kind !== all[i - 1]);
    expect(kinds).toEqual(['running', 'loading-data', 'running', 'training', 'running', 'model-step', 'running', 'model-step', 'running']);
    const steps = phases(events).flatMap((p) => (p.kind === 'model-step' ? [`${p.step} ${p.rows}`] : []));
    expect(steps).toEqual(['predict 2000', 'evaluate 2000']);
    expect(events.filter((e) => e.type === 'model-step')).toHaveLength(4); // start and end of each, none for the 1-row calls
    const epochs = phases(events).flatMap((p) => (p.kind === 'training' ? [`${p.epoch}/${p.epochs}`] : []));
    expect(new Set(epochs)).toEqual(new Set(['1/2', '2/2']));
  });

  it('says what is happening in each language; after loading and after the fit it is the learner\'s code, not "100%"', () => {
    const seen = phases(events);
    const texts = (locale: 'ko' | 'en') => seen.map((p) => describePhase(locale, p));
    const en = texts('en');
    expect(en.at(-1)).toEqual({ words: 'Running your code…' });
    expect(en.find((p) => p.detail?.startsWith('epoch'))?.words).toBe('Training');
    expect(en.filter((p) => p.detail === '100%')).toEqual([]);
    expect(en.map((p) => p.words)).toContain('Predicting 2,000 samples…');
    expect(en.map((p) => p.words)).toContain('Evaluating on 2,000 samples…');
    expect(texts('ko').map((p) => p.words)).toContain('예측하는 중: 2,000개 샘플…');
    const loading = en.filter((p) => p.words === 'Loading data: mnist').map((p) => p.fraction!);
    expect(loading.length).toBeGreaterThan(1);
    expect(loading).toEqual([...loading].sort((a, b) => a - b));
    for (const words of texts('ko').map((p) => p.words + (p.detail ?? ''))) expect(words).toMatch(/[가-힣]/);
  });

  it('stays on checking once the check realm has the run', () => {
    expect(nextPhase(CHECKING, events.find((e) => e.type === 'show')!)).toBe(CHECKING);
    expect(describePhase('ko', CHECKING).words).toBe('채점 중…');
  });
});
