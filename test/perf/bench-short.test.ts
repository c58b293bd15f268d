// `npm run bench -- --short` must keep working: it trains the chapter's model
// for 2 epochs on Node WASM (fast path) on the real split, predicts and
// evaluates on the test set, and writes its JSON.
// Only the shape and sanity of the result are checked, never a time.
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

describe('npm run bench -- --short', () => {
  it('trains, reports an epoch time, accuracy and steady tensors, predict and evaluate times, and writes JSON', () => {
    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'bench-')), 'latest.json');
    const stdout = execFileSync(process.execPath, ['scripts/bench/run.mjs', '--short', '--out', out], { encoding: 'utf8', timeout: 300_000 });
    expect(stdout).toMatch(/node-wasm-fast\s+\d+\.\d\d s/);
    const result = JSON.parse(fs.readFileSync(out, 'utf8'));
    const [engine] = result.engines;
    expect(engine.engine).toBe('node-wasm-fast');
    expect(engine.samples).toBe(42000);
    expect(engine.validationSamples).toBe(18000);
    expect(engine.epochTimes).toHaveLength(2);
    expect(engine.summary.median).toBeGreaterThan(0);
    expect(engine.valAccuracy).toBeGreaterThan(0.9);
    expect(new Set(engine.tensorsAfterEpoch).size).toBe(1);
    // The book's flow (what the short run trains on) within its memory target, in bytes.
    expect(engine.data).toBe('book');
    expect(stdout).toMatch(/Node +book's step-by-step flow +\d+\.\d MiB +\d\.\d\d × MNIST +≤ target/);
    // predict and evaluate on the test set, with the fast kernels.
    expect(stdout).toMatch(/node-wasm-fast\s+predict \d+\.\d\d s \(CPU \d+\.\d\d s\), evaluate \d+\.\d\d s/);
    const [prediction] = result.predictions;
    expect(prediction).toMatchObject({ engine: 'node-wasm-fast', rows: 10000, leakedTensors: 0 });
    expect(prediction.fastKernels).toContain('Slice');
  });
});
