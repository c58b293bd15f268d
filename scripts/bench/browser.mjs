// Headless Chromium part of the bench: builds bench/ (the lessons' sandbox
// client + worker) with Vite's build API into a temp dir, serves it and
// public/data with GitHub-Pages-like caching headers (max-age=600 + ETag),
// and runs the training program in the lessons' Worker on every backend that
// starts (WASM, WebGL via SwiftShader, CPU; WebGPU only with a real adapter).
// Debian's /usr/bin/chromium via playwright-core, fresh profile; never a
// downloaded browser.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'vite';
import { chromium } from 'playwright-core';
import { loadOnlyProgram, predictProgram, trainingProgram } from './browser-code.mjs';
import { serveBenchSite } from './serve-bench-site.mjs';

const CHROMIUM = '/usr/bin/chromium';
const FLAGS = ['--headless', '--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run', '--enable-unsafe-swiftshader'];

function parseBench(run) {
  const line = run.events.find((e) => e.type === 'console' && e.text.startsWith('BENCH '));
  const error = run.events.find((e) => e.type === 'error');
  const started = run.events.find((e) => e.type === 'started');
  if (!line) return { error: error ? `${error.error.kind}: ${error.error.message}` : 'no result', backendAtStart: started };
  return { ...JSON.parse(line.text.slice('BENCH '.length)), started };
}

// leanOnly: only the WASM run with loadData's memory-lean option (its heap
// high-water mark), skipping everything else; predictOnly: only predict and
// evaluate on the test set (result.predict); flowsOnly: only the two data
// flows' memory, the book's flow then the lean one, each in a fresh page.
export async function runBrowserBench({ root, epochs, backends = ['wasm', 'webgl', 'cpu', 'webgpu'], leanOnly = false, predictOnly = false, flowsOnly = false }) {
  if (!fs.existsSync(CHROMIUM)) return { skipped: `${CHROMIUM} not found (apt-get install chromium)` };
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'course-bench-'));
  const profile = path.join(tmp, 'profile');
  const outDir = path.join(tmp, 'site');
  const t0 = performance.now();
  await build({
    configFile: false,
    root: path.join(root, 'bench'),
    base: '/',
    logLevel: 'error',
    worker: { format: 'es' },
    build: { outDir, emptyOutDir: true, chunkSizeWarningLimit: 10_000 },
  });
  const buildMs = performance.now() - t0;
  const { server, counter, url } = await serveBenchSite(outDir, path.join(root, 'public/data'));
  const context = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: FLAGS });
  const result = { buildMs, version: context.browser()?.version() ?? '', engines: [] };
  try {
    let page = await context.newPage();
    const open = async () => {
      await page.goto(url);
      await page.waitForFunction(() => window.benchReady === true, undefined, { timeout: 60_000 });
    };
    const run = (code, timeoutMs) =>
      page.evaluate(([request, t]) => window.benchRun(request, t), [{ runId: `bench-${Math.random()}`, code, locale: 'en', dataBase: '/data/' }, timeoutMs]);

    // The memory-lean data path in a fresh page (a fresh worker: a wasm heap never shrinks).
    const runLean = async () => {
      await open();
      result.engines.push({ engine: 'chromium-wasm-fast-leandata', ...parseBench(await run(trainingProgram('wasm', epochs, { lean: true }), 900_000)) });
      await page.close();
      page = await context.newPage();
    };
    if (leanOnly) {
      await runLean();
      return result;
    }
    if (flowsOnly) {
      await open();
      result.engines.push({ engine: 'chromium-wasm-fast', ...parseBench(await run(trainingProgram('wasm', epochs), 900_000)) });
      await page.close();
      page = await context.newPage();
      await runLean();
      return result;
    }
    // predict and evaluate on the 10,000 test rows, in a fresh page's worker.
    const runPredict = async () => {
      await open();
      result.predict = { engine: 'chromium-wasm-fast', ...parseBench(await run(predictProgram, 600_000)) };
      await page.close();
      page = await context.newPage();
    };
    if (predictOnly) {
      await runPredict();
      return result;
    }

    // First visit, fresh profile: the sandbox's own backend choice, the data
    // download, and the time from Run to the first finished epoch.
    counter.bytes = 0;
    await open();
    const webgpu = await page.evaluate(() => window.webGpuAdapter());
    const first = await run(trainingProgram('wasm', epochs), 900_000);
    result.visits = { first: counter.bytes };
    const wasm = parseBench(first);
    result.backendChoice = wasm.started ? { backend: wasm.started.backend, reason: wasm.started.backendReason } : undefined;
    result.runToFirstEpochMs = first.firstEpochMs;
    result.data = wasm.loadMs ? { loadMs: wasm.loadMs, tensorMs: wasm.tensorMs, totalMs: wasm.loadMs + wasm.tensorMs, note: 'first visit: includes the download from a local server' } : undefined;
    result.engines.push({ engine: 'chromium-wasm-fast', ...wasm });

    // A second run in the same (reused) worker: the sandbox must have
    // disposed everything the first run made.
    const again0 = parseBench(await run(loadOnlyProgram, 120_000));
    result.secondRunSameWorker = { tensorsAtStart: again0.tensorsAtStart, firstRunTensorsAtStart: wasm.tensorsAtStart, loadMs: again0.loadMs };

    // Second visit: reload, load the data only.
    counter.bytes = 0;
    await page.close();
    page = await context.newPage();
    await open();
    const again = parseBench(await run(loadOnlyProgram, 120_000));
    result.visits.second = counter.bytes;
    result.visits.note = 'server sends Cache-Control: max-age=600 + ETag, as GitHub Pages does; the data files come from Cache Storage, the manifest revalidates (304)';
    result.data = { ...result.data, secondVisitLoadMs: again.loadMs };

    // A later visit, after the HTTP cache has expired (cleared here): the
    // site's bundles download again, the data comes from Cache Storage.
    await page.close();
    page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.clearBrowserCache');
    counter.bytes = 0;
    counter.dataBytes = 0;
    await open();
    const later = parseBench(await run(loadOnlyProgram, 120_000));
    result.visits.afterHttpCacheExpired = { bytes: counter.bytes, dataBytes: counter.dataBytes, loadMs: later.loadMs };

    await page.close();
    page = await context.newPage();
    await runLean();
    await runPredict();

    for (const backend of backends.filter((b) => b !== 'wasm')) {
      if (backend === 'webgpu' && webgpu !== 'real') {
        result.engines.push({ engine: 'chromium-webgpu', skipped: `no real WebGPU adapter (${webgpu})` });
        continue;
      }
      await page.close();
      page = await context.newPage();
      await open();
      // Two epochs (one after the warm-up) for the slow ones: software WebGL
      // (SwiftShader) took ~3 min per epoch in Dec 2026, and the sandbox never picks it.
      const slow = backend === 'cpu' || backend === 'webgl';
      const r = parseBench(await run(trainingProgram(backend, slow ? Math.min(epochs, 2) : epochs), 900_000));
      result.engines.push({ engine: `chromium-${backend}`, ...r });
    }
  } finally {
    await context.close();
    server.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  return result;
}
