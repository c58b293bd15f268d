// Where saveModel keeps a learner's model in the browser and where the
// draw-a-digit pad and exercise 10's check look for it: one IndexedDB key per
// model name.
export const MODEL_STORE_PREFIX = 'indexeddb://mnist-course/';

export const modelStoreUrl = (name: string): string => `${MODEL_STORE_PREFIX}${name}`;
