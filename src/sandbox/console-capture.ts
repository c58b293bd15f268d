// The `console` learner code sees: every call becomes a `console` event, up to
// a cap on lines and bytes; past it, one `output-truncated` event and silence.
import type * as tfType from '@tensorflow/tfjs';
import type { ConsoleLevel, RunEvent } from '../contract/protocol.ts';
import { formatArgs, formatTable } from './format-value.ts';

export const OUTPUT_LIMIT_LINES = 2000;
export const OUTPUT_LIMIT_BYTES = 200_000;

export interface CapturedConsole {
  console: Pick<Console, 'log' | 'info' | 'warn' | 'error' | 'table' | 'debug'>;
  /** Everything printed, one entry per call. */
  lines: string[];
}

export function captureConsole(tf: typeof tfType, runId: string, emit: (e: RunEvent) => void): CapturedConsole {
  const lines: string[] = [];
  let lineCount = 0;
  let bytes = 0;
  let truncated = false;
  const write = (level: ConsoleLevel, text: string) => {
    if (truncated) return;
    const newLines = text.split('\n').length;
    if (lineCount + newLines > OUTPUT_LIMIT_LINES || bytes + text.length > OUTPUT_LIMIT_BYTES) {
      truncated = true;
      emit({ type: 'output-truncated', runId, limit: OUTPUT_LIMIT_LINES });
      return;
    }
    lineCount += newLines;
    bytes += text.length;
    lines.push(text);
    emit({ type: 'console', runId, level, text });
  };
  const logAt = (level: ConsoleLevel) => (...args: unknown[]) => {
    let text: string;
    try {
      text = formatArgs(tf, args);
    } catch (e) {
      text = `(could not print this value: ${(e as Error).message})`;
    }
    write(level, text);
  };
  return {
    lines,
    console: {
      log: logAt('log'),
      info: logAt('info'),
      debug: logAt('log'),
      warn: logAt('warn'),
      error: logAt('error'),
      table: (data: unknown) => write('table', formatTable(tf, data)),
    },
  };
}

/** Points the global console's methods at `target` until the returned function is called. */
export function redirectGlobalConsole(target: CapturedConsole['console']): () => void {
  const methods = ['log', 'info', 'debug', 'warn', 'error', 'table'] as const;
  const saved = methods.map((name) => console[name]);
  for (const name of methods) console[name] = target[name];
  return () => methods.forEach((name, i) => (console[name] = saved[i] as never));
}
