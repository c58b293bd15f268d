// npm run bench:first-epoch [-- --runs N] [--no-throttle]
//
// The first-epoch path in headless Chromium (Debian's /usr/bin/chromium via
// playwright-core; never a downloaded browser), median/min/max of N samples:
//
// - MNIST ready in the page, first visit (fresh profile) and second visit
//   (same profile, new page): from the exercise waking (warmUp) until the page
//   holds the checked bytes, until the spare workers hold their copy, and
//   until the spare has written its wasm heap ahead (heap-warmer.ts);
// - the parts of "MNIST ready" alone: the page's load and check with no
//   worker starting on a first visit (and the gunzip alone) and on a third
//   visit (and the Cache Storage reads and the sha256 of the kept files),
//   and one sandbox worker's start with no data;
// - Run → first finished epoch in a fresh page (the learner pressed Run after
//   the warm-up finished) and when the learner runs again (after the next
//   spare is ready), the chapter's program (loadData, /255, trainTestSplit,
//   the 784-64-32-10 model, one epoch of 42,000 + 18,000 samples);
// - where a warm run's time goes, step by step (the program's clock readings
//   share the page's timeOrigin-based clock);
// - the old path for comparison: Run in a fresh page without a warm-up;
// - a cold visit, from waking the exercise to its first epoch with Run
//   pressed at once, with its bytes on the wire, unthrottled and under
//   Chromium's network emulation (CDP Network.emulateNetworkConditions,
//   10 Mbit/s down, 5 Mbit/s up, 40 ms latency).
//
// The bench page (bench/) is the lessons' sandbox client and workers built by
// Vite, without the lesson page around it (no Monaco): the bytes are those of
// the run, not of the editor. The server gzips text and wasm as GitHub Pages
// does and sends Cache-Control: max-age=600 + ETag.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { chromium } from 'playwright-core';
import { trainingProgram } from './browser-code.mjs';
import { serveBenchSite } from './serve-bench-site.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const RUNS = Number(option('runs', 5));
const THROTTLE = !args.includes('--no-throttle');
const CHROMIUM = '/usr/bin/chromium';
const FLAGS = ['--headless', '--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run'];
const NETWORK = { offline: false, latency: 40, downloadThroughput: (10e6 / 8), uploadThroughput: (5e6 / 8) };

const stats = (values) => {
  const v = values.filter((x) => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b);
  if (v.length === 0) return { median: NaN, min: NaN, max: NaN, n: 0 };
  const mid = v.length >> 1;
  return { median: v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2, min: v[0], max: v.at(-1), n: v.length };
};
const sec = (ms) => (Number.isNaN(ms) ? '—' : `${(ms / 1000).toFixed(2)} s`);
const line = (label, values, target) => {
  const s = stats(values);
  console.log(`${label.padEnd(58)} ${sec(s.median).padStart(8)}  (min ${sec(s.min)}, max ${sec(s.max)}, n=${s.n})${target ? `  target ≤ ${target}` : ''}`);
  return s;
};
const mb = (bytes) => `${(bytes / 1e6).toFixed(2)} MB`;

/**
 * Where one run's time went, from Run pressed to the end of epoch 1: the
 * gap before the program's first step (worker handoff, module import,
 * backend check), then each step of the program (its clock readings share
 * the page's timeOrigin-based clock).
 */
const stepDurations = (run, steps) => {
  const out = {};
  let previous = run.startedAt;
  for (const s of steps) {
    out[s.step === 'start' ? 'Run → program starts (worker, import, backend)' : s.step] = s.at - previous;
    previous = s.at;
    if (s.step === 'after epoch 1') break;
  }
  return out;
};
const pushSteps = (into, durations) => {
  for (const [name, ms] of Object.entries(durations)) (into[name] ??= []).push(ms);
};

export async function runFirstEpochBench({ runs = RUNS, throttle = THROTTLE } = {}) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'course-first-epoch-'));
  const outDir = path.join(tmp, 'site');
  await build({ configFile: false, root: path.join(root, 'bench'), base: '/', logLevel: 'error', worker: { format: 'es' }, build: { outDir, emptyOutDir: true, chunkSizeWarningLimit: 10_000 } });
  const { server, counter, url } = await serveBenchSite(outDir, path.join(root, 'public/data'), { gzip: true });
  const program = trainingProgram('wasm', 1);
  const samples = { partsFirstData: [], partsGunzip: [], partsData: [], partsRead: [], partsHash: [], partsWorker: [], freshSteps: {}, againSteps: {}, firstData: [], firstReady: [], firstHeap: [], heapBytes: [], againHeap: [], secondData: [], secondReady: [], freshRun: [], againRun: [], againSpare: [], loadInRun: [], loadInRunAgain: [], oldPath: [], cold: [], coldBytes: [], coldSlow: [], coldSlowBytes: [], manifestsPerTwoRuns: [] };
  let profileCount = 0;
  const freshContext = () => chromium.launchPersistentContext(path.join(tmp, `profile-${profileCount++}`), { executablePath: CHROMIUM, headless: true, args: FLAGS });
  const open = async (context, network) => {
    const page = await context.newPage();
    if (network) {
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', network);
    }
    await page.goto(url);
    await page.waitForFunction(() => window.benchReady === true, undefined, { timeout: 120_000 });
    return page;
  };
  const run = (page) => page.evaluate(([request]) => window.benchRun(request, 300_000), [{ runId: `bench-${Math.random()}`, code: program, locale: 'en', dataBase: '/data/' }]);
  const bench = (r) => {
    const lineOut = r.events.find((e) => e.type === 'console' && e.text.startsWith('BENCH '));
    if (!lineOut) throw new Error(`run failed: ${JSON.stringify(r.events.filter((e) => e.type === 'error'))}`);
    return JSON.parse(lineOut.text.slice(6));
  };
  try {
    for (let i = 0; i < runs; i++) {
      // First visit, then run, then run again, then a second visit.
      const context = await freshContext();
      let page = await open(context);
      const warm = await page.evaluate(() => window.benchWarm(['mnist']));
      samples.firstData.push(warm.dataMs);
      samples.firstReady.push(warm.readyMs);
      samples.firstHeap.push(warm.heapMs);
      samples.heapBytes.push(warm.heapBytes);
      const manifestsBefore = counter.manifestRequests;
      const first = await run(page);
      samples.freshRun.push(first.firstEpochMs);
      samples.loadInRun.push(bench(first).loadMs);
      pushSteps(samples.freshSteps, stepDurations(first, bench(first).memorySteps));
      const spareAgain = await page.evaluate(() => window.benchSpareReady());
      samples.againSpare.push(spareAgain.readyMs);
      samples.againHeap.push(spareAgain.heapMs);
      const again = await run(page);
      samples.againRun.push(again.firstEpochMs);
      samples.loadInRunAgain.push(bench(again).loadMs);
      pushSteps(samples.againSteps, stepDurations(again, bench(again).memorySteps));
      samples.manifestsPerTwoRuns.push(counter.manifestRequests - manifestsBefore);
      await page.close();
      page = await open(context);
      const second = await page.evaluate(() => window.benchWarm(['mnist']));
      samples.secondData.push(second.dataMs);
      samples.secondReady.push(second.readyMs);
      await page.close();
      // The same parts alone, on a third visit (nothing else running in the page).
      page = await open(context);
      const parts = await page.evaluate(() => window.benchParts(['mnist']));
      samples.partsData.push(parts.dataMs);
      samples.partsRead.push(parts.readMs);
      samples.partsHash.push(parts.hashMs);
      samples.partsWorker.push(parts.workerMs);
      await context.close();

      // The parts alone on a first visit (fresh profile): download + gunzip + sha256 in the page, gunzip alone.
      const partsContext = await freshContext();
      page = await open(partsContext);
      const firstParts = await page.evaluate(() => window.benchParts(['mnist']));
      samples.partsFirstData.push(firstParts.dataMs);
      samples.partsGunzip.push(firstParts.gunzipMs);
      await partsContext.close();

      // The old path: Run in a fresh page with no warm-up (the worker loads the data itself).
      const oldContext = await freshContext();
      page = await open(oldContext);
      samples.oldPath.push((await run(page)).firstEpochMs);
      await oldContext.close();

      // Cold visits: wake, and Run at once; unthrottled and throttled.
      for (const network of throttle ? [undefined, NETWORK] : [undefined]) {
        const coldContext = await freshContext();
        page = await open(coldContext, network);
        counter.bytes = 0;
        const t = await page.evaluate(async ([request]) => {
          const t0 = performance.now();
          void window.benchWarm(['mnist']);
          const r = await window.benchRun(request, 300_000);
          return (r.firstEpochMs ?? NaN) + (performance.now() - t0 - r.totalMs);
        }, [{ runId: `bench-${Math.random()}`, code: program, locale: 'en', dataBase: '/data/' }]);
        (network ? samples.coldSlow : samples.cold).push(t);
        (network ? samples.coldSlowBytes : samples.coldBytes).push(counter.bytes);
        await coldContext.close();
      }
      process.stdout.write(`sample ${i + 1}/${runs} done\n`);
    }
  } finally {
    server.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  const load = os.loadavg().map((x) => x.toFixed(1)).join(' ');
  console.log(`\nFirst epoch (Chromium, ${os.cpus().length} cores, load ${load}, ${runs} samples each; median (min, max))`);
  const result = {
    firstVisitData: line('MNIST checked in the page, first visit (wake → bytes)', samples.firstData),
    firstVisitReady: line('MNIST ready in the spare worker, first visit (wake → ready)', samples.firstReady, '1 s'),
    firstVisitHeap: line('  and its wasm heap written ahead (wake → written)', samples.firstHeap),
    secondVisitData: line('MNIST checked in the page, second visit', samples.secondData),
    secondVisitReady: line('MNIST ready in the spare worker, second visit', samples.secondReady, '0.3 s'),
    partsFirstData: line('  parts alone, first visit: MNIST checked in the page, no worker', samples.partsFirstData),
    partsGunzip: line('    gunzip of its files (DecompressionStream), one by one', samples.partsGunzip),
    partsData: line('  parts alone, second visit: MNIST checked in the page, no worker', samples.partsData),
    partsRead: line('    Cache Storage reads of the kept files, one by one', samples.partsRead),
    partsHash: line('    sha256 of the kept files, one by one', samples.partsHash),
    partsWorker: line('  parts alone: one sandbox worker up (tfjs, wasm), no data', samples.partsWorker),
    loadDataInRun: line('loadData in the run (float tensors), fresh page', samples.loadInRun),
    loadDataInRunAgain: line('loadData in the run (float tensors), run again', samples.loadInRunAgain),
    freshPage: line('Run → first finished epoch, fresh page (after warm-up)', samples.freshRun, '1.5 s'),
    spareAfterRun: line('next spare ready after a run ended', samples.againSpare),
    spareHeapAfterRun: line('  and its wasm heap written ahead', samples.againHeap),
    runAgain: line('Run → first finished epoch, run again', samples.againRun, '0.5 s'),
    oldPath: line('Run → first finished epoch, fresh page, no warm-up (old)', samples.oldPath),
    coldVisit: line('cold visit: wake + Run at once → first epoch, unthrottled', samples.cold),
  };
  console.log(`${'  bytes on the wire (wake → first epoch)'.padEnd(58)} ${mb(stats(samples.coldBytes).median)}`);
  result.freshSteps = {};
  result.againSteps = {};
  console.log('Where a warm run goes, Run → end of epoch 1 (median; fresh page / run again):');
  for (const name of Object.keys(samples.againSteps)) {
    result.freshSteps[name] = stats(samples.freshSteps[name] ?? []);
    result.againSteps[name] = stats(samples.againSteps[name]);
    console.log(`  ${name.padEnd(56)} ${sec(result.freshSteps[name].median).padStart(8)} / ${sec(result.againSteps[name].median)}`);
  }
  if (throttle) {
    result.coldVisitThrottled = line('cold visit, 10 Mbit/s + 40 ms (CDP emulation)', samples.coldSlow);
    console.log(`${'  bytes on the wire (wake → first epoch)'.padEnd(58)} ${mb(stats(samples.coldSlowBytes).median)}`);
  }
  console.log(`wasm heap written ahead by a spare: ${mb(stats(samples.heapBytes).median)}`);
  console.log(`manifest requests during two runs in one page: ${samples.manifestsPerTwoRuns.join(', ')} (0: no run reloaded the data)`);
  result.bytes = { cold: stats(samples.coldBytes), coldThrottled: stats(samples.coldSlowBytes) };
  result.samples = samples;
  fs.mkdirSync(path.join(root, 'bench-results'), { recursive: true });
  fs.writeFileSync(path.join(root, 'bench-results/first-epoch.json'), JSON.stringify({ date: new Date().toISOString(), load: os.loadavg(), runs, ...result }, null, 2));
  return result;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await runFirstEpochBench();
