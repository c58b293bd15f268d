// saveModel(model, name): the browser keeps it in IndexedDB under
// `indexeddb://mnist-course/<name>` (the draw-a-digit page loads it from
// there); Node has no IndexedDB and must not write files, so it only records
// the name for checks and tests.
import type * as tf from '@tensorflow/tfjs';
import { modelStoreKey, modelStoreUrl } from '../contract/model-store.ts';
import { runContext } from './context.ts';
import { waitUntilStored } from './wait-until-stored.ts';

export async function saveModel(model: tf.LayersModel, name: string): Promise<{ url: string; saved: boolean }> {
  if (!/^[\w-]{1,64}$/.test(name)) {
    throw new Error(
      `saveModel: name ${JSON.stringify(name)} must be 1–64 letters, digits, '-' or '_' / 모델 이름은 영문자, 숫자, '-', '_'로 1–64자여야 합니다.`,
    );
  }
  const context = runContext();
  const url = modelStoreUrl(name);
  context.savedModels.push(name);
  if (context.environment === 'node') return { url, saved: false };
  await model.save(url);
  return { url, saved: await waitUntilStored(modelStoreKey(name)) };
}
