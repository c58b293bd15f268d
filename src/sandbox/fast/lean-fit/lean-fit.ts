// model.fit for the models plan.ts accepts, trained by trainer.ts on the wasm
// heap, behaving as tfjs's fit loop does for the learner: the same callbacks
// in the same order (tfjs's own CallbackList and History, so EarlyStopping
// and custom callbacks work unchanged), the same batch and epoch logs, the
// same shuffling, validation at the end of each epoch, stopTraining honoured
// after each batch, and the result a tf.History. The model's variables and
// the optimizer's state (Adam's moments and accBeta, RMSprop's and momentum's
// accumulators, the iteration count) are written back
// before every epoch callback, before batch callbacks that could look at the
// model, and at the end, so predict/evaluate/save and a later stock fit see
// exactly what they would after a stock fit.
import type * as tfType from '@tensorflow/tfjs';
import { FIT_PROGRESS_MARK } from '../../../contract/show.ts';
import { readState, writeState } from './optimizers.ts';
import { planLeanFit, type LeanFitPlan } from './plan.ts';
import { DenseMlpTrainer } from './trainer.ts';
import { wasmHeap, type WasmHeap } from './wasm-heap.ts';

type Tf = typeof tfType;
type Logs = Record<string, number>;

const INSTALLED = Symbol.for('mnist-course.lean-fit');

interface ModelInternals {
  isTraining: boolean;
  stopTraining_: boolean;
  history: tfType.History;
}

let enabled = true;

/** Off: every fit runs as it would without the lean trainer (tests and the bench compare the two). */
export function setLeanFitEnabled(on: boolean): void {
  enabled = on;
}

/** Why the last fit took the stock path (undefined when it was lean); for the bench and tests. */
export let lastLeanFitDecision: { lean: boolean; reason?: string } | undefined;

/** After a lean fit: per layer, whether its input was read dense (else as non-zeros only). For the bench. */
export let lastLeanFitDenseInputs: (boolean | undefined)[] | undefined;

let dropoutRandom: () => number = Math.random;

/** Uniform draws for Dropout masks; tests fix them to compare with tfjs's math. Default Math.random. */
export function setLeanFitRandom(random?: () => number): void {
  dropoutRandom = random ?? Math.random;
}

/** Plain callback objects become CustomCallbacks, as tfjs's fit makes them. */
function standardizeCallbacks(tf: Tf, callbacks: unknown, yieldEvery: unknown): tfType.CustomCallback[] {
  const list = callbacks == null ? [] : Array.isArray(callbacks) ? callbacks : [callbacks];
  return list.map((c) =>
    typeof (c as { setParams?: unknown })?.setParams === 'function'
      ? (c as tfType.CustomCallback)
      : new tf.CustomCallback(c as tfType.CustomCallbackArgs, yieldEvery as tfType.ModelFitArgs['yieldEvery']),
  );
}

/** Whether a callback may look at the model between batches (then weights are written back every batch). */
function watchesBatches(tf: Tf, callback: unknown): boolean {
  const c = callback as Record<string | symbol, unknown>;
  if (c[FIT_PROGRESS_MARK]) return false;
  if (callback instanceof tf.CustomCallback) return c.batchBegin != null || c.batchEnd != null || c.yield != null;
  const base = Object.getPrototypeOf(tf.Callback.prototype) as Record<string, unknown>;
  return c.onBatchBegin !== base.onBatchBegin || c.onBatchEnd !== base.onBatchEnd;
}

function trainableVariables(plan: LeanFitPlan): tfType.LayerVariable[] {
  return plan.variables.flatMap((v) => [v.kernel, v.bias]);
}

function writeBack(tf: Tf, plan: LeanFitPlan, trainer: DenseMlpTrainer): void {
  const values = trainer.parameters();
  const variables = trainableVariables(plan);
  tf.tidy(() => variables.forEach((variable, i) => variable.write(tf.tensor(values[i]!.value, variable.shape as number[]))));
  writeState(tf, plan.optimizer, variables, values.map((v) => v.state));
}

/** Writes the trainer back to the model only when steps ran since the last write. */
class Sync {
  private unsaved = false;
  private readonly write: () => void;
  constructor(write: () => void) {
    this.write = write;
  }
  stepped(): void {
    this.unsaved = true;
  }
  save(): void {
    if (this.unsaved) this.write();
    this.unsaved = false;
  }
}

type Choice = { plan: LeanFitPlan; heap: WasmHeap; state: Float32Array[][] | undefined } | { reason: string };

/** The lean plan for this fit call, or why the stock fit runs. */
function choose(tf: Tf, model: tfType.LayersModel, x: unknown, y: unknown, args: Record<string, unknown>): Choice {
  if (!enabled) return { reason: 'lean fit turned off' };
  const heap = wasmHeap(tf);
  if (!heap) return { reason: 'not the single-threaded wasm backend' };
  if ((model as unknown as ModelInternals).isTraining) return { reason: 'another fit is running' };
  const planned = planLeanFit(tf, heap, model, x, y, args);
  if (!planned.ok) return { reason: planned.reason };
  const state = readState(planned.plan.optimizer, trainableVariables(planned.plan));
  if (state === null) return { reason: 'optimizer state belongs to other variables' };
  return { plan: planned.plan, heap, state };
}

async function leanFit(tf: Tf, model: tfType.LayersModel, { plan, heap, state }: Extract<Choice, { plan: LeanFitPlan }>, args: Record<string, unknown>): Promise<tfType.History> {
  const internals = model as unknown as ModelInternals;
  const trainer = new DenseMlpTrainer(heap, { shapes: plan.shapes, maxRows: plan.batchSize, optimizer: plan.optimizer, head: plan.head, random: dropoutRandom });
  const sync = new Sync(() => writeBack(tf, plan, trainer));
  internals.isTraining = true;
  try {
    trainer.setParameters(trainableVariables(plan).map((v) => v.read().dataSync() as Float32Array), state);
    return await trainLoop(tf, model, plan, trainer, args, sync);
  } finally {
    sync.save();
    lastLeanFitDenseInputs = trainer.denseInputs();
    trainer.dispose();
    internals.isTraining = false;
  }
}

/** tfjs's fit loop (training.js fitLoop) with the trainer's steps; `sync` writes the trainer back to the model. */
async function trainLoop(tf: Tf, model: tfType.LayersModel, plan: LeanFitPlan, trainer: DenseMlpTrainer, args: Record<string, unknown>, sync: Sync): Promise<tfType.History> {
  const internals = model as unknown as ModelInternals;
  const optimizer = plan.tfOptimizer as unknown as { incrementIterations(): void };
  const callbacks = standardizeCallbacks(tf, args.callbacks, args.yieldEvery);
  const history = new tf.History();
  const list = new tf.CallbackList([...(callbacks as unknown as tfType.CustomCallback[]), history as unknown as tfType.CustomCallback]);
  const doValidation = plan.validation !== undefined;
  const names = plan.metricNames;
  list.setParams({
    epochs: plan.epochs,
    initialEpoch: plan.initialEpoch,
    samples: plan.trainRows,
    steps: null as unknown as number,
    batchSize: plan.batchSize,
    verbose: (args.verbose ?? 1) as number,
    doValidation,
    metrics: doValidation ? [...names, ...names.map((n) => `val_${n}`)] : [...names],
  });
  list.setModel(model);
  internals.history = history;
  const perBatch = callbacks.some((c) => watchesBatches(tf, c));
  await list.onTrainBegin();
  internals.stopTraining_ = false;
  const order = Int32Array.from({ length: plan.trainRows }, (_, i) => i);
  const accuracyName = names[1];
  for (let epoch = plan.initialEpoch; epoch < plan.epochs; epoch++) {
    await list.onEpochBegin(epoch);
    if (plan.shuffle) tf.util.shuffle(order);
    const epochLogs: Logs = {};
    let seen = 0;
    let lossSum = 0;
    let correct = 0;
    const batches = Math.ceil(plan.trainRows / plan.batchSize);
    for (let batch = 0; batch < batches; batch++) {
      const batchLogs: Logs = {};
      await list.onBatchBegin(batch, batchLogs);
      const start = batch * plan.batchSize;
      const rows = Math.min(plan.batchSize, plan.trainRows - start);
      const scores = trainer.trainStep(plan.x, plan.y, order.subarray(start, start + rows));
      optimizer.incrementIterations();
      sync.stepped();
      batchLogs.batch = batch;
      batchLogs.size = rows;
      batchLogs.loss = scores.loss / rows;
      if (accuracyName) batchLogs[accuracyName] = scores.correct / rows;
      seen += rows;
      lossSum += scores.loss;
      correct += scores.correct;
      if (batch === batches - 1 && plan.validation) {
        const v = trainer.evaluate(plan.validation.x, plan.validation.y, plan.validation.rows);
        epochLogs.val_loss = v.loss / plan.validation.rows;
        if (accuracyName) epochLogs[`val_${accuracyName}`] = v.correct / plan.validation.rows;
      }
      if (perBatch) sync.save();
      await list.onBatchEnd(batch, batchLogs);
      if (internals.stopTraining_) break;
    }
    // As tfjs's BaseLogger: size-weighted means of the batches run, after the val_ entries.
    epochLogs.loss = lossSum / seen;
    if (accuracyName) epochLogs[accuracyName] = correct / seen;
    sync.save();
    await list.onEpochEnd(epoch, epochLogs);
    if (internals.stopTraining_) break;
  }
  await list.onTrainEnd();
  await history.syncData();
  return history;
}

/**
 * Wraps LayersModel.prototype.fit once per realm: eligible calls on the wasm
 * backend train lean, every other call runs the fit it wrapped.
 */
export function installLeanFit(tf: Tf): boolean {
  const proto = tf.LayersModel.prototype as unknown as Record<string | symbol, unknown>;
  if (proto[INSTALLED]) return false;
  proto[INSTALLED] = true;
  const stock = proto.fit as (this: tfType.LayersModel, x: unknown, y: unknown, args?: Record<string, unknown>) => Promise<tfType.History>;
  proto.fit = async function (this: tfType.LayersModel, x: unknown, y: unknown, args: Record<string, unknown> = {}) {
    const choice = choose(tf, this, x, y, args);
    if ('reason' in choice) {
      lastLeanFitDecision = { lean: false, reason: choice.reason };
      return stock.call(this, x, y, args);
    }
    lastLeanFitDecision = { lean: true };
    return leanFit(tf, this, choice, args);
  };
  return true;
}
