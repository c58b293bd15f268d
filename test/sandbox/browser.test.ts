// The browser entries (client.ts + worker.ts) in Debian's Chromium, served by
// Vite as the site would bundle them: backend choice, the worked exercise,
// learner line numbers in Chromium's V8, Stop mid-fit, the time budget, and
// a fresh worker for every run, and checks that only the check worker can give.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunEvent, RunRequest } from '../../src/contract/protocol.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const solution = readFileSync(path.join(root, 'src/exercises/02-mnist-shapes/solution.ts'), 'utf8');

/** What the sandbox worker imports from node_modules (the site's Vite config needs the same list). */
const SANDBOX_DEPENDENCIES = [
  '@tensorflow/tfjs',
  '@tensorflow/tfjs-backend-wasm',
  '@tensorflow/tfjs-backend-webgpu',
  'sucrase',
  'sucrase/dist/parser/index.js',
  'sucrase/dist/parser/tokenizer/types.js',
  'sucrase/dist/parser/tokenizer/keywords.js',
];

let server: ViteDevServer;
let context: BrowserContext;
let profile: string;
let page: Page;
let n = 0;

beforeAll(async () => {
  server = await createServer({
    configFile: false,
    root: path.join(here, 'browser-fixture'),
    publicDir: path.join(root, 'public'),
    logLevel: 'error',
    server: { port: 0, host: '127.0.0.1', fs: { allow: [root] } },
    worker: { format: 'es' },
    // Its own cache, so it never races another dev server over node_modules/.vite.
    cacheDir: path.join(root, 'node_modules/.vite-sandbox-test'),
    // The worker's dependencies are not seen by Vite's scan; without this list
    // Vite finds them on the first run and reloads the page mid-test.
    optimizeDeps: { include: SANDBOX_DEPENDENCIES },
  });
  await server.listen();
  profile = mkdtempSync(path.join(tmpdir(), 'sandbox-chromium-'));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--enable-unsafe-swiftshader'],
  });
  page = await context.newPage();
  page.on('pageerror', (error) => console.error(`page error: ${error.message}`));
  await page.goto(server.resolvedUrls!.local[0]);
  await page.waitForFunction(() => window.sandboxReady === true, undefined, { timeout: 120_000 });
});

afterAll(async () => {
  await context?.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
  await server?.close();
});

function run(code: string, options: { exerciseId?: string; timeoutMs?: number; stopAfterMs?: number; runId?: string; seed?: number } = {}): Promise<RunEvent[]> {
  const request: RunRequest = { runId: options.runId ?? `browser-${n++}`, code, exerciseId: options.exerciseId, locale: 'ko', dataBase: '/data/', seed: options.seed };
  return page.evaluate(([r, t, s]) => window.runSandbox(r, t, s), [request, options.timeoutMs ?? 120_000, options.stopAfterMs] as const);
}

const errorOf = (events: RunEvent[]) => events.find((e): e is Extract<RunEvent, { type: 'error' }> => e.type === 'error')?.error;
const LONG_FIT = [
  "import * as tf from '@tensorflow/tfjs';",
  "const model = tf.sequential({ layers: [tf.layers.dense({ inputShape: [8], units: 4, activation: 'softmax' })] });",
  "model.compile({ optimizer: 'adam', loss: 'categoricalCrossentropy', metrics: ['accuracy'] });",
  'await model.fit(tf.randomNormal([256, 8]), tf.oneHot(tf.randomUniform([256], 0, 4, "int32"), 4), { epochs: 100000, batchSize: 32 });',
].join('\n');

describe('browser sandbox in Chromium', () => {
  it('picks a backend with a reason (never a software GPU here)', { timeout: 180_000 }, async () => {
    const events = await run("console.log('hello');");
    const started = events.find((e) => e.type === 'started');
    expect(started).toBeDefined();
    if (started?.type !== 'started') return;
    expect(started.backendReason.length).toBeGreaterThan(5);
    // Headless Chromium here has only SwiftShader: WASM must win over it.
    expect(started.backend).toBe('wasm');
    expect(events.filter((e) => e.type === 'console').map((e) => (e.type === 'console' ? e.text : ''))).toEqual(['hello']);
    expect(events.at(-1)).toMatchObject({ type: 'done', ok: true });
  });

  it('runs the worked exercise: every check passes, data progress and images arrive', { timeout: 300_000 }, async () => {
    const events = await run(solution, { exerciseId: '02-mnist-shapes', timeoutMs: 240_000 });
    expect(errorOf(events)).toBeUndefined();
    expect(events.some((e) => e.type === 'data-progress')).toBe(true);
    expect(events.some((e) => e.type === 'show' && e.payload.kind === 'images')).toBe(true);
    const checks = events.find((e) => e.type === 'checks');
    expect(checks?.type === 'checks' && checks.results.map((c) => c.status)).toEqual(['passed', 'passed', 'passed', 'passed', 'passed']);
    // Class names come in the run's locale.
    const images = events.find((e) => e.type === 'show' && e.payload.kind === 'images');
    expect(images?.type === 'show' && images.payload.kind === 'images' && images.payload.classNames?.length).toBe(10);
  });

  it('a program that stops before its exports: the check worker says each check could not run', { timeout: 180_000 }, async () => {
    const stopped = solution.replace(/^(import .*\n)+/m, (imports) => `${imports}throw new Error('stopped on purpose');\n`);
    const events = await run(stopped, { exerciseId: '02-mnist-shapes' });
    expect(errorOf(events)?.message).toContain('stopped on purpose');
    const checks = events.find((e) => e.type === 'checks');
    const results = checks?.type === 'checks' ? checks.results : [];
    expect(results.map((c) => c.status)).toEqual(['not-attempted', 'not-attempted', 'not-attempted', 'not-attempted', 'not-attempted']);
    for (const check of results) expect(check.message?.ko, check.id).toMatch(/멈춰서 이 검사를 할 수 없었습니다/);
  });

  it('reports runtime errors at the learner line and column in Chromium', { timeout: 120_000 }, async () => {
    const events = await run(['const a: number = 1;', '', 'function f(): void {', "  throw new Error('boom');", '}', 'f();'].join('\n'));
    expect(errorOf(events)).toMatchObject({ kind: 'runtime', line: 4, column: 9 });
  });

  it('reports an import of another module with its line', { timeout: 120_000 }, async () => {
    const events = await run("import * as tf from '@tensorflow/tfjs';\nimport fs from 'fs';\n");
    expect(errorOf(events)).toMatchObject({ kind: 'import', line: 2 });
  });

  it('reports an unhandled rejection with its line', { timeout: 120_000 }, async () => {
    const events = await run(['async function later() {', "  throw new Error('nobody awaits me');", '}', 'later();', 'await new Promise((r) => setTimeout(r, 3000));'].join('\n'));
    expect(errorOf(events)).toMatchObject({ kind: 'unhandled-rejection', line: 2 });
  });

  it('Stop terminates the worker mid-fit', { timeout: 180_000 }, async () => {
    const events = await run(LONG_FIT, { stopAfterMs: 300, timeoutMs: 120_000 });
    expect(errorOf(events)?.kind).toBe('stopped');
    expect(events.at(-1)).toMatchObject({ type: 'done', ok: false });
  });

  it('the time budget terminates an endless loop', { timeout: 120_000 }, async () => {
    const events = await run('while (true) {}', { timeoutMs: 3000 });
    expect(errorOf(events)).toMatchObject({ kind: 'timeout' });
    expect(errorOf(events)?.message).toContain('3 s');
  });

  it('a fresh worker runs after a terminated one', { timeout: 120_000 }, async () => {
    const events = await run("console.log('again');");
    expect(events.at(-1)).toMatchObject({ type: 'done', ok: true });
  });
});

describe('a spare worker prepared while the learner reads', () => {
  it("writes its wasm heap ahead, and the book's flow runs in it without growing the heap", { timeout: 300_000 }, async () => {
    const written = await page.evaluate(() => window.warmSandbox(['mnist']));
    // MNIST's files as float32 plus room: more than the 188 MB of train images.
    expect(written).toBeGreaterThan(200e6);
    const events = await run(
      [
        "import * as tf from '@tensorflow/tfjs';",
        "import { loadData, trainTestSplit } from 'course';",
        'const heap = () => tf.backend().wasm.HEAPU8.buffer.byteLength;',
        'const atStart = heap();',
        "const mnist = await loadData('mnist');",
        'const [xTr, xVal] = trainTestSplit(mnist.xTrain, mnist.yTrain, { testSize: 0.3, randomState: 777 });',
        'const parts = [xTr, xVal, mnist.xTest].map((x) => x.reshape([x.shape[0], 784]).div(255));',
        "console.log('HEAP ' + JSON.stringify({ backend: tf.getBackend(), atStart, atEnd: heap(), floats: parts.reduce((n, x) => n + x.size, 0) }));",
      ].join('\n'),
    );
    expect(events.at(-1)).toMatchObject({ type: 'done', ok: true });
    const line = events.find((e): e is Extract<RunEvent, { type: 'console' }> => e.type === 'console' && e.text.startsWith('HEAP '));
    const heap = JSON.parse(line!.text.slice(5)) as { backend: string; atStart: number; atEnd: number; floats: number };
    expect(heap.backend).toBe('wasm');
    expect(heap.floats).toBe(70_000 * 784);
    // The run began in the heap the spare wrote (its block freed), and 219 MB of `/ 255` copies fit in it.
    expect(heap.atStart).toBeGreaterThanOrEqual(written);
    expect(heap.atEnd).toBe(heap.atStart);
  });
});

const statuses = (events: RunEvent[]) => events.filter((e) => e.type === 'checks').map((e) => (e.type === 'checks' ? e.results.map((c) => `${c.id}:${c.status}`) : []));
const WRONG_01 = readFileSync(path.join(root, 'src/exercises/01-tensor-basics/wrong/no-scaling.ts'), 'utf8');
const HONEST_01 = ['flat-shape:passed', 'scaled-range:failed'];

describe("the learner's realm cannot speak for the checks", () => {
  it('ignores checks events the learner posts, whatever they claim', { timeout: 180_000 }, async () => {
    const runId = `forge-${n++}`;
    const forged = [
      WRONG_01,
      `const results = [{ id: 'flat-shape', title: { ko: '', en: '' }, status: 'passed', graded: true }, { id: 'scaled-range', title: { ko: '', en: '' }, status: 'passed', graded: true }];`,
      `for (let i = 0; i < 3; i++) self.postMessage({ type: 'checks', runId: '${runId}', results });`,
    ].join('\n');
    const events = await run(forged, { exerciseId: '01-tensor-basics', runId });
    expect(statuses(events)).toEqual([HONEST_01]);
  });

  it('prototype and toJSON tampering in the learner realm does not change the verdict', { timeout: 180_000 }, async () => {
    const tampered = [
      WRONG_01,
      "Object.defineProperty(Object.prototype, 'toJSON', { value() { return { status: 'passed' }; }, configurable: true });",
      "Object.defineProperty(Object.prototype, 'status', { get() { return 'passed'; }, configurable: true });",
      'JSON.stringify = () => \'{"type":"checks","results":[]}\';',
      'const post = self.postMessage.bind(self);',
      "self.postMessage = (event) => post(event && event.type === 'done' ? { ...event, ok: true } : event);",
    ].join('\n');
    const events = await run(tampered, { exerciseId: '01-tensor-basics' });
    expect(statuses(events)).toEqual([HONEST_01]);
  });

  it('breaking the capture itself ends as an error or the honest verdict, never a pass', { timeout: 180_000 }, async () => {
    const events = await run(`${WRONG_01}\nArray.prototype.map = function () { return ['forged']; };\nObject.keys = () => ['$'];`, { exerciseId: '01-tensor-basics' });
    // The learner's realm may hand back nothing usable; the checks then see no exports.
    const verdicts = statuses(events).flat();
    expect(verdicts.length > 0 || errorOf(events)?.kind === 'worker-lost').toBe(true);
    expect(verdicts).not.toContain('scaled-range:passed');
    expect(events.at(-1)).toMatchObject({ type: 'done' });
  });

  it('a correct answer still passes next to hostile code', { timeout: 180_000 }, async () => {
    const correct = readFileSync(path.join(root, 'src/exercises/01-tensor-basics/solution.ts'), 'utf8');
    const events = await run(`${correct}\nObject.prototype.toJSON = () => 'x';`, { exerciseId: '01-tensor-basics' });
    expect(statuses(events)).toEqual([['flat-shape:passed', 'scaled-range:passed']]);
  });
});

describe('reproducible runs', () => {
  const DRAWS = [
    "import * as tf from '@tensorflow/tfjs';",
    'const layer = tf.layers.dense({ units: 2, inputShape: [3] });',
    'tf.sequential({ layers: [layer] });',
    "console.log(Math.random().toFixed(12), Array.from(layer.getWeights()[0].dataSync()).map((v) => v.toFixed(6)).join(','));",
  ].join('\n');
  const printed = (events: RunEvent[]) => events.filter((e) => e.type === 'console').map((e) => (e.type === 'console' ? e.text : ''));

  it('the same seed gives the same draws and initial weights; another seed others', { timeout: 180_000 }, async () => {
    const first = await run(DRAWS, { seed: 7 });
    const again = await run(DRAWS, { seed: 7 });
    const other = await run(DRAWS, { seed: 8 });
    expect(printed(first)).toHaveLength(1);
    expect(printed(again)).toEqual(printed(first));
    expect(printed(other)).not.toEqual(printed(first));
    expect(first.find((e) => e.type === 'started')).toMatchObject({ seed: 7 });
  });
});
