// Every model.fit streams fit-progress without the learner asking: fit is
// wrapped once per realm and a progress callback (show.fitCallbacks) is added
// to whatever callbacks the learner passed, through tfjs's public callback API.
import type * as tfType from '@tensorflow/tfjs';
import { FIT_PROGRESS_MARK } from '../contract/show.ts';
import { fitCallbacks } from '../course/show.ts';
import { CALL_SITE, hasLearnerFrame } from './source-position.ts';

type Tf = typeof tfType;
type AnyCallbacks = unknown;
const HOOKED = Symbol.for('mnist-course.fit-hooked');

/** Called once per fit whose epoch loss becomes NaN. */
let onNaNLoss: (() => void) | undefined;

export function setNaNLossListener(listener: (() => void) | undefined): void {
  onNaNLoss = listener;
}

function isCallbackObject(c: unknown): boolean {
  return !!c && typeof (c as { setParams?: unknown }).setParams === 'function';
}

/**
 * Yields to the event loop (one macrotask) without waiting for a frame.
 * tfjs's nextFrame is requestAnimationFrame wherever it exists, a Worker
 * included, where it waits ~15 ms (measured in Chromium) for a frame the
 * worker never draws; learner callbacks still yield as often as their
 * `yieldEvery` asks, just without that wait.
 */
export function yieldToEventLoop(): Promise<void> {
  if (typeof MessageChannel !== 'function') return new Promise((resolve) => setTimeout(resolve, 0));
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

function withProgress(tf: Tf, callbacks: AnyCallbacks, yieldEvery: unknown): unknown[] {
  const list = callbacks == null ? [] : Array.isArray(callbacks) ? callbacks : [callbacks];
  // tfjs treats a list as all-BaseCallback or all-plain; make it all-BaseCallback.
  // A learner's own nextFrameFunc wins over yieldToEventLoop.
  const normalized = list.map((c) =>
    isCallbackObject(c)
      ? c
      : new tf.CustomCallback(
          { nextFrameFunc: yieldToEventLoop, ...(c as tfType.CustomCallbackArgs) },
          yieldEvery as tfType.ModelFitArgs['yieldEvery'],
        ),
  );
  if (!normalized.some((c) => (c as Record<symbol, unknown>)[FIT_PROGRESS_MARK])) normalized.push(fitCallbacks());
  let warned = false;
  normalized.push(
    new tf.CustomCallback(
      {
        onEpochEnd: async (_epoch, logs) => {
          if (!warned && logs && typeof logs.loss === 'number' && Number.isNaN(logs.loss)) {
            warned = true;
            onNaNLoss?.();
          }
        },
      },
      // Never waits for a frame (see fitCallbacks in course/show.ts).
      'never',
    ),
  );
  return normalized;
}

/** Lets a failure deep inside tfjs point at the learner's `model.fit(…)` line. */
function rememberCallSite(callSite: Error) {
  return (error: unknown): never => {
    if (error && typeof error === 'object' && !hasLearnerFrame((error as Error).stack)) {
      (error as Record<symbol, unknown>)[CALL_SITE] = callSite.stack;
    }
    throw error;
  };
}

export function installFitHook(tf: Tf): void {
  const proto = tf.LayersModel.prototype as unknown as Record<string | symbol, unknown>;
  if (proto[HOOKED]) return;
  proto[HOOKED] = true;
  const fit = proto.fit as (this: unknown, x: unknown, y: unknown, args?: Record<string, unknown>) => Promise<unknown>;
  const fitDataset = proto.fitDataset as (this: unknown, dataset: unknown, args: Record<string, unknown>) => Promise<unknown>;
  proto.fit = function (this: unknown, x: unknown, y: unknown, args: Record<string, unknown> = {}) {
    const callSite = new Error('call site');
    return fit.call(this, x, y, { ...args, callbacks: withProgress(tf, args.callbacks, args.yieldEvery) }).catch(rememberCallSite(callSite));
  };
  proto.fitDataset = function (this: unknown, dataset: unknown, args: Record<string, unknown>) {
    const callSite = new Error('call site');
    return fitDataset.call(this, dataset, { ...args, callbacks: withProgress(tf, args?.callbacks, args?.yieldEvery) }).catch(rememberCallSite(callSite));
  };
}
