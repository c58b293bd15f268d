// tfjs's `model.save('indexeddb://…')` resolves when its write request
// succeeds, before the transactions commit. The sandbox terminates the
// learner's worker as soon as the run ends, and a terminated worker's
// uncommitted transactions are aborted: the model would be reported saved and
// then be missing. A read-only transaction over both of tfjs's stores starts
// only after the earlier read-write ones have finished (IndexedDB orders
// overlapping transactions), so its `complete` means the model is on disk.

// tfjs-core's names (io/indexed_db.ts).
const DATABASE = 'tensorflowjs';
const STORES = ['models_store', 'model_info_store'];

/** Resolves with whether `key` (the path after `indexeddb://`) is stored, once tfjs's writes have committed. */
export function waitUntilStored(key: string): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open(DATABASE);
    open.onerror = () => reject(open.error ?? new Error(`IndexedDB "${DATABASE}" could not be opened`));
    open.onsuccess = () => {
      const db = open.result;
      const transaction = db.transaction(STORES, 'readonly');
      const count = transaction.objectStore('model_info_store').count(key);
      transaction.oncomplete = () => {
        db.close();
        resolve(count.result > 0);
      };
      transaction.onerror = transaction.onabort = () => {
        db.close();
        reject(transaction.error ?? new Error(`IndexedDB "${DATABASE}" could not be read`));
      };
    };
  });
}
