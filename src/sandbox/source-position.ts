// Maps errors thrown by the wrapped learner code back to the learner's lines.
// The wrapper is built with the AsyncFunction constructor and a sourceURL, so
// stack frames name `learner-code.js`; the line offset the engine adds for the
// function header is measured once instead of assumed (V8 adds 2).
import type { ColumnMap } from './source-map.ts';
import { sourceColumn } from './source-map.ts';

export const SOURCE_URL = 'learner-code.js';
export const WRAPPER_PARAMS = ['require', 'exports', 'module', 'process', 'console'] as const;

type AsyncFn = (...args: unknown[]) => Promise<unknown>;
const AsyncFunction = (async () => {}).constructor as new (...args: string[]) => AsyncFn;

export function compileWrapper(js: string): AsyncFn {
  return new AsyncFunction(...WRAPPER_PARAMS, `${js}\n//# sourceURL=${SOURCE_URL}`);
}

const FRAME = /learner-code\.js:(\d+):(\d+)/;

/**
 * Errors from inside tfjs's async code (a failing `fit`) carry no learner
 * frame; the fit hook stores the stack of the learner's call here instead.
 */
export const CALL_SITE = Symbol.for('mnist-course.call-site');

export function hasLearnerFrame(stack: unknown): boolean {
  return FRAME.test(String(stack));
}

let lineOffset: number | undefined;

/** Awaitable calibration; call once before the first run. */
export async function calibrate(): Promise<number> {
  const probe = compileWrapper('throw new Error("probe");');
  try {
    await probe();
  } catch (e) {
    const match = FRAME.exec(String((e as Error).stack));
    lineOffset = match ? Number(match[1]) - 1 : 2;
  }
  return lineOffset ?? 2;
}

/** Learner line/column of the innermost learner frame of an error, if any. */
export function learnerPosition(error: unknown, columns: ColumnMap): { line: number; column: number } | undefined {
  const stack = error && typeof error === 'object' && 'stack' in error ? String((error as Error).stack) : '';
  const callSite = error && typeof error === 'object' ? (error as Record<symbol, unknown>)[CALL_SITE] : undefined;
  const match = FRAME.exec(stack) ?? FRAME.exec(String(callSite ?? ''));
  if (!match) return undefined;
  const line = Number(match[1]) - (lineOffset ?? 2);
  if (line < 1) return undefined;
  return { line, column: sourceColumn(columns, line, Number(match[2])) };
}

/**
 * The engine's SyntaxError from the Function constructor has no position.
 * Sucrase already caught grammar errors; what is left (a redeclared `let`, a
 * stray comma) is found by compiling ever longer prefixes until one fails with
 * the same message.
 */
export function locateSyntaxError(js: string, message: string): number | undefined {
  const lines = js.split('\n');
  if (lines.length > 3000) return undefined;
  for (let n = 1; n <= lines.length; n++) {
    try {
      compileWrapper(lines.slice(0, n).join('\n'));
    } catch (e) {
      if ((e as Error).message === message) return n;
    }
  }
  return undefined;
}
