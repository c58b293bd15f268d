// How much a run may hand back as data. The learner's realm keeps within
// these when it captures; the host rejects anything beyond them, whoever
// produced it.
export const CAPTURE_LIMITS = {
  /** Values (of any kind) across all exports. */
  nodes: 200_000,
  /** Tensor, weight and typed-array bytes across all exports: MNIST as float32 twice over. */
  bytes: 800 * 1024 * 1024,
  depth: 12,
  arrayLength: 100_000,
  fields: 1_000,
  stringLength: 1_000_000,
} as const;
