// npm run bench [-- --short] [--core] [--epochs N] [--no-browser] [--no-node-cpu] [--memory] [--variants all|a,b] [--variants-only]
// Trains the chapter's MLP (784-64-32-10, Adam, batch 128, 42,000 train +
// 18,000 validation samples per epoch) on every engine available here and
// prints, per engine, the median s/epoch after a warm-up epoch (min, max),
// samples/s, peak memory, final validation accuracy and the ratio to PyTorch
// measured in the same run; then the data path, page weight and time to the
// first epoch in Chromium, where the fast WASM path's time goes (lean
// trainer) next to tfjs's own fit loop with the fast kernels and stock tfjs,
// and model.predict / evaluate on the test set (fast and stock, Node and the
// page's Worker).
// Then, unless --core, the rest in their own processes: --memory, --variants
// all, the first epoch (browser-first-epoch.mjs) and every exercise
// (exercise-times.ts), each writing its own JSON under bench-results/.
// Writes bench-results/latest.json. --short: Node WASM (fast) only, 2 epochs,
// no profile, predict / evaluate with the fast kernels only, so a test can run it.
// --memory: only the two data flows' memory (the book's step-by-step flow and
// the lean one-call flow, Node and the page, each in a fresh process / page).
// --variants: also the trainer-coverage variants (chapter-model.ts), each on
// the fast path and its PyTorch peer with the same variant, alternating, with
// the ratio (variants.mjs); --variants-only: only those.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { lessonPageWeight } from './page-weight.mjs';
import { predictLines } from './predict-lines.mjs';
import { flowLines } from './flow-lines.mjs';
import { kb, mb, s, summarize } from './stats.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const argv = process.argv.slice(2);
const flag = (name) => argv.includes(`--${name}`);
const option = (name, fallback) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : fallback;
};
const short = flag('short');
const epochs = Number(option('epochs', short ? 2 : 5));
const outFile = path.resolve(root, option('out', 'bench-results/latest.json'));

// mode: 'fast' (fast kernels + lean trainer: what the sandbox runs), 'kernels'
// (fast kernels, tfjs's own fit loop), 'stock' (tfjs 4.22 as published).
function runNodeEngine(backend, mode, engineEpochs, profile, data = 'book', variant = 'chapter') {
  const fast = mode !== 'stock';
  return new Promise((resolve) => {
    const args = ['scripts/bench/node-engine.ts', '--backend', backend, '--fast', fast ? '1' : '0', '--lean-fit', mode === 'fast' ? '1' : '0', '--epochs', String(engineEpochs), '--profile', profile ? '1' : '0', '--data', data, '--variant', variant];
    const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('close', (code) => {
      const line = out.split('\n').find((l) => l.startsWith('BENCH_RESULT '));
      if (!line) return resolve({ engine: `node-${backend}${fast ? `-${mode}` : ''}`, error: `exit ${code}: ${err.trim().split('\n').slice(-3).join(' | ')}` });
      resolve(JSON.parse(line.slice('BENCH_RESULT '.length)));
    });
  });
}

// model.predict / model.evaluate on the 10,000 test rows (node-predict.ts),
// with the fast kernels or stock tfjs.
function runNodePredict(fast) {
  const r = spawnSync(process.execPath, ['scripts/bench/node-predict.ts', '--fast', fast ? '1' : '0'], { cwd: root, encoding: 'utf8' });
  const line = r.stdout.split('\n').find((l) => l.startsWith('PREDICT_RESULT '));
  if (!line) return { engine: `node-wasm${fast ? '-fast' : ''}`, error: `exit ${r.status}: ${r.stderr.trim().split('\n').slice(-3).join(' | ')}` };
  return JSON.parse(line.slice('PREDICT_RESULT '.length));
}

function runPyTorch(torchEpochs, variant = 'chapter') {
  const python = '/usr/bin/python3';
  if (!fs.existsSync(python) || spawnSync(python, ['-c', 'import torch'], { stdio: 'ignore' }).status !== 0) {
    return { engine: 'pytorch', skipped: 'PyTorch not installed (Debian: apt-get install -y python3-torch libopenblas0-pthread)' };
  }
  const r = spawnSync(python, ['scripts/bench/torch_mlp.py', path.join(root, 'public/data/mnist'), String(torchEpochs), variant], { cwd: root, encoding: 'utf8', env: { ...process.env, OPENBLAS_CORETYPE: undefined, OPENBLAS_L2_SIZE: undefined } });
  const line = r.stdout.trim().split('\n').pop();
  try {
    return { ...JSON.parse(line), samples: 42000 };
  } catch {
    return { engine: 'pytorch', error: (r.stderr || r.stdout).trim().split('\n').slice(-3).join(' | ') };
  }
}

// Which BLAS the PyTorch peer ran on: Debian's torch uses whatever provides
// libblas.so.3, and the reference BLAS makes the peer about ten times slower.
function blasLine(blas) {
  return blas.openblasCore
    ? `OpenBLAS, kernel ${blas.openblasCore}, ${blas.openblasThreads} thread(s) (${blas.library})`
    : `${blas.library ?? 'no BLAS library found'}: ${blas.note}`;
}

const started = new Date();
const load = os.loadavg();
console.log(`bench ${started.toISOString()} — ${os.cpus().length} cores, load ${load.map((l) => l.toFixed(1)).join(' ')}, Node ${process.version}${short ? ' (short)' : ''}`);

if (option('variants')) {
  const { runVariants } = await import('./variants.mjs');
  const variants = await runVariants({ list: option('variants'), epochs, runNodeEngine, runPyTorch });
  const variantBlas = variants.find((v) => v.pytorch.blas)?.pytorch.blas;
  if (variantBlas) console.log(`pytorch BLAS: ${blasLine(variantBlas)}`);
  if (flag('variants-only')) {
    fs.mkdirSync(path.dirname(outFile), { recursive: true });
    fs.writeFileSync(outFile, `${JSON.stringify({ date: started.toISOString(), loadAverage: load, epochs, variants }, null, 2)}\n`);
    console.log(`\nwrote ${path.relative(root, outFile)}`);
    process.exit(0);
  }
}

const engines = [];
if (flag('memory')) {
  engines.push(await runNodeEngine('wasm', 'fast', epochs, false, 'book'));
  engines.push(await runNodeEngine('wasm', 'fast', epochs, false, 'lean'));
  if (!flag('no-browser')) {
    const { runBrowserBench } = await import('./browser.mjs');
    const browser = await runBrowserBench({ root, epochs, flowsOnly: true }).catch((error) => ({ error: String(error?.stack ?? error) }));
    for (const engine of browser.engines ?? []) engines.push(engine);
    if (browser.skipped || browser.error) console.log(`Chromium: ${browser.skipped ?? browser.error}`);
  }
  for (const e of engines.filter((e) => e.error)) console.log(`${e.engine}: ${e.error}`);
  console.log(flowLines(engines).join('\n'));
  const out = path.resolve(root, option('out', 'bench-results/memory.json'));
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, `${JSON.stringify({ date: started.toISOString(), loadAverage: load, epochs, engines }, null, 2)}\n`);
  console.log(`\nwrote ${path.relative(root, out)}`);
  process.exit(0);
}
// PyTorch first and last, so the ratio uses the mean of two measurements that
// bracket the tfjs runs (the machine is shared).
const torchRuns = short ? [] : [runPyTorch(epochs)];
engines.push(await runNodeEngine('wasm', 'fast', epochs, !short));
if (!short) {
  engines.push(await runNodeEngine('wasm', 'kernels', epochs, true));
  engines.push(await runNodeEngine('wasm', 'stock', epochs, true));
  // loadData's memory-lean option: the same split, scaled and flattened while loading.
  engines.push(await runNodeEngine('wasm', 'fast', epochs, false, 'lean'));
  if (!flag('no-node-cpu')) engines.push(await runNodeEngine('cpu', 'stock', Math.min(epochs, 3), false));
}
// The stock run shows the cost the fast Slice removes (tens of seconds); --short skips it.
const predictions = short ? [runNodePredict(true)] : [runNodePredict(true), runNodePredict(false)];
let browser = { skipped: short ? 'short mode' : flag('no-browser') ? '--no-browser' : undefined };
if (!browser.skipped) {
  const { runBrowserBench } = await import('./browser.mjs');
  browser = await runBrowserBench({ root, epochs }).catch((error) => ({ error: String(error?.stack ?? error) }));
  for (const engine of browser.engines ?? []) engines.push(engine);
}
if (!short) torchRuns.push(runPyTorch(epochs));

for (const e of [...engines, ...torchRuns]) if (e.epochTimes) e.summary = summarize(e.epochTimes, e.samples ?? 42000);
const torchOk = torchRuns.filter((t) => t.summary);
const torchMedian = torchOk.length ? torchOk.reduce((a, t) => a + t.summary.median, 0) / torchOk.length : undefined;
const torchAll = torchOk.flatMap((t) => t.epochTimes.slice(1));
const torch = torchOk.length
  ? { ...torchOk[0], runs: torchOk.map((t) => t.summary.median), summary: { ...torchOk[0].summary, median: torchMedian, min: Math.min(...torchAll), max: Math.max(...torchAll), samplesPerSecond: 42000 / torchMedian } }
  : torchRuns[0];

console.log('\nengine                 s/epoch (min–max)        samples/s  ×PyTorch  val acc  peak memory');
const rows = torch?.summary ? [...engines, { ...torch, engine: `pytorch ${torch.torch} (${torch.threads} thr)` }] : engines;
for (const e of rows) {
  if (!e.summary) {
    console.log(`${e.engine.padEnd(22)} ${e.skipped ?? e.error}`);
    continue;
  }
  const { median, min, max, samplesPerSecond } = e.summary;
  e.ratioToPyTorch = torchMedian ? median / torchMedian : undefined;
  const memory = e.peakRssBytes ? `RSS ${mb(e.peakRssBytes)}${e.wasmHeapBytes ? `, wasm heap ${mb(e.wasmHeapBytes)}` : ''}` : e.peakTensorBytes ? `tensors ${mb(e.peakTensorBytes)}${e.wasmHeapBytes ? `, wasm heap ${mb(e.wasmHeapBytes)}` : ''}` : '';
  console.log(
    `${e.engine.padEnd(22)} ${s(median).padStart(7)} (${s(min)}–${s(max)})  ${String(Math.round(samplesPerSecond)).padStart(9)}  ${e.ratioToPyTorch ? `${e.ratioToPyTorch.toFixed(2)}×`.padStart(8) : '       —'}  ${Number.isFinite(e.valAccuracy) ? e.valAccuracy.toFixed(4) : '—'}   ${memory}`,
  );
}
if (!torch?.summary && torch) console.log(`pytorch: ${torch.skipped ?? torch.error}`);
if (torch?.blas) console.log(`pytorch BLAS: ${blasLine(torch.blas)}`);
if (torchOk.length > 1) console.log(`(PyTorch measured before and after the tfjs engines: ${torchOk.map((t) => s(t.summary.median)).join(', ')}; ratio uses their mean)`);

const fastWasm = engines.find((e) => e.engine === 'node-wasm-fast' && e.summary);
const kernelsWasm = engines.find((e) => e.engine === 'node-wasm-kernels' && e.summary);
const stockWasm = engines.find((e) => e.engine === 'node-wasm' && e.summary);
if (fastWasm?.leanFit) console.log(`\nnode-wasm-fast trained with the lean trainer: ${fastWasm.leanFit.lean ? 'yes' : `no (${fastWasm.leanFit.reason})`}`);
for (const e of engines.filter((e) => e.kernels?.length)) {
  const kernelMs = e.kernels.reduce((a, k) => a + k.ms, 0);
  const calls = e.kernels.reduce((a, k) => a + k.calls, 0);
  const trainSteps = Math.ceil(e.samples / 128);
  const steps = trainSteps + Math.ceil(e.validationSamples / 128);
  const lean = e.kernels.some((k) => k.name.startsWith('lean:'));
  console.log(`\nwhere one ${e.engine} epoch goes (profiled epoch ${s(e.profiledEpochMs / 1000)}; timing every kernel adds a little):`);
  console.log(`  kernels ${s(kernelMs / 1000)} in ${calls} calls (${(calls / trainSteps).toFixed(0)} per training step), JS outside kernels ${s((e.profiledEpochMs - kernelMs) / 1000)} (${((e.profiledEpochMs - kernelMs) / steps).toFixed(2)} ms per batch${lean ? ': softmax + cross-entropy, shuffling, callbacks, weights written back' : ''})`);
  // The arithmetic: dense matmuls per epoch (forward, weight gradients, input
  // gradients of layers 2 and 3; validation forward) against the time the
  // matmul kernels took (transposes included). The lean kernels skip zero
  // inputs, so for them this is a dense-equivalent rate.
  const dims = [[784, 64], [64, 32], [32, 10]];
  const forward = dims.reduce((a, [i, o]) => a + 2 * i * o, 0);
  const inputGrads = dims.slice(1).reduce((a, [i, o]) => a + 2 * i * o, 0);
  const gflop = ((2 * forward + inputGrads) * e.samples + forward * e.validationSamples) / 1e9;
  const matmulNames = lean ? ['lean:compressRows', 'lean:denseForward', 'lean:weightGrad', 'lean:inputGrad'] : ['BatchMatMul', '_FusedMatMul'];
  const matmulMs = e.kernels.filter((k) => matmulNames.includes(k.name)).reduce((a, k) => a + k.ms, 0);
  console.log(`  matmuls${lean ? ' (dense-equivalent; zero inputs skipped)' : ''}: ${gflop.toFixed(1)} GFLOP in ${s(matmulMs / 1000)} = ${(gflop / (matmulMs / 1000)).toFixed(1)} GFLOP/s${torchMedian ? `; ${(matmulMs / 1000 / torchMedian).toFixed(2)}× PyTorch's whole epoch` : ''}`);
  for (const k of e.kernels.slice(0, 8)) console.log(`  ${k.name.padEnd(22)} ${String(k.calls).padStart(6)} calls ${s(k.ms / 1000).padStart(8)}  ${((100 * k.ms) / e.profiledEpochMs).toFixed(0).padStart(3)} %`);
}
if (fastWasm && stockWasm) console.log(`\nfast WASM path (lean trainer) vs stock WASM: ${(stockWasm.summary.median / fastWasm.summary.median).toFixed(2)}× faster (same run)`);
if (fastWasm && kernelsWasm) console.log(`lean trainer vs the fast kernels under tfjs's own fit loop: ${(kernelsWasm.summary.median / fastWasm.summary.median).toFixed(2)}× faster (same run)`);
for (const e of engines.filter((e) => e.tensorsAfterEpoch)) {
  const grows = e.tensorsAfterEpoch.some((n) => n !== e.tensorsAfterEpoch[0]);
  console.log(`${e.engine}: tensors after each epoch ${e.tensorsAfterEpoch.join(', ')}${grows ? '  ← GROWS' : ' (steady)'}`);
}
if (fastWasm) console.log(`memory (Node fast WASM): process RSS ${mb(fastWasm.peakRssBytes)}; data in Node: read + gunzip + validate ${s(fastWasm.loadMs / 1000)}, split + reshape + / 255 ${s(fastWasm.convertMs / 1000)}`);
console.log(flowLines(engines).join('\n'));

if (browser.predict) predictions.push(browser.predict);
if (predictions.length) console.log(`\n${predictLines(predictions).join('\n')}`);

if (browser.data) {
  const d = browser.data;
  console.log(`\nChromium (${browser.version ?? ''}): MNIST in the page — fetch + gunzip + validate ${s(d.loadMs / 1000)}, → float tensors ${s(d.tensorMs / 1000)} (total ${s(d.totalMs / 1000)})`);
}
if (browser.data?.secondVisitLoadMs) console.log(`second visit: loadData ${s(browser.data.secondVisitLoadMs / 1000)} (data from Cache Storage: no download, gunzip or sha256)`);
if (browser.visits) console.log(`bytes transferred: first visit ${mb(browser.visits.first)}, second visit ${mb(browser.visits.second)} (${browser.visits.note})`);
if (browser.visits?.afterHttpCacheExpired) {
  const v = browser.visits.afterHttpCacheExpired;
  console.log(`visit after the HTTP cache expired: ${mb(v.bytes)} (data files ${mb(v.dataBytes)}), loadData ${s(v.loadMs / 1000)}`);
}
if (browser.secondRunSameWorker) console.log(`tensors at the start of a run: first ${browser.secondRunSameWorker.firstRunTensorsAtStart}, second run in the same worker ${browser.secondRunSameWorker.tensorsAtStart}`);
if (browser.runToFirstEpochMs) console.log(`Run pressed → first finished epoch, no warm-up: ${s(browser.runToFirstEpochMs / 1000)} (a fresh worker starts its backend and loads the data itself; lessons warm a spare worker first, measured by the first-epoch part, npm run bench:first-epoch)`);
if (browser.backendChoice) console.log(`backend the sandbox picks here: ${browser.backendChoice.backend} — ${browser.backendChoice.reason}`);
if (browser.skipped || browser.error) console.log(`\nChromium: ${browser.skipped ?? browser.error}`);

const weight = lessonPageWeight(path.join(root, 'dist'));
console.log(weight.available ? `lesson page before interaction (gzip): HTML ${kb(weight.htmlGzipBytes)}, JS ${kb(weight.jsGzipBytes)} (${weight.jsFiles} files), CSS ${kb(weight.cssGzipBytes)} (${weight.cssFiles} files)` : `page weight: ${weight.reason}`);

const result = { date: started.toISOString(), cores: os.cpus().length, loadAverage: load, node: process.version, short, epochs, engines, pytorch: torch, predictions, browser, pageWeight: weight };
fs.mkdirSync(path.dirname(outFile), { recursive: true });
fs.writeFileSync(outFile, `${JSON.stringify(result, null, 2)}\n`);
console.log(`\nwrote ${path.relative(root, outFile)}`);

// The rest of the figures, each in its own process with its own JSON, so one
// `npm run bench` prints them all: the two data flows' memory, the trainer
// variants against their PyTorch peers, the first epoch in Chromium, and
// every exercise from Run to verdict. --core: the engines above only.
if (!short && !flag('core')) {
  const parts = [
    ['the book\'s flow and the lean flow in memory', ['scripts/bench/run.mjs', '--memory', '--epochs', '1']],
    ['trainer variants', ['scripts/bench/run.mjs', '--variants', 'all', '--variants-only', '--epochs', '3', '--out', 'bench-results/variants.json']],
    ['first epoch in Chromium', ['scripts/bench/browser-first-epoch.mjs', '--runs', '3']],
    ['every exercise, Run → verdict', ['--experimental-strip-types', 'scripts/bench/exercise-times.ts']],
  ];
  for (const [title, args] of parts) {
    console.log(`\n=== ${title} (node ${args.join(' ')}) ===`);
    const child = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
    if (child.status !== 0) console.log(`(${title}: exit ${child.status ?? child.signal})`);
  }
}
