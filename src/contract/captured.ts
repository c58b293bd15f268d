// What leaves the learner's realm after a run: the module's exports (and the
// exercise's probe results) as plain data. Checks never see the learner's
// objects, only these values rebuilt in a fresh realm (src/exercises/checking/).
// Everything here survives structuredClone; typed arrays may be transferred.

export type CapturedTypedArray = Float32Array | Int32Array | Uint8Array | Float64Array;

/** One weight of a model, in the order of `model.weights`. */
export interface CapturedWeight {
  name: string;
  shape: number[];
  dtype: 'float32' | 'int32';
  values: Float32Array | Int32Array;
}

export type CapturedValue =
  | null
  | boolean
  | number
  | string
  | { $: 'undefined' }
  | { $: 'bigint'; text: string }
  | { $: 'array'; items: CapturedValue[] }
  /** A plain object (className 'Object') or an instance of some class, its own data fields. */
  | { $: 'object'; className: string; fields: Record<string, CapturedValue> }
  | { $: 'typed-array'; values: CapturedTypedArray }
  | { $: 'tensor'; dtype: 'float32' | 'int32' | 'bool'; shape: number[]; values: Float32Array | Int32Array | Uint8Array }
  | { $: 'disposed-tensor'; dtype: string; shape: number[] }
  /**
   * tfjs's own serialization: the topology of `model.toJSON(null, false)`,
   * the weights, and `getTrainingConfig()` when the model was compiled.
   */
  | { $: 'model'; topology: unknown; weights: CapturedWeight[]; trainingConfig?: unknown }
  | { $: 'history'; epoch: number[]; history: Record<string, number[]>; params: Record<string, CapturedValue> }
  | { $: 'early-stopping'; monitor: string; patience: number; minDelta: number; mode: string; baseline: number | null }
  | { $: 'function'; name: string }
  | { $: 'promise' }
  /** Something the capture refused to copy (too deep, too large, unreadable), with why. */
  | { $: 'omitted'; reason: string };

export interface CapturedRun {
  exports: Record<string, CapturedValue>;
  /** The exercise's probes, run in the learner's realm after the module (see ExerciseDefinition.probes). */
  probes: Record<string, CapturedValue>;
  /**
   * True when the program threw (or was refused) before its end, so exports
   * after that point were never reached: checks then say they could not run
   * rather than that a line is missing. Absent means it ran to the end.
   */
  stopped?: boolean;
}
