// The real grader CLI, spawned as a teacher would run it (from the folder that
// holds the collected submissions), on a freshly built fixture class: real
// exercises, real runInNode child processes under the permission model. Only
// the hostile submission waits for its exercise's time budget.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { csvParse } from 'd3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildFixtures, HOSTILE_MARKERS } from './fixtures/build.ts';

const CLI = fileURLToPath(new URL('../../src/grading/grader/cli.ts', import.meta.url));
const CLASS = 'class';
const fixture = (name: string): string => `${CLASS}/${name}`;
const work = mkdtempSync(join(tmpdir(), 'grade-test-'));

interface Result { code: number; stdout: string; stderr: string }

function grade(args: string[], env: Record<string, string> = {}): Promise<Result> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--experimental-strip-types', CLI, ...args], {
      cwd: work, env: { ...process.env, LANG: 'C', LC_ALL: '', ...env }, maxBuffer: 10 * 1024 * 1024,
    }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr });
    });
  });
}

let full: Result;
beforeAll(async () => {
  buildFixtures(join(work, CLASS));
  for (const marker of HOSTILE_MARKERS) rmSync(marker, { force: true });
  full = await grade([CLASS, '--csv', 'grades.csv', '--json', 'grades.json', '--jobs', '2']);
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('npm run grade on a class folder', () => {
  it('exits 0 and prints one row per learner and exercise, sorted', () => {
    expect(full.stderr).toBe('');
    expect(full.code).toBe(0);
    const rows = full.stdout.split('\n').filter((l) => /^\S/.test(l) && /\.json$/.test(l));
    expect(rows.map((l) => l.split(/\s{2,}/))).toEqual([
      ['Lee Jun', '01-tensor-basics', '1/2', '50', 'fail', fixture('lee-failing.json')],
      ['Mallory', '01-tensor-basics', '0/2', '0', 'error', fixture('mallory-hostile.json')],
      ['Park Seoyeon', '01-tensor-basics', '1/2', '50', 'fail', fixture('park-claims-differ.json')],
      ['김민지', '01-tensor-basics', '2/2', '100', '통과', fixture('kim-correct.json')],
      ['최우진', '02-mnist-shapes', '4/4', '100', '통과', fixture('nested/choi-mnist.json')],
    ]);
    expect(full.stdout).toContain('Graded 5: 2 pass, 2 fail, 1 error. Unreadable files: 2.');
  });

  it('notes where the browser\'s claims differ from the re-run, and only there', () => {
    const notes = full.stdout.split('\n').filter((l) => l.startsWith('    ⚠'));
    expect(notes).toEqual([
      '    ⚠ flat-shape: browser claimed passed, re-run error',
      '    ⚠ scaled-range: browser claimed passed, re-run error',
      expect.stringMatching(/^ {4}⚠ scaled-range: browser claimed passed, re-run failed: value 1 is 0\.5000 but should be 128 \/ 255 = 0\.5020/),
    ]);
  });

  it('reports malformed files with their name and the fix, and grades the rest', () => {
    expect(full.stdout).toContain(`  ${fixture('broken/not-json.json')}: not JSON (line 3, col 16: unexpected ","). Fix: export the submission again`);
    expect(full.stdout).toContain(`  ${fixture('broken/wrong-schema.json')}: field \`code\` must be a string (found the number 42). Fix:`);
    expect(full.stdout).not.toContain('notes.txt');
  });

  // Timing out proves its code ran past every escape attempt (a static refusal
  // would end with an import error instead).
  it('stops the hostile submission at its time budget, and it wrote nothing', () => {
    expect(full.stdout).toMatch(/Mallory.*\n {4}! stopped at the time limit: The run took longer than its time budget of 20 s/);
    for (const marker of HOSTILE_MARKERS) expect(existsSync(marker), marker).toBe(false);
  });

  it('writes a CSV row per learner, exercise and check', () => {
    const csv = readFileSync(join(work, 'grades.csv'), 'utf8');
    const rows = csvParse(csv.replace(/^\ufeff/, ''));
    expect(rows.columns).toEqual(['learner', 'exercise', 'check', 'status', 'score', 'message']);
    expect(rows.map((r) => [r.learner, r.check, r.status, r.score])).toEqual([
      ['Lee Jun', 'flat-shape', 'pass', '1'],
      ['Lee Jun', 'scaled-range', 'fail', '0'],
      ['Mallory', 'flat-shape', 'error', '0'],
      ['Mallory', 'scaled-range', 'error', '0'],
      ['Park Seoyeon', 'flat-shape', 'pass', '1'],
      ['Park Seoyeon', 'scaled-range', 'fail', '0'],
      ['김민지', 'flat-shape', 'pass', '1'],
      ['김민지', 'scaled-range', 'pass', '1'],
      ['최우진', 'train-shapes', 'pass', '1'],
      ['최우진', 'test-shapes', 'pass', '1'],
      ['최우진', 'first-labels', 'pass', '1'],
      ['최우진', 'images-shown', 'pass', '1'],
      ['최우진', 'labels-match', 'pass', ''],
      ['', '', 'error', ''],
      ['', '', 'error', ''],
    ]);
    expect(rows[1].message).toContain('the largest value is 255');
  });

  it('writes a JSON report with one object per submission', () => {
    const report = JSON.parse(readFileSync(join(work, 'grades.json'), 'utf8'));
    expect(report.format).toBe('mnist-course-grades');
    const byLearner = Object.fromEntries(report.submissions.filter((s: { learner: string | null }) => s.learner).map((s: { learner: string }) => [s.learner, s]));
    expect(byLearner['김민지']).toMatchObject({ exercise: '01-tensor-basics', status: 'pass', score: 100, message: null, notes: [] });
    expect(byLearner['김민지'].tests[0]).toEqual({ name: 'flat-shape', title: '이미지마다 한 줄로 펼쳤다', graded: true, status: 'pass', message: null });
    expect(byLearner['Lee Jun']).toMatchObject({ status: 'fail', score: 50 });
    expect(byLearner['Lee Jun'].tests[1]).toMatchObject({ name: 'scaled-range', status: 'fail', message: expect.stringContaining('divide by 255') });
    expect(byLearner.Mallory).toMatchObject({ status: 'error', score: 0, message: expect.stringContaining('time budget') });
    expect(report.submissions.slice(-2).map((s: { file: string; status: string }) => [s.file, s.status])).toEqual([
      [fixture('broken/not-json.json'), 'error'], [fixture('broken/wrong-schema.json'), 'error'],
    ]);
  });
});

describe('exit codes and languages', () => {
  it('--strict exits 1 when a graded check failed, 0 when all passed', async () => {
    const failing = await grade(['--strict', fixture('kim-correct.json'), fixture('lee-failing.json')]);
    expect(failing.code).toBe(1);
    expect(failing.stdout).toContain('Graded 2: 1 pass, 1 fail, 0 error.');
    const passing = await grade(['--strict', fixture('kim-correct.json')]);
    expect(passing.code).toBe(0);
  });

  it('--lang ko prints everything in Korean', async () => {
    const result = await grade(['--lang', 'ko', fixture('lee-failing.json'), fixture('broken')]);
    expect(result.code).toBe(0);
    expect(result.stdout.split('\n')[0]).toMatch(/^학습자\s+연습 문제\s+검사\s+점수\s+상태\s+파일$/);
    expect(result.stdout).toContain('✗ scaled-range: 가장 큰 값이 255입니다');
    expect(result.stdout).toContain('`code` 필드는 문자열이어야 합니다');
    expect(result.stdout).toContain('채점 1건: 통과 0, 실패 1, 오류 0. 읽지 못한 파일 2개.');
  });

  it('exits 2 for tool errors, naming the problem', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'grade-empty-'));
    try {
      const none = await grade([empty]);
      expect(none.code).toBe(2);
      expect(none.stderr).toContain(`grade: no *.json submission files found in ${empty}`);
    } finally {
      rmSync(empty, { recursive: true });
    }
    const missing = await grade(['no/such/folder']);
    expect([missing.code, missing.stderr]).toEqual([2, 'grade: no such file or folder: no/such/folder\n']);
    const badFlag = await grade(['--jobs', 'many', CLASS]);
    expect(badFlag.code).toBe(2);
    expect(badFlag.stderr).toContain('--jobs must be a positive whole number (got "many")');
    const noArgs = await grade([]);
    expect(noArgs.code).toBe(2);
    expect(noArgs.stderr).toContain('--help');
    const badOut = await grade([CLASS, '--csv', 'no/such/folder/grades.csv']);
    expect(badOut.code).toBe(2);
    expect(badOut.stderr).toContain('--csv no/such/folder/grades.csv: the folder');
  });

  it('--help documents the options in English and Korean', async () => {
    const help = await grade(['--help']);
    expect(help.code).toBe(0);
    for (const text of ['Usage: npm run grade', '사용법: npm run grade', '--csv', '--json', '--lang', '--strict', '--jobs', 'Exit codes', '종료 코드']) {
      expect(help.stdout).toContain(text);
    }
  });
});
