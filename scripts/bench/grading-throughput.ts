// npm run bench:grading [-- --submissions 12] [--jobs 1,2]
// How fast `npm run grade` gets through a class, and how that scales with
// --jobs: grades the same honest class (copies of the fixture submissions
// for exercises 01 and 02, under different names) once per --jobs value
// through the real CLI and headless Chromium, and prints wall time,
// submissions per minute, and per minute per core used. Needs the built
// site (npm run build:test).
import { execFileSync } from 'node:child_process';
import { availableParallelism, tmpdir } from 'node:os';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildFixtures } from '../../test/grading/fixtures/build.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const argv = process.argv.slice(2);
const option = (name: string, fallback: string): string => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : fallback;
};
const count = Number(option('submissions', '12'));
const jobsList = option('jobs', [1, 2, availableParallelism()].filter((j, i, all) => all.indexOf(j) === i).join(',')).split(',').map(Number);

const work = mkdtempSync(path.join(tmpdir(), 'bench-grading-'));
try {
  buildFixtures(path.join(work, 'fixtures'));
  const sources = ['kim-correct.json', 'nested/choi-mnist.json'].map((f) => JSON.parse(readFileSync(path.join(work, 'fixtures', f), 'utf8')));
  mkdirSync(path.join(work, 'class'));
  for (let i = 0; i < count; i++) {
    const source = sources[i % sources.length];
    writeFileSync(path.join(work, 'class', `learner-${i}.json`), JSON.stringify({ ...source, learner: { name: `Learner ${i}` } }));
  }
  console.log(`npm run grade on ${count} honest submissions (exercises 01 and 02), ${availableParallelism()} cores`);
  for (const jobs of jobsList) {
    const started = performance.now();
    execFileSync(process.execPath, ['--experimental-strip-types', path.join(root, 'src/grading/grader/cli.ts'), 'class', '--jobs', String(jobs), '--site', path.join(root, 'dist'), '--json', 'out.json'], { cwd: work, stdio: 'ignore', env: { ...process.env, LANG: 'C' } });
    const minutes = (performance.now() - started) / 60_000;
    const graded = JSON.parse(readFileSync(path.join(work, 'out.json'), 'utf8')).submissions.filter((s: { status: string }) => s.status === 'pass').length;
    const cores = Math.min(jobs, availableParallelism());
    console.log(`--jobs ${String(jobs).padEnd(3)} ${(minutes * 60).toFixed(1).padStart(6)} s  ${(count / minutes).toFixed(1).padStart(5)} submissions/min  ${(count / minutes / cores).toFixed(1).padStart(5)} per core  (${graded}/${count} passed)`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
