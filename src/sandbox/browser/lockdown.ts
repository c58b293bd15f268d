// Takes from the sandbox worker's global what learner code could use to
// reach past its own run into the course's storage: Cache Storage (poisoned
// data for every later exercise), nested workers (each a fresh global with
// its own `caches`), Web Locks (holding the data transport's locks stalls
// every other exercise) and storage buckets; IndexedDB is narrowed to the
// one database where tfjs keeps `indexeddb://` models, so saveModel works.
// The network is closed by the page's Content-Security-Policy, which this
// worker inherits because it starts from a blob: URL (learner-worker.ts).
//
// Called once by worker.ts after its imports ran, so the data transport
// (src/data/transports/browser.ts) has already taken its own references.
// Each name is deleted from every object on the global's prototype chain
// (Chromium keeps `caches` and `indexedDB` as accessors on
// WorkerGlobalScope.prototype, `Worker` on the global itself), so neither
// `self`, `globalThis`, `Function('return this')()` nor
// `Object.getPrototypeOf` finds it again; CacheStorage and IDBFactory cannot
// be constructed, and no other realm exists in a worker once Worker is gone.

/** The IndexedDB database tfjs keeps `indexeddb://` models in (saveModel). */
export const MODEL_DATABASE = 'tensorflowjs';

const GLOBAL_NAMES = ['caches', 'indexedDB', 'Worker', 'SharedWorker'];
const NAVIGATOR_NAMES = ['locks', 'storageBuckets', 'serviceWorker'];

function removeEverywhere(object: object, name: string): void {
  for (let o: object | null = object; o !== null; o = Object.getPrototypeOf(o) as object | null) {
    if (Object.getOwnPropertyDescriptor(o, name) && !Reflect.deleteProperty(o, name)) {
      throw new Error(`sandbox lockdown: ${name} could not be removed`);
    }
  }
}

function refused(name: string): DOMException {
  return new DOMException(
    `indexedDB: exercise code may open only the "${MODEL_DATABASE}" database, where saveModel keeps models, not ${JSON.stringify(name)}. / ` +
      `연습 코드에서는 saveModel이 모델을 두는 "${MODEL_DATABASE}" 데이터베이스만 열 수 있습니다.`,
    'SecurityError',
  );
}

/** An IDBFactory look-alike that reaches only MODEL_DATABASE; the real factory stays in this closure. */
function modelDatabaseOnly(factory: IDBFactory): IDBFactory {
  return Object.freeze({
    open(name: string, version?: number): IDBOpenDBRequest {
      // The name is compared once and never used again (a learner's object
      // could answer toString differently the second time).
      if (String(name) !== MODEL_DATABASE) throw refused(String(name));
      return version === undefined ? factory.open(MODEL_DATABASE) : factory.open(MODEL_DATABASE, version);
    },
    deleteDatabase(name: string): IDBOpenDBRequest {
      if (String(name) !== MODEL_DATABASE) throw refused(String(name));
      return factory.deleteDatabase(MODEL_DATABASE);
    },
    async databases(): Promise<IDBDatabaseInfo[]> {
      return (await factory.databases()).filter((info) => info.name === MODEL_DATABASE);
    },
    cmp: (a: unknown, b: unknown): number => factory.cmp(a, b),
  }) as unknown as IDBFactory;
}

export function lockDownLearnerGlobal(scope: typeof globalThis = globalThis): void {
  const factory = scope.indexedDB as IDBFactory | undefined;
  for (const name of GLOBAL_NAMES) removeEverywhere(scope, name);
  if (scope.navigator) for (const name of NAVIGATOR_NAMES) removeEverywhere(scope.navigator, name);
  if (factory) {
    Object.defineProperty(scope, 'indexedDB', { value: modelDatabaseOnly(factory), enumerable: true, writable: false, configurable: false });
  }
}
