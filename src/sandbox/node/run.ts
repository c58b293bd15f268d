// runInNode: runs one learner program in a fresh Node child process, under
// the permission model, with a heap limit and a wall-clock budget. It always
// resolves, with whatever events came back.
//
// The child may read its own code (src, node_modules, package.json) and the
// data, nothing else of the project (a teacher may keep the class's
// submissions there); it may not write files, start processes or worker
// threads, or load addons. tfjs-backend-wasm in Node only reads its .wasm file
// with fs and starts no threads, so no other permission is given. child.ts
// adds what the permission model does not cover (lockdown.ts: no signals, no
// network, no further imports) and replaces the process-wide error handlers
// that tfjs's Emscripten glue installs. Events come back as JSON lines on fd 3,
// each prefixed with a per-run token, written synchronously by the child.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LearnerError, RunEvent, RunReport, RunRequest } from '../../contract/protocol.ts';

export interface NodeRunOptions {
  /** Wall-clock budget; the child is killed when it runs out. */
  timeoutMs: number;
  /** V8 heap limit of the child (--max-old-space-size); default 2048. */
  memoryMb?: number;
}

const here = path.dirname(fileURLToPath(import.meta.url));
export const PROJECT_ROOT = path.resolve(here, '../../..');
const CHILD = path.join(here, 'child.ts');
/** What the child reads besides the data: its own code, its packages, and the package.json that marks the code as ES modules. */
const RUN_READS = ['package.json', 'src', 'node_modules'];

function seconds(ms: number): string {
  return String(Math.round(ms / 100) / 10);
}

function crashError(stderr: string, code: number | null, signal: NodeJS.Signals | null, memoryMb: number): LearnerError {
  if (/heap out of memory|Reached heap limit|Allocation failed|invalid array length|ERR_MEMORY/i.test(stderr)) {
    return {
      kind: 'out-of-memory',
      message: `The program ran out of memory (limit ${memoryMb} MB) and was stopped.`,
      explanation: {
        ko: `메모리(${memoryMb} MB)를 다 써서 실행이 멈췄습니다. 한 번에 너무 큰 배열이나 텐서를 만들지 않았는지, 반복문에서 텐서를 dispose하거나 tf.tidy로 감쌌는지 확인하세요.`,
        en: `The run used up its memory (${memoryMb} MB) and was stopped. Check for huge arrays or tensors, and dispose tensors made in loops (or wrap them in tf.tidy).`,
      },
    };
  }
  const tail = stderr.trim().split('\n').slice(-8).join('\n');
  return {
    kind: 'worker-lost',
    message: `The sandbox process ended unexpectedly (exit code ${code ?? 'none'}${signal ? `, signal ${signal}` : ''}).${tail ? `\n${tail}` : ''}`,
    explanation: {
      ko: '코드를 실행하던 프로세스가 갑자기 끝났습니다. 다시 실행해 보고, 같은 일이 생기면 메모리를 많이 쓰는 부분을 줄이세요.',
      en: 'The process running the code ended unexpectedly. Run again; if it happens again, reduce what uses a lot of memory.',
    },
  };
}

/**
 * Node's permission model for a run: read the code a run needs and the data,
 * nothing else of the project (a teacher may keep the class's submissions in
 * it); no writes, processes, workers or addons (none is allowed).
 */
export function permissionFlags(dataDir: string): string[] {
  const readable = [...RUN_READS.map((p) => path.join(PROJECT_ROOT, p)), dataDir];
  return ['--permission', ...readable.map((p) => `--allow-fs-read=${p}`)];
}

/** How long a child may take to exit after its last event. */
const EXIT_GRACE_MS = 2_000;
/**
 * The budget counts from the `started` event (the learner's code starts
 * then); loading tfjs before it is ours and, on a busy machine, takes seconds.
 */
const STARTUP_LIMIT_MS = 120_000;

export function runInNode(request: RunRequest, options: NodeRunOptions): Promise<RunReport> {
  const memoryMb = options.memoryMb ?? 2048;
  const events: RunEvent[] = [];
  const token = randomBytes(16).toString('hex');
  const dataDir = path.resolve(PROJECT_ROOT, request.dataBase || 'public/data');
  return new Promise<RunReport>((resolve) => {
    const child = spawn(
      process.execPath,
      [
        ...permissionFlags(dataDir),
        `--max-old-space-size=${memoryMb}`,
        '--disable-warning=ExperimentalWarning',
        CHILD,
      ],
      { cwd: PROJECT_ROOT, stdio: ['pipe', 'pipe', 'pipe', 'pipe'], env: { PATH: process.env.PATH ?? '', NODE_ENV: 'production' } },
    );
    let stderr = '';
    let pending = '';
    let finished = false;
    let timedOut = false;
    child.stderr!.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString()).slice(-20_000);
    });
    child.stdout!.on('data', () => {
      // tfjs's "install the node backend" notice; learner output is captured as events.
    });
    const eventsPipe = child.stdio[3] as NodeJS.ReadableStream;
    eventsPipe.on('data', (chunk: Buffer) => {
      pending += chunk.toString();
      let newline: number;
      while ((newline = pending.indexOf('\n')) >= 0) {
        const line = pending.slice(0, newline);
        pending = pending.slice(newline + 1);
        // Lines without this run's token were not written by child.ts.
        if (!line.startsWith(`${token} `)) continue;
        const event = JSON.parse(line.slice(token.length + 1)) as RunEvent;
        events.push(event);
        // `done` is the last event: the report is complete. Node's exit can
        // deadlock (seen: process.exit joining a V8 compile thread that waits
        // for a GC the main thread no longer runs), so a child still alive
        // shortly after `done` is killed rather than waited for.
        if (event.type === 'started') startBudget(options.timeoutMs);
        if (event.type === 'done') setTimeout(() => child.kill('SIGKILL'), EXIT_GRACE_MS).unref();
      }
    });
    let timer: ReturnType<typeof setTimeout> | undefined;
    const startBudget = (ms: number) => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        timedOut = true;
        child.kill('SIGKILL');
      }, ms);
    };
    startBudget(STARTUP_LIMIT_MS + options.timeoutMs);

    const finish = (code: number | null, signal: NodeJS.Signals | null) => {
      if (finished) return;
      finished = true;
      clearTimeout(timer);
      const { runId } = request;
      const done = events.find((e) => e.type === 'done');
      if (!done) {
        const error: LearnerError = timedOut
          ? {
              kind: 'timeout',
              message: `The run took longer than its time budget of ${seconds(options.timeoutMs)} s and was stopped.`,
              explanation: {
                ko: `실행 시간 제한(${seconds(options.timeoutMs)}초)을 넘어서 멈췄습니다. 끝나지 않는 반복문이 없는지 보고, 에포크 수나 데이터 양을 줄여 보세요.`,
                en: `The run went over its time budget (${seconds(options.timeoutMs)} s) and was stopped. Look for a loop that never ends, or train for fewer epochs or on less data.`,
              },
            }
          : crashError(stderr, code, signal, memoryMb);
        events.push({ type: 'error', runId, error });
        events.push({ type: 'done', runId, ok: false, leakedTensors: 0, durationMs: 0 });
      }
      resolve(reportFrom(runId, events));
    };
    child.on('error', (error) => {
      stderr += `\n${String(error)}`;
      finish(null, null);
    });
    child.on('close', finish);
    child.stdin!.on('error', () => {});
    child.stdin!.end(JSON.stringify({ token, request }));
  });
}

export function reportFrom(runId: string, events: RunEvent[]): RunReport {
  const report: RunReport = { runId, events, console: [], shows: [], checks: [], ok: false };
  for (const e of events) {
    if (e.type === 'started') report.backend = e.backend;
    else if (e.type === 'console') report.console.push(e.text);
    else if (e.type === 'show') report.shows.push(e.payload);
    else if (e.type === 'error') report.error ??= e.error;
    else if (e.type === 'checks') report.checks = e.results;
    else if (e.type === 'done') {
      report.ok = e.ok;
      report.leakedTensors = e.leakedTensors;
    }
  }
  return report;
}
