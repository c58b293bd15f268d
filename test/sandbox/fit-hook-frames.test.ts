// The sandbox's fit hook never waits for an animation frame: in a Worker,
// tfjs's nextFrame is requestAnimationFrame (~15 ms per wait in Chromium, and
// no frames at all in a hidden tab). A counting requestAnimationFrame is
// installed before tfjs loads (tfjs picks its nextFrame at import time), then
// a fit runs long enough for tfjs's 125 ms 'auto' yield to fire several times.
import { beforeAll, describe, expect, it } from 'vitest';
import type * as tfType from '@tensorflow/tfjs';

let frames = 0;
let tf: typeof tfType;
let show: typeof import('../../src/course/show.ts');

beforeAll(async () => {
  (globalThis as Record<string, unknown>).requestAnimationFrame = (callback: (t: number) => void) => {
    frames++;
    return setTimeout(() => callback(performance.now()), 0);
  };
  tf = await import('@tensorflow/tfjs');
  await tf.setBackend('cpu');
  const { installFitHook } = await import('../../src/sandbox/fit-hook.ts');
  installFitHook(tf);
  show = await import('../../src/course/show.ts');
});

const busy = (ms: number) => {
  const end = performance.now() + ms;
  while (performance.now() < end);
};

async function fitWith(callbacks: unknown): Promise<number> {
  const model = tf.sequential({ layers: [tf.layers.dense({ units: 2, inputShape: [4], activation: 'softmax' })] });
  model.compile({ optimizer: 'sgd', loss: 'categoricalCrossentropy' });
  const x = tf.randomUniform([64, 4]);
  const y = tf.oneHot(tf.randomUniform([64], 0, 2, 'int32') as tfType.Tensor1D, 2);
  frames = 0;
  // 32 batches of ≥ 20 ms: past 125 ms five times over.
  await model.fit(x, y, { epochs: 1, batchSize: 2, verbose: 0, callbacks: callbacks as tfType.CustomCallbackArgs });
  tf.dispose([x, y]);
  model.dispose();
  return frames;
}

describe('fit hook', () => {
  it('a counting requestAnimationFrame is what tfjs would wait on (control)', async () => {
    const cb = new tf.CustomCallback({ onBatchEnd: async () => busy(20) });
    const model = tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [1] })] });
    model.compile({ optimizer: 'sgd', loss: 'meanSquaredError' });
    frames = 0;
    // A BaseCallback passes through the hook unchanged, with tfjs's own nextFrame.
    await model.fit(tf.ones([16, 1]), tf.ones([16, 1]), { epochs: 1, batchSize: 2, verbose: 0, callbacks: [cb] });
    expect(frames).toBeGreaterThan(0);
  });

  it('the automatic progress stream and the NaN watcher never wait for a frame; learner callbacks yield without one', async () => {
    const batches: number[] = [];
    const n = await fitWith({ onBatchEnd: async (b: number) => (batches.push(b), busy(20)) });
    expect(batches).toHaveLength(32);
    expect(n).toBe(0);
  });

  it('show.fitCallbacks reads batch logs only when it emits', async () => {
    const callback = show.fitCallbacks();
    let reads = 0;
    const loss = { dataSync: () => (reads++, [0.5]) };
    Object.setPrototypeOf(loss, tf.Tensor.prototype);
    callback.setParams({ epochs: 1, samples: 10, batchSize: 1 });
    await callback.onTrainBegin();
    for (let b = 0; b < 10; b++) await callback.onBatchEnd(b, { loss } as unknown as tfType.Logs);
    // Ten batches within far less than the 200 ms throttle: one emit, one read.
    expect(reads).toBe(1);
  });
});
