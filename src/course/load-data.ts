// loadData('mnist' | 'fashion-mnist'): Keras's `load_data()` for the course.
// The raw bytes are cached per worker (a second Run does not download or
// gunzip again); each call builds fresh tensors, because the sandbox disposes
// a run's tensors when it ends.
import * as tf from '@tensorflow/tfjs';
import { loadDataset, type RawDataset } from '../data/load-dataset.ts';
import { runContext } from './context.ts';
import { floatTensor } from './float-tensor.ts';
import type { DatasetName } from '../sandbox/protocol.ts';

export interface CourseDataset {
  /** float32 [60000, 28, 28], grey levels 0–255 (unscaled, as in Keras). */
  xTrain: tf.Tensor3D;
  /** int32 [60000] class indices. */
  yTrain: tf.Tensor1D;
  /** float32 [10000, 28, 28]. */
  xTest: tf.Tensor3D;
  /** int32 [10000]. */
  yTest: tf.Tensor1D;
  /** The ten class names in the learner's language. */
  classNames: string[];
}

const DATASETS: readonly DatasetName[] = ['mnist', 'fashion-mnist'];
const cache = new Map<DatasetName, Promise<RawDataset>>();

export async function loadData(name: DatasetName): Promise<CourseDataset> {
  if (!DATASETS.includes(name)) {
    throw new Error(
      `loadData: unknown dataset ${JSON.stringify(name)}; use 'mnist' or 'fashion-mnist' / 알 수 없는 데이터셋입니다. 'mnist' 또는 'fashion-mnist'를 쓰세요.`,
    );
  }
  const context = runContext();
  let pending = cache.get(name);
  if (!pending) {
    pending = loadDataset(name, context.transport, {
      onProgress: (p) => runContext().dataProgress(name, p.loadedBytes, p.totalBytes),
    });
    cache.set(name, pending);
    pending.catch(() => cache.delete(name));
  } else {
    const raw = await pending;
    const total = raw.xTrain.data.length + raw.yTrain.data.length + raw.xTest.data.length + raw.yTest.data.length;
    context.dataProgress(name, total, total);
  }
  const raw = await pending;
  const images = (a: RawDataset['xTrain']) => floatTensor(a.data, a.shape) as tf.Tensor3D;
  const labels = (a: RawDataset['yTrain']) => tf.tensor1d(Int32Array.from(a.data), 'int32');
  const data: CourseDataset = {
    xTrain: images(raw.xTrain),
    yTrain: labels(raw.yTrain),
    xTest: images(raw.xTest),
    yTest: labels(raw.yTest),
    classNames: [...raw.manifest.classNames[context.locale]],
  };
  for (const t of [data.xTrain, data.yTrain, data.xTest, data.yTest]) context.dataTensors.add(t);
  return data;
}
