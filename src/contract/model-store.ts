// Where saveModel keeps a learner's model in the browser and where the
// draw-a-digit pad and exercise 10's check look for it: one IndexedDB key per
// model name.
const KEY_PREFIX = 'mnist-course/';

/** The key tfjs files the model under in its IndexedDB stores. */
export const modelStoreKey = (name: string): string => `${KEY_PREFIX}${name}`;
export const modelStoreUrl = (name: string): string => `indexeddb://${modelStoreKey(name)}`;
