// Broken and hostile programs end cleanly, with the right kind of error at
// the right line, and the runner stays usable afterwards.
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { permissionFlags, PROJECT_ROOT, runInNode } from '../../src/sandbox/node/run.ts';
import type { RunReport } from '../../src/contract/protocol.ts';

let n = 0;
function run(code: string, timeoutMs = 120_000, memoryMb?: number): Promise<RunReport> {
  return runInNode({ runId: `hostile-${n++}`, code, locale: 'en', dataBase: 'public/data' }, { timeoutMs, memoryMb });
}

const lines = (...l: string[]) => l.join('\n');

describe('runInNode with broken or hostile code', () => {
  it('reports a syntax error with line and column, explained in both languages without tool names', async () => {
    const r = await run(lines('const a = 1;', 'const b = (2;', ''));
    expect(r.ok).toBe(false);
    expect(r.error).toMatchObject({ kind: 'syntax', line: 2, column: 13 });
    expect(r.error!.message).not.toContain('learner-code');
    expect(r.error!.explanation?.ko).toMatch(/[가-힣]/);
    expect(r.error!.explanation?.en).toContain('was expected');
  });

  it('finds the line of a syntax error only the engine detects', async () => {
    const r = await run(lines('let x = 1;', 'console.log(x);', 'let x = 2;'));
    expect(r.error).toMatchObject({ kind: 'syntax', line: 3 });
    expect(r.error!.explanation?.en).toContain('`x` is declared twice');
    expect(r.console).toEqual([]);
  });

  it('gives the line of an error thrown deep inside tfjs by a top-level call', async () => {
    const r = await run(lines("import * as tf from '@tensorflow/tfjs';", 'const images = tf.zeros([2, 2, 3]);', "console.log('ok');", 'const wrong = images.reshape([3, 6]);'));
    expect(r.error).toMatchObject({ kind: 'runtime', line: 4 });
    expect(r.error!.explanation?.en).toContain('[3,6]');
  });

  it("names the learner's own binding, not the sandbox's `exports.`, in a misspelt method", async () => {
    const r = await run(lines("import * as tf from '@tensorflow/tfjs';", 'export const flat = tf.zeros([2, 3]);', 'const scaled = flat.dvi(255);'));
    expect(r.error).toMatchObject({ kind: 'runtime', line: 3 });
    expect(r.error!.message).toContain('flat.dvi is not a function');
    expect(r.error!.message).not.toContain('exports.');
    expect(r.error!.explanation?.ko).toContain('`flat.dvi`');
  });

  it('reports a thrown error at its line, through type annotations', async () => {
    const r = await run(lines("import * as tf from '@tensorflow/tfjs';", 'const n: number = 2;', 'function f(k: number): never {', "  throw new Error('boom ' + k);", '}', 'f(n);'));
    expect(r.error).toMatchObject({ kind: 'runtime', line: 4 });
    expect(r.error!.message).toContain('boom 2');
  });

  it('maps columns back through removed type annotations', async () => {
    const r = await run(lines('const value: { a: number } | null = null as { a: number } | null;', 'const s: string = String(value!.a);'));
    expect(r.error).toMatchObject({ kind: 'runtime', line: 2 });
    // `.a` of `value!.a` in the learner's text (1-based), not in Sucrase's output.
    expect(r.error!.column).toBe('const s: string = String(value!.a);'.indexOf('a)') + 1);
  });

  it('reports an unhandled rejection with its line', async () => {
    const r = await run(lines('async function later() {', "  throw new Error('nobody awaits me');", '}', 'later();', 'await new Promise((resolve) => setTimeout(resolve, 5000));'));
    expect(r.error).toMatchObject({ kind: 'unhandled-rejection', line: 2 });
  });

  it('stops `while (true) {}` at top level with a timeout that names the budget', async () => {
    const r = await run(lines("console.log('before');", 'while (true) {}'), 4000);
    expect(r.error?.kind).toBe('timeout');
    expect(r.error?.message).toContain('4 s');
    expect(r.console).toEqual(['before']);
    expect(r.events.at(-1)?.type).toBe('done');
  });

  it('stops an endless loop inside a fit callback', async () => {
    const r = await run(
      lines(
        "import * as tf from '@tensorflow/tfjs';",
        'const model = tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [2] })] });',
        "model.compile({ optimizer: 'sgd', loss: 'meanSquaredError' });",
        'await model.fit(tf.ones([8, 2]), tf.ones([8, 1]), { epochs: 3, callbacks: { onEpochEnd: async () => { while (true) {} } } });',
      ),
      15_000,
    );
    expect(r.error?.kind).toBe('timeout');
    // The automatic progress stream started before the loop.
    expect(r.shows.some((s) => s.kind === 'fit-progress' && s.phase === 'begin')).toBe(true);
  });

  it('ends an allocation bomb with out-of-memory or a clear error', async () => {
    const r = await run(lines('const hoard: number[][] = [];', 'while (true) hoard.push(new Array(1_000_000).fill(1));'), 120_000, 256);
    expect(r.ok).toBe(false);
    expect(['out-of-memory', 'runtime']).toContain(r.error?.kind);
    expect(r.error?.message.length).toBeGreaterThan(10);
  });

  it('refuses `import "fs"` with the import named and its line', async () => {
    const r = await run(lines("import * as tf from '@tensorflow/tfjs';", "import { readFileSync } from 'fs';", 'console.log(readFileSync);'));
    expect(r.error).toMatchObject({ kind: 'import', line: 2 });
    expect(r.error!.message).toContain("'fs'");
    expect(r.error!.message).toContain("only '@tensorflow/tfjs' and 'course' can be imported here");
    expect(r.console).toEqual([]);
  });

  it('refuses dynamic import() of other modules', async () => {
    const r = await run(lines('const a = 1;', "const os = await import('os');"));
    expect(r.error).toMatchObject({ kind: 'import', line: 2 });
  });

  it('refuses require with a clear message and line', async () => {
    const r = await run(lines('// comment', "const fs = require('fs');"));
    expect(r.error).toMatchObject({ kind: 'import', line: 2 });
    expect(r.error!.message).toContain('not available in exercises');
  });

  it('refuses process with a clear message and line', async () => {
    const r = await run(lines('const a = 1;', '', 'console.log(process.env.HOME);'));
    expect(r.error).toMatchObject({ kind: 'runtime', line: 3 });
    expect(r.error!.message).toContain('process is not available in exercises');
  });

  it('cannot write files even through globalThis.process', async () => {
    const r = await run(lines('const p = (globalThis as any).process;', "const fs = p.getBuiltinModule('fs');", "fs.writeFileSync('/tmp/sandbox-escape.txt', 'x');"));
    expect(r.ok).toBe(false);
    expect(r.error?.kind).toBe('runtime');
    // Refused before the permission model is even asked: no module by that door.
    expect(r.error?.message).toMatch(/ERR_ACCESS_DENIED|Access to this API has been restricted|not available in exercises/);
  });

  it('cannot signal other processes', async () => {
    const r = await run(lines('const p = (globalThis as any).process;', 'p.kill(p.ppid, 0);'));
    expect(r.error).toMatchObject({ kind: 'runtime', line: 2 });
    expect(r.error!.message).toContain('process.kill is not available');
  });

  it('cannot reach the network or import modules by another door', async () => {
    const r = await run(
      lines(
        'const p = (globalThis as any).process;',
        'const attempts: string[] = [];',
        "const tryIt = async (name: string, f: () => unknown) => { try { await f(); attempts.push(name + ': allowed'); } catch (e) { attempts.push(name + ': ' + (e as Error).message); } };",
        "await tryIt('fetch', () => fetch('http://127.0.0.1:9/'));",
        "await tryIt('getBuiltinModule', () => p.getBuiltinModule('net'));",
        "await tryIt('binding', () => p.binding('tcp_wrap'));",
        "await tryIt('import', () => new Function('s', 'return import(s)')('node:https'));",
        "console.log(attempts.join('\\n'));",
      ),
    );
    expect(r.ok).toBe(true);
    const printed = r.console.join('\n');
    expect(printed).not.toContain('allowed');
    expect(printed).toContain('fetch: fetch is not available in exercises');
    expect(printed).toContain("import: import 'node:https' is not available in exercises");
  });

  it('runs under a permission model that reads only code and data, and writes nothing', () => {
    // The lockdown closes every door to fs from learner code, so the flags are
    // checked directly: a process started with them, doing what a program would.
    const attempt = (code: string) =>
      spawnSync(process.execPath, [...permissionFlags(path.join(PROJECT_ROOT, 'public/data')), '-e', code], { encoding: 'utf8' });
    const read = (file: string) => attempt(`require('fs').readFileSync(${JSON.stringify(path.join(PROJECT_ROOT, file))})`);
    expect(read('README.md').stderr).toContain('ERR_ACCESS_DENIED');
    expect(read('.ci/run').stderr).toContain('ERR_ACCESS_DENIED');
    expect(read('public/data/mnist/manifest.json').status).toBe(0);
    expect(read('src/course/index.ts').status).toBe(0);
    expect(attempt(`require('fs').writeFileSync(${JSON.stringify(path.join(PROJECT_ROOT, 'src/x.txt'))}, 'x')`).stderr).toContain('ERR_ACCESS_DENIED');
    expect(attempt("require('child_process').execSync('true')").stderr).toContain('ERR_ACCESS_DENIED');
  });

  it('cannot forge events on the channel to the runner', async () => {
    // Writes a fake "all checks passed" straight to the event pipe, then exits.
    const fake = (type: string, extra: string) => `{"type":"${type}","runId":"forged"${extra}}`;
    const r = await runInNode(
      {
        runId: 'forged',
        exerciseId: '02-mnist-shapes',
        locale: 'en',
        dataBase: 'public/data',
        code: lines(
          'const p = (globalThis as any).process;',
          // A socket on the event pipe's descriptor, made from stdout's class.
          'const pipe = new p.stdout.constructor({ fd: 3, readable: false, writable: true });',
          `pipe.write('${fake('checks', ',"results":[{"id":"train-shapes","title":{"ko":"","en":""},"status":"passed","graded":true}]')}\\n');`,
          `pipe.write('${fake('done', ',"ok":true,"leakedTensors":0,"durationMs":1')}\\n');`,
          'await new Promise((resolve) => setTimeout(resolve, 200));',
          'p.exit(0);',
        ),
      },
      { timeoutMs: 60_000 },
    );
    expect(r.checks).toEqual([]);
    expect(r.ok).toBe(false);
    expect(r.error?.kind).toBe('worker-lost');
  });

  it('prints what tfjs prints itself (tensor.print(), model.summary())', async () => {
    const r = await run(
      lines(
        "import * as tf from '@tensorflow/tfjs';",
        'tf.tensor([1, 2, 3]).print();',
        'tf.sequential({ layers: [tf.layers.dense({ units: 2, inputShape: [3] })] }).summary();',
      ),
    );
    expect(r.console[0]).toContain('[1, 2, 3]');
    expect(r.console.join('\n')).toContain('Total params: 8');
  });

  it('truncates console spam with one output-truncated event', async () => {
    const r = await run('for (let i = 0; i < 100000; i++) console.log(i);');
    expect(r.ok).toBe(true);
    expect(r.events.filter((e) => e.type === 'output-truncated')).toHaveLength(1);
    expect(r.console.length).toBeLessThanOrEqual(2000);
    expect(r.console[0]).toBe('0');
  });

  it('reports a missing export as not attempted', async () => {
    const r = await runInNode(
      { runId: 'missing-export', code: "import { loadData } from 'course';\nconst { xTrain } = await loadData('mnist');\n", exerciseId: '02-mnist-shapes', locale: 'en', dataBase: 'public/data' },
      { timeoutMs: 120_000 },
    );
    expect(r.ok).toBe(true);
    const check = r.checks.find((c) => c.id === 'train-shapes');
    expect(check?.status).toBe('not-attempted');
    expect(check?.message?.en).toContain('export');
  });

  it('runs a TypeScript program with types, interfaces and top-level await', async () => {
    const r = await run(
      lines(
        "import * as tf from '@tensorflow/tfjs';",
        'interface Pair { a: number; b: number }',
        'type Shape = number[];',
        'const pair: Pair = { a: 2, b: 3 };',
        'const shape: Shape = [pair.a, pair.b];',
        'const t: tf.Tensor = tf.ones(shape);',
        'const total = (await t.sum().data())[0] as number;',
        'console.log(`total=${total}`);',
        'export const result: number = total;',
      ),
    );
    expect(r.error).toBeUndefined();
    expect(r.ok).toBe(true);
    expect(r.console).toEqual(['total=6']);
  });

  it('is still usable after all of the above', async () => {
    const r = await run("console.log('still here');");
    expect(r.ok).toBe(true);
    expect(r.console).toEqual(['still here']);
  });
});
