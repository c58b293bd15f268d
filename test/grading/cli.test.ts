// The real grader CLI, spawned as a teacher would run it (from the folder that
// holds the collected submissions), end to end through headless Chromium
// (Debian's /usr/bin/chromium, found on its own) and the built site
// (`npm run build:test` first; --site names it, since sources may be newer).
// One run grades the fixture class plus hostile submissions (fixtures/
// hostile.ts), a FIFO named on the command line and in a folder, and a link
// leaving the folder; the tests read its table, CSV and JSON. A local "trap"
// server counts every connection learner code manages to make (none may).
// Only the endless loop waits for its exercise's time budget.
import { execFile, execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { csvParse } from 'd3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildFixtures, HOSTILE_MARKERS } from './fixtures/build.ts';
import { buildHostileFixtures, buildMemoryHogs, type HostileSubmission } from './fixtures/hostile.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CLI = join(ROOT, 'src/grading/grader/cli.ts');
// A private copy of the built site: another build replacing dist/ mid-run must not change what this test serves.
const SITE = mkdtempSync(join(tmpdir(), 'grade-site-'));
const CLASS = 'class';
const HOSTILE = 'hostile';
const fixture = (name: string): string => `${CLASS}/${name}`;
const work = mkdtempSync(join(tmpdir(), 'grade-test-'));
// (Not U+FEFF: the CSV starts with one on purpose, for Excel.)
const BIDI = /[\u202a-\u202e\u2066-\u2069\u200b-\u200f\u061c]/;

interface Result { code: number; stdout: string; stderr: string; processes: ProcessWatch }

/**
 * Every process descending from `root`, as seen while it runs (Linux /proc;
 * elsewhere nothing): Chromium's renderers do not inherit the environment,
 * and orphans lose their parent, so the tree is recorded live. A process is
 * known by pid and start time, so a reused pid is never mistaken for it.
 */
class ProcessWatch {
  readonly seen = new Map<string, { pid: number; command: string }>();
  #timer: ReturnType<typeof setInterval> | undefined;

  constructor(root: number) {
    if (process.platform !== 'linux') return;
    const scan = () => {
      const parents = new Map<number, number>();
      for (const name of readdirSync('/proc')) {
        const stat = ProcessWatch.stat(Number(name));
        if (stat) parents.set(Number(name), stat.ppid);
      }
      const family = new Set([root]);
      for (let grew = true; grew;) {
        grew = false;
        for (const [pid, ppid] of parents) if (family.has(ppid) && !family.has(pid)) family.add(pid), (grew = true);
      }
      for (const pid of family) {
        const stat = ProcessWatch.stat(pid);
        if (stat && pid !== root) this.seen.set(`${pid}:${stat.start}`, { pid, command: ProcessWatch.command(pid) });
      }
    };
    scan();
    this.#timer = setInterval(scan, 100);
  }

  static stat(pid: number): { ppid: number; start: string } | undefined {
    if (!Number.isInteger(pid)) return undefined;
    try {
      // Fields after the command name (which may hold spaces): state ppid … starttime is field 22.
      const fields = readFileSync(`/proc/${pid}/stat`, 'latin1').replace(/^.*\) /s, '').split(' ');
      return { ppid: Number(fields[1]), start: fields[19] };
    } catch {
      return undefined;
    }
  }

  static command(pid: number): string {
    try {
      return readFileSync(`/proc/${pid}/cmdline`, 'latin1').replace(/\0/g, ' ');
    } catch {
      return '';
    }
  }

  stop(): void {
    clearInterval(this.#timer);
  }

  /** The recorded processes still alive. */
  survivors(): string[] {
    return [...this.seen].filter(([key, p]) => ProcessWatch.stat(p.pid)?.start === key.split(':')[1]).map(([, p]) => `${p.pid} ${p.command.slice(0, 120)}`);
  }
}

/** Starts the CLI; its process tree is watched from the start. */
function start(args: string[], env: Record<string, string> = {}): { processes: ProcessWatch; result: Promise<Result> } {
  let processes!: ProcessWatch;
  const result = new Promise<Result>((resolve) => {
    const child = execFile(process.execPath, ['--experimental-strip-types', CLI, ...args], {
      cwd: work, env: { ...process.env, LANG: 'C', LC_ALL: '', ...env }, maxBuffer: 20 * 1024 * 1024,
    }, (error, stdout, stderr) => {
      processes.stop();
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr, processes });
    });
    processes = new ProcessWatch(child.pid!);
  });
  return { processes, result };
}

const grade = (args: string[], env: Record<string, string> = {}): Promise<Result> => start(args, env).result;

/** Waits for `condition`, checking up to `tries` times (each check is work, not a fixed wall-clock deadline). */
async function eventually(condition: () => boolean, tries = 120, pauseMs = 250): Promise<boolean> {
  for (let i = 0; i < tries; i++) {
    if (condition()) return true;
    await new Promise((r) => setTimeout(r, pauseMs));
  }
  return condition();
}

function listTree(folder: string, prefix = ''): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? listTree(join(folder, e.name), `${prefix}${e.name}/`) : [`${prefix}${e.name}`]).sort();
}

let trap: Server;
const trapHits: string[] = [];
let hostile: HostileSubmission[];
let full: Result;
let before: { work: string[]; root: string[] };
let report: { submissions: Record<string, any>[] };
const byFile = (file: string) => report.submissions.find((s) => s.file === file)!;

beforeAll(async () => {
  trap = createServer((request, response) => {
    trapHits.push(`${request.method} ${request.url}`);
    response.end('trapped');
  });
  trap.on('connection', () => trapHits.push('connection'));
  trap.on('upgrade', (request, socket) => {
    trapHits.push(`upgrade ${request.url}`);
    socket.destroy();
  });
  await new Promise<void>((ok) => trap.listen(0, '127.0.0.1', ok));

  if (!existsSync(join(ROOT, 'dist', 'gradebook', 'index.html'))) throw new Error('no built site in dist/: run `npm run build:test` first');
  cpSync(join(ROOT, 'dist'), SITE, { recursive: true });
  buildFixtures(join(work, CLASS));
  hostile = buildHostileFixtures(join(work, HOSTILE), (trap.address() as AddressInfo).port);
  execFileSync('mkfifo', [join(work, HOSTILE, 'pipe.json')]);
  execFileSync('mkfifo', [join(work, 'fifo-arg.json')]);
  writeFileSync(join(work, 'outside-secret.json'), readFileSync(join(work, CLASS, 'kim-correct.json')));
  symlinkSync(join(work, 'outside-secret.json'), join(work, HOSTILE, 'link-outside.json'));
  symlinkSync('flood.json', join(work, HOSTILE, 'link-inside.json'));
  for (const marker of HOSTILE_MARKERS) rmSync(marker, { force: true });
  before = { work: listTree(work), root: readdirSync(ROOT).sort() };

  full = await grade([CLASS, HOSTILE, 'fifo-arg.json', '--csv', 'grades.csv', '--json', 'grades.json', '--jobs', '2', '--site', SITE]);
  report = full.code === 0 ? JSON.parse(readFileSync(join(work, 'grades.json'), 'utf8')) : { submissions: [] };
}, 900_000);

afterAll(async () => {
  await new Promise<void>((ok) => trap?.close(() => ok()));
  rmSync(work, { recursive: true, force: true });
  rmSync(SITE, { recursive: true, force: true });
});

describe('npm run grade on a class folder, in headless Chromium', () => {
  it('exits 0 and prints one row per learner and exercise, sorted', () => {
    expect(full.stderr).toBe('');
    expect(full.code).toBe(0);
    const rows = full.stdout.split('\n').filter((l) => /^\S/.test(l) && /\.json$/.test(l)).map((l) => l.split(/\s{2,}/));
    const classRows = rows.filter((r) => r.at(-1)!.startsWith(`${CLASS}/`));
    expect(classRows).toEqual([
      ['Lee Jun', '01-tensor-basics', '1/2', '50', 'fail', fixture('lee-failing.json')],
      ['Mallory', '01-tensor-basics', '0/2', '0', 'error', fixture('mallory-hostile.json')],
      ['Park Seoyeon', '01-tensor-basics', '1/2', '50', 'fail', fixture('park-claims-differ.json')],
      // One language for the whole report (LANG=C: English), whatever language each learner used.
      ['김민지', '01-tensor-basics', '2/2', '100', 'pass', fixture('kim-correct.json')],
      ['최우진', '02-mnist-shapes', '4/4', '100', 'pass', fixture('nested/choi-mnist.json')],
    ]);
    // Learner names show in the table's rows (ending in their file) and the grid's (ending in the total).
    expect(full.stdout).not.toMatch(/[가-힣]{2,}(?![^\n]*(\.json|\(\d+%\))$)/m);
    // The grid of the single submissions (no assignment), in the same language, and its legend.
    expect(full.stdout).toMatch(/\nSubmissions without an assignment\nLearner +01-tensor-basics +02-mnist-shapes/);
    expect(full.stdout).toMatch(/\nLee Jun +1\/2 +— +1\/6 \(17%\)\n/);
    expect(full.stdout).toContain('\nMarks:\n  — not handed in');
    // Hostile ones, and the link inside the folder (to flood.json) graded once under its own path or not at all.
    expect(rows.filter((r) => r.at(-1)!.startsWith(`${HOSTILE}/`)).length).toBe(hostile.length);
    expect(full.stdout).toMatch(/Graded 12: \d+ pass, \d+ fail, \d+ error\. Unreadable files: 5\./);
  });

  it('notes where the browser\'s claims differ from the re-run', () => {
    expect(full.stdout).toContain('    ⚠ flat-shape: browser claimed passed, re-run error');
    expect(full.stdout).toMatch(/ {4}⚠ scaled-range: browser claimed passed, re-run failed: value 1 is 0\.5000 but should be 128 \/ 255 = 0\.5020/);
    expect(full.stdout).not.toMatch(/김민지.*\n {4}⚠/);
  });

  it('reports malformed files, FIFOs and links leaving the folder with their name and the fix, and grades the rest', () => {
    expect(full.stdout).toContain(`  ${fixture('broken/not-json.json')}: not JSON (line 3, col 16: unexpected ","). Fix: export the submission again`);
    expect(full.stdout).toContain(`  ${fixture('broken/wrong-schema.json')}: field \`code\` must be a string (found the number 42). Fix:`);
    expect(full.stdout).toContain('  fifo-arg.json: not read: this is a named pipe (FIFO), not a regular file. Fix: name only the exported .json files');
    expect(full.stdout).toContain(`  ${HOSTILE}/pipe.json: not read: this is a named pipe (FIFO), not a regular file.`);
    expect(full.stdout).toContain(`  ${HOSTILE}/link-outside.json: not read: a symbolic link that points outside the folder being graded.`);
    expect(full.stdout).not.toContain('notes.txt');
  });

  // Timing out proves its code ran past every escape attempt (a static refusal
  // would end with an import error instead).
  it('stops the endless loop at its time budget, and it wrote nothing', () => {
    expect(full.stdout).toMatch(/Mallory.*\n {4}! stopped at the time limit: The run took longer than its time budget of 20 s/);
    for (const marker of HOSTILE_MARKERS) expect(existsSync(marker), marker).toBe(false);
  });

  it('ends each hostile submission with its honest verdict or as its own error', () => {
    for (const h of hostile) {
      const s = byFile(`${HOSTILE}/${h.file}`);
      if (h.expect === 'not-pass') expect(s.status, h.file).not.toBe('pass');
      else expect(s.status, h.file).toBe(h.expect);
    }
    // Honest ones next to the hostile ones still pass: one submission's attack never changes another's grade.
    expect(byFile(fixture('kim-correct.json')).status).toBe('pass');
  });

  it('keeps a flood of output to 200 lines and 64 KB, and ignores forged console events', () => {
    const flood = byFile(`${HOSTILE}/flood.json`);
    expect(flood.output.length).toBeLessThanOrEqual(200);
    expect(flood.output.join('').length).toBeLessThanOrEqual(64 * 1024);
    expect(flood.outputTruncated).toBe(true);
    expect(flood.output.join('')).not.toContain('FFFFFFFFFF');
    expect(flood.output[0]).toBe('images.shape [2, 2, 3]');
  });

  it('never takes checks from the learner\'s worker, however they are forged', () => {
    const forger = byFile(`${HOSTILE}/forged-checks.json`);
    expect(forger.tests.find((t: { name: string }) => t.name === 'scaled-range')).toMatchObject({ status: 'fail', message: expect.stringContaining('255') });
    const odd = byFile(`${HOSTILE}/odd-message.json`);
    expect(odd.message).toBe('runtime error: (the run reported an error without a readable message)');
    for (const t of odd.tests) expect(typeof t.title).toBe('string');
  });

  it('lets learner code reach nothing but the grader\'s own server', () => {
    expect(trapHits).toEqual([]);
    const tries = byFile(`${HOSTILE}/network.json`).output.join('\n');
    for (const what of ['fetch other origin', 'fetch local port', 'fetch no-cors', 'import', 'websocket', 'event source']) {
      expect(tries).toMatch(new RegExp(`^${what}: `, 'm'));
    }
    expect(tries).not.toContain(': reached');
  });


  it('shows hidden characters in names visibly and defuses formulas, in the table, CSV and JSON', () => {
    expect(full.stdout).toContain('Kim <U+202E>nosj.exe<U+200B><U+2066>');
    const csv = readFileSync(join(work, 'grades.csv'), 'utf8');
    const json = readFileSync(join(work, 'grades.json'), 'utf8');
    for (const text of [full.stdout, csv, json]) expect(text).not.toMatch(BIDI);
    expect(csv).toContain('\r\n"\'=HYPERLINK(""http://evil.example"";""click"")",01-tensor-basics,');
    expect(JSON.parse(json).submissions.map((s: { learner: string | null }) => s.learner)).toContain('Kim <U+202E>nosj.exe<U+200B><U+2066>');
  });

  it('writes a CSV row per learner, exercise and check', () => {
    const rows = csvParse(readFileSync(join(work, 'grades.csv'), 'utf8').replace(/^\ufeff/, ''));
    expect(rows.columns).toEqual(['learner', 'exercise', 'file', 'submitted_at', 'assignment', 'handed_in_at', 'late', 'check', 'status', 'score', 'message']);
    // Two submissions of one learner are told apart by file and time.
    expect(rows.find((r) => r.learner === '김민지')).toMatchObject({ file: fixture('kim-correct.json'), submitted_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) });
    expect(rows.filter((r) => ['Lee Jun', '김민지', '최우진'].includes(r.learner)).map((r) => [r.learner, r.check, r.status, r.score])).toEqual([
      ['Lee Jun', 'flat-shape', 'pass', '1'],
      ['Lee Jun', 'scaled-range', 'fail', '0'],
      ['김민지', 'flat-shape', 'pass', '1'],
      ['김민지', 'scaled-range', 'pass', '1'],
      ['최우진', 'train-shapes', 'pass', '1'],
      ['최우진', 'test-shapes', 'pass', '1'],
      ['최우진', 'first-labels', 'pass', '1'],
      ['최우진', 'images-shown', 'pass', '1'],
      ['최우진', 'labels-match', 'pass', ''],
    ]);
    expect(rows.filter((r) => r.learner === '' && r.status === 'error').length).toBe(5);
  });

  it('writes a JSON report with one object per submission, the run\'s output included', () => {
    expect(report.submissions.length).toBe(12 + 5);
    const kim = byFile(fixture('kim-correct.json'));
    expect(kim).toMatchObject({ learner: '김민지', exercise: '01-tensor-basics', status: 'pass', score: 100, message: null, notes: [], outputTruncated: false });
    expect(kim.submittedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(kim.tests[0]).toEqual({ name: 'flat-shape', title: 'Each image is one row', graded: true, status: 'pass', message: null });
    expect(kim.output.slice(0, 2)).toEqual(['images.shape [2, 2, 3]', 'flat.shape [2, 6]']);
    expect(byFile(fixture('lee-failing.json')).tests[1]).toMatchObject({ name: 'scaled-range', status: 'fail', message: expect.stringContaining('divide by 255') });
    expect(byFile(fixture('mallory-hostile.json'))).toMatchObject({ status: 'error', score: 0, message: expect.stringContaining('time budget') });
  });

  it('writes nothing but --csv and --json, and leaves no process behind', async () => {
    expect(listTree(work)).toEqual([...before.work, 'grades.csv', 'grades.json'].sort());
    expect(readdirSync(ROOT).sort()).toEqual(before.root);
    if (process.platform === 'linux') expect([...full.processes.seen.values()].some((p) => p.command.includes('--type=renderer'))).toBe(true);
    expect(await eventually(() => full.processes.survivors().length === 0)).toBe(true);
  });
});

describe('memory limit', () => {
  it('stops runs over --memory-mb with an out-of-memory error, not a time-out: buffers and WebAssembly memory alike', async () => {
    buildMemoryHogs(join(work, 'hogs'));
    const result = await grade(['hogs', '--memory-mb', '256', '--jobs', '1', '--json', 'hogs.json', '--site', SITE]);
    expect(result.code).toBe(0);
    const hogs = JSON.parse(readFileSync(join(work, 'hogs.json'), 'utf8')).submissions;
    expect(Object.fromEntries(hogs.map((s: { learner: string; message: string }) => [s.learner, s.message]))).toEqual({
      'Buffer Hog': expect.stringMatching(/^out of memory: The run was stopped: one of its workers held about \d+ MB, over the limit of 256 MB\.$/),
      'Wasm Hog': expect.stringMatching(/^out of memory: The run was stopped: it grew the browser's memory by about \d+ MB, over the run's limit of 512 MB/),
    });
    rmSync(join(work, 'hogs'), { recursive: true });
    rmSync(join(work, 'hogs.json'));
  }, 300_000);
});

describe('exit codes, signals and languages', () => {
  it('--strict exits 1 when a graded check failed, 0 when all passed', async () => {
    const failing = await grade(['--strict', '--site', SITE, fixture('kim-correct.json'), fixture('lee-failing.json')]);
    expect(failing.code).toBe(1);
    expect(failing.stdout).toContain('Graded 2: 1 pass, 1 fail, 0 error.');
    const passing = await grade(['--strict', '--site', SITE, fixture('kim-correct.json')]);
    expect(passing.code).toBe(0);
  });

  it('--lang ko prints everything in Korean', async () => {
    const result = await grade(['--lang', 'ko', '--site', SITE, fixture('lee-failing.json'), fixture('broken')]);
    expect(result.code).toBe(0);
    expect(result.stdout.split('\n')[0]).toMatch(/^학습자\s+연습 문제\s+검사\s+점수\s+상태\s+파일$/);
    expect(result.stdout).toContain('✗ scaled-range: 가장 큰 값이 255입니다');
    expect(result.stdout).toContain('`code` 필드는 문자열이어야 합니다');
    expect(result.stdout).toContain('채점 1건: 통과 0, 실패 1, 오류 0. 읽지 못한 파일 2개.');
  });

  it('closes the browsers and exits 130 on Ctrl-C in the middle of a run', async () => {
    const child = spawn(process.execPath, ['--experimental-strip-types', CLI, '--site', SITE, fixture('mallory-hostile.json')], {
      cwd: work, env: { ...process.env, LANG: 'C' }, stdio: 'ignore',
    });
    const processes = new ProcessWatch(child.pid!);
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    // Once a page renders (the run is under way), interrupt.
    const rendering = () => [...processes.seen.values()].some((p) => p.command.includes('--type=renderer'));
    if (process.platform === 'linux') expect(await eventually(rendering, 480)).toBe(true);
    child.kill('SIGINT');
    expect(await exited).toBe(130);
    processes.stop();
    expect(await eventually(() => processes.survivors().length === 0)).toBe(true);
  }, 180_000);

  it('makes a crashed page that submission\'s error and goes on with a fresh one', async () => {
    mkdirSync(join(work, 'crash'));
    cpSync(join(work, CLASS, 'mallory-hostile.json'), join(work, 'crash', 'a-loop.json'));
    cpSync(join(work, CLASS, 'kim-correct.json'), join(work, 'crash', 'b-kim.json'));
    const { processes, result: running } = start(['crash', '--jobs', '1', '--site', SITE]);
    // Once a renderer has lived a little, the endless loop's page is loading or running: kill the grader's renderers (only them).
    const live = () => [...processes.seen.values()].filter((p) => p.command.includes('--type=renderer') && ProcessWatch.stat(p.pid));
    let scans = 0;
    const killed = await eventually(() => {
      if (live().length === 0 || ++scans < 20) return false;
      for (const p of live()) process.kill(p.pid, 'SIGKILL');
      return true;
    }, 1200, 100);
    const result = await running;
    rmSync(join(work, 'crash'), { recursive: true });
    if (process.platform !== 'linux') return;
    expect(killed).toBe(true);
    // Killed while its page loads or while it runs: either way that submission's error.
    expect(result.stdout).toMatch(/Mallory .* error +crash\/a-loop\.json\n {4}! the run ended unexpectedly: The browser page (running this submission crashed|for this submission could not be opened)/);
    expect(result.stdout).toMatch(/김민지 .* pass +crash\/b-kim\.json/);
  }, 300_000);

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
    const noBrowser = await grade(['--browser', '/no/such/chrome', '--site', SITE, fixture('kim-correct.json')]);
    expect(noBrowser.code).toBe(2);
    expect(noBrowser.stderr).toContain('--browser /no/such/chrome: no executable file there');
    mkdirSync(join(work, 'not-a-site'), { recursive: true });
    const badSite = await grade(['--site', 'not-a-site', fixture('kim-correct.json')]);
    expect(badSite.code).toBe(2);
    expect(badSite.stderr).toContain('--site not-a-site: no gradebook page there');
  });

  it('--help documents the options in English and Korean', async () => {
    const help = await grade(['--help']);
    expect(help.code).toBe(0);
    for (const text of ['Usage: npm run grade', '사용법: npm run grade', '--csv', '--json', '--lang', '--strict', '--jobs', '--browser', '--site', '--memory-mb', 'Exit codes', '종료 코드']) {
      expect(help.stdout).toContain(text);
    }
  });
});
