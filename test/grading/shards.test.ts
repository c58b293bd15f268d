// `npm run grade -- --shard K/N` and `merge`, end to end through the real CLI
// and headless Chromium: two slices of a class, merged, give byte for byte
// the CSV, JSON and table one run over the class gives, including a likeness
// note between two learners whose files fall in different slices; a missing
// or repeated slice is a clear tool error.
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inShard } from '../../src/grading/grader/shard.ts';
import { buildFixtures } from './fixtures/build.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CLI = join(ROOT, 'src/grading/grader/cli.ts');
const work = mkdtempSync(join(tmpdir(), 'grade-shards-'));

interface Result { code: number; stdout: string; stderr: string }
const grade = (args: string[]): Promise<Result> => new Promise((resolve) => {
  execFile(process.execPath, ['--experimental-strip-types', CLI, ...args, '--site', join(ROOT, 'dist')], {
    cwd: work, env: { ...process.env, LANG: 'C', LC_ALL: '' }, maxBuffer: 20 * 1024 * 1024,
  }, (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? -1) : 0, stdout, stderr }));
});
const read = (file: string) => readFileSync(join(work, file), 'utf8');

// Two learners hand in the same own code (a helper of their own beyond the exercise), one file in each slice.
const OWN_LINES = "\nconst remark = 'checked by my own helper';\nconsole.log(remark.toUpperCase(), flat.shape.join('x'), scaled.max().dataSync()[0]);\n";
function copyNamed(source: string, learner: string): string {
  const submission = JSON.parse(read(`all/${source}`));
  return JSON.stringify({ ...submission, learner: { name: learner }, code: submission.code + OWN_LINES });
}
const slices = { index: 1, count: 2 };

let single: Result;
beforeAll(async () => {
  if (!existsSync(join(ROOT, 'dist', 'gradebook', 'index.html'))) throw new Error('no built site in dist/: run `npm run build:test` first');
  buildFixtures(join(work, 'fixtures'));
  mkdirSync(join(work, 'all'));
  for (const file of ['kim-correct.json', 'lee-failing.json', 'park-claims-differ.json']) cpSync(join(work, 'fixtures', file), join(work, 'all', file));
  cpSync(join(work, 'fixtures', 'broken', 'not-json.json'), join(work, 'all', 'not-json.json'));
  // Names chosen so the two copies fall in different slices.
  const names = Array.from({ length: 40 }, (_, i) => `copy-${i}.json`);
  const first = names.find((n) => inShard(`all/${n}`, slices))!;
  const second = names.find((n) => !inShard(`all/${n}`, slices))!;
  writeFileSync(join(work, 'all', first), copyNamed('kim-correct.json', 'Oh Sumin'));
  writeFileSync(join(work, 'all', second), copyNamed('kim-correct.json', 'Yoon Jiho'));
  single = await grade(['all', '--json', 'single.json', '--csv', 'single.csv', '--jobs', '1']);
}, 600_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('grading a class in slices', () => {
  it('merges two slices into exactly what one run gives', async () => {
    expect(single.code).toBe(0);
    const one = await grade(['all', '--shard', '1/2', '--json', 's1.json', '--jobs', '1']);
    const two = await grade(['all', '--shard', '2/2', '--json', 's2.json', '--jobs', '1']);
    expect([one.code, two.code]).toEqual([0, 0]);
    const sizes = ['s1.json', 's2.json'].map((f) => JSON.parse(read(f)).submissions.length);
    expect(sizes.every((n) => n > 0)).toBe(true);
    expect(sizes[0] + sizes[1]).toBe(JSON.parse(read('single.json')).submissions.length);
    // A slice cannot see the other's code: the likeness note comes with the merge.
    expect(read('s1.json') + read('s2.json')).not.toContain('the same code as');

    const merged = await grade(['merge', 's2.json', 's1.json', '--json', 'merged.json', '--csv', 'merged.csv']);
    expect(merged.code).toBe(0);
    expect(read('merged.json')).toBe(read('single.json'));
    expect(read('merged.csv')).toBe(read('single.csv'));
    expect(merged.stdout).toBe(single.stdout);
    expect(read('merged.json')).toContain("the same code as Yoon Jiho's");
    expect(read('merged.json')).toContain("the same code as Oh Sumin's");
  });

  it('refuses a missing or repeated slice, naming it', async () => {
    const missing = await grade(['merge', 's1.json', '--json', 'x.json']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('slices 2/2 are missing');
    const twice = await grade(['merge', 's1.json', 's1.json', 's2.json']);
    expect(twice.code).toBe(2);
    expect(twice.stderr).toContain('slice 1/2 is given twice');
    const notShard = await grade(['merge', 'single.json', 's2.json']);
    expect(notShard.code).toBe(2);
    expect(notShard.stderr).toContain('single.json: is not a shard report');
  });
});
