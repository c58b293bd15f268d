// The check realm's whole job: validate what the learner's realm handed back,
// rebuild it with this realm's tfjs, run the exercise's checks, free it all.
// The browser's check worker and the Node child (trusted course code) both
// call this, so a learner's self-check and a teacher's grade agree.
import type * as tfType from '@tensorflow/tfjs';
import { locales, type DatasetName } from '../../contract/locale.ts';
import type { DatasetBytes, ExerciseDefinition } from '../../contract/exercise.ts';
import { loadDataset } from '../../data/load-dataset.ts';
import type { Transport } from '../../data/transport.ts';
import type { CheckResult } from '../../contract/protocol.ts';
import type { ShowPayload } from '../../contract/show.ts';
import { localizeSource } from '../localize-source.ts';
import { restoreValues } from './restore.ts';
import { runChecks } from './run-checks.ts';
import { validateCapture } from './validate-capture.ts';

export interface CheckRequest {
  /** The learner's source as the host sent it to the run (never as the learner's realm reports it). */
  code: string;
  /** The `captured` event's payload, unchecked. */
  capture: unknown;
  /** The run's show payloads (data the learner's realm produced). */
  shows: ShowPayload[];
  /** Where the check realm reads the course's data itself. */
  transport: Transport;
}

const squash = (s: string) => s.replace(/\s+/g, '');

/** Throws CaptureRejected when the capture is malformed; check failures are results. */
export async function checkCapture(
  tf: typeof tfType,
  exercise: { definition: ExerciseDefinition; starter: string },
  request: CheckRequest,
): Promise<CheckResult[]> {
  const capture = validateCapture(request.capture);
  tf.engine().startScope();
  const exports = await restoreValues(tf, capture.exports);
  const probes = await restoreValues(tf, capture.probes);
  const datasets = new Map<DatasetName, Promise<DatasetBytes>>();
  const dataset = (name: DatasetName) => {
    if (!datasets.has(name)) datasets.set(name, loadDataset(name, request.transport));
    return datasets.get(name)!;
  };
  try {
    return await runChecks(exercise.definition, {
      exports: exports.values,
      probes: probes.values,
      shows: request.shows,
      code: request.code,
      // The learner began from the starter in their page's language, either one.
      unchanged: locales.some((l) => squash(request.code) === squash(localizeSource(exercise.starter, l))),
      stopped: capture.stopped === true,
      tf,
      dataset,
    });
  } finally {
    // Tensors are kept (restore.ts): endScope would not free them.
    tf.dispose([...exports.tensors, ...probes.tensors]);
    for (const model of [...exports.models, ...probes.models]) {
      try {
        model.dispose();
      } catch {
        // A check disposed it already.
      }
    }
    tf.engine().endScope();
  }
}
