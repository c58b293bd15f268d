// Command-line arguments of `npm run grade`. Bad arguments throw UsageError,
// which the CLI reports with exit code 2.
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import type { Locale } from '../../contract/locale.ts';

export interface GraderOptions {
  paths: string[];
  jobs: number;
  memoryMb: number;
  csv?: string;
  json?: string;
  /** The report's one language; absent: the system's (main.ts). */
  lang?: Locale;
  strict: boolean;
  help: boolean;
  /** --browser: the Chrome/Chromium/Edge program to run submissions in (default: found). */
  browser?: string;
  /** --site: a built site folder to serve (default: dist/ when up to date, else a private build). */
  site?: string;
  /** --shard K/N: grade only slice K of N (shard.ts); `grade merge` joins the slices' JSON. */
  shard?: { index: number; count: number };
  /** `grade merge a.json b.json …`: join shard reports instead of grading (paths are the reports). */
  merge: boolean;
}

export class UsageError extends Error {}

export const DEFAULT_MEMORY_MB = 2048;

function positiveInteger(flag: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined) return fallback;
  if (!/^[1-9]\d*$/.test(raw)) throw new UsageError(`--${flag} must be a positive whole number (got "${raw}")`);
  return Number(raw);
}

export function parseGraderArgs(argv: readonly string[]): GraderOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        jobs: { type: 'string', short: 'j' },
        'memory-mb': { type: 'string' },
        csv: { type: 'string' },
        json: { type: 'string' },
        lang: { type: 'string' },
        strict: { type: 'boolean', default: false },
        browser: { type: 'string' },
        site: { type: 'string' },
        shard: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.lang !== undefined && values.lang !== 'ko' && values.lang !== 'en') {
    throw new UsageError(`--lang must be ko or en (got "${values.lang}")`);
  }
  if (values.csv !== undefined && values.csv === values.json) {
    throw new UsageError('--csv and --json must name different files');
  }
  const merge = positionals[0] === 'merge';
  const options: GraderOptions = {
    paths: merge ? positionals.slice(1) : positionals,
    merge,
    jobs: positiveInteger('jobs', values.jobs, availableParallelism()),
    memoryMb: positiveInteger('memory-mb', values['memory-mb'], DEFAULT_MEMORY_MB),
    strict: values.strict === true,
    help: values.help === true,
  };
  if (values.csv !== undefined) options.csv = values.csv;
  if (values.json !== undefined) options.json = values.json;
  if (values.lang !== undefined) options.lang = values.lang;
  if (values.browser !== undefined) options.browser = values.browser;
  if (values.site !== undefined) options.site = values.site;
  if (values.shard !== undefined) {
    const m = /^([1-9]\d*)\/([1-9]\d*)$/.exec(values.shard);
    if (!m || Number(m[1]) > Number(m[2])) throw new UsageError(`--shard must be K/N with 1 ≤ K ≤ N, e.g. 2/4 (got "${values.shard}")`);
    if (merge) throw new UsageError('--shard grades one slice; merge joins the slices: use one or the other');
    options.shard = { index: Number(m[1]), count: Number(m[2]) };
  }
  if (!options.help && options.paths.length === 0) {
    throw new UsageError(merge ? 'name the shard reports to merge (the --json files of each --shard K/N run)' : 'name at least one submission file or folder');
  }
  return options;
}
