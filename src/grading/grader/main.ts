// The grader from argument list to exit code. Node finds and reads the
// files (find-files.ts, read-files.ts: regular files only, size-checked
// before reading), validates them, and hands each valid submission to a
// runner session that runs it in a browser's sandbox (grading/headless/);
// the reports are made here. Its dependencies (catalog, session, output
// streams) come in as parameters; cli.ts passes the real ones.
import { existsSync, statSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Locale } from '../../contract/locale.ts';
import { parseGraderArgs, UsageError, type GraderOptions } from './args.ts';
import { toCsv } from './csv.ts';
import { findSubmissionFiles, MissingPathError } from './find-files.ts';
import { gradeSubmissions, readSubmissions } from './grade-submissions.ts';
import { HELP } from './help.ts';
import { serializeJsonReport, toJsonReport } from './json-report.ts';
import { mergeShardReports } from './merge-reports.ts';
import { readSubmissionFile } from './read-files.ts';
import { inShard, shardName } from './shard.ts';
import { formatTable } from './table.ts';
import { ToolError } from './tool-error.ts';
import type { ExerciseCatalog, GradingOutcome, Runner } from './types.ts';

/** What runs the submissions: opened only when there is something to run, always closed. */
export interface RunnerSession {
  runner: Runner;
  /** The data's base URL, passed in each run request. */
  dataBase: string;
  /** Where the served site's files are (for messages). */
  siteDir: string;
  hasDataset(name: string): boolean;
  /** The content versions the runs' exercise code was built with. */
  contentVersions(): Promise<Record<string, string>>;
  close(): Promise<void>;
}

export interface GraderDeps {
  catalog: ExerciseCatalog;
  openSession(options: GraderOptions): Promise<RunnerSession>;
  out: (text: string) => void;
  err: (text: string) => void;
  /** The report's one language when --lang is absent (from $LC_ALL, $LC_MESSAGES or $LANG). */
  fallbackLocale: Locale;
  /** Show "graded 3/10" progress on err (a terminal, not a pipe). */
  progress?: boolean;
}

export const EXIT_OK = 0;
export const EXIT_STRICT_FAILED = 1;
export const EXIT_TOOL_ERROR = 2;

function checkWritable(flag: string, file: string | undefined): void {
  if (file === undefined) return;
  const folder = dirname(resolve(file));
  if (!existsSync(folder) || !statSync(folder).isDirectory()) {
    throw new ToolError(`--${flag} ${file}: the folder ${folder} does not exist; create it or choose another path`);
  }
  if (existsSync(file) && statSync(file).isDirectory()) throw new ToolError(`--${flag} ${file} is a folder; name a file`);
}

async function grade(options: GraderOptions, deps: GraderDeps): Promise<GradingOutcome> {
  // Never read our own previous outputs back as submissions.
  const outputs = [options.csv, options.json].filter((f) => f !== undefined).map((f) => resolve(f));
  const found = findSubmissionFiles(options.paths, outputs);
  if (found.files.length === 0 && found.refused.length === 0) {
    throw new ToolError(`no *.json submission files found in ${options.paths.join(', ')}; put the learners' exported files there`);
  }
  // One slice of the class (--shard K/N): the files whose path falls in it.
  const shard = options.shard;
  const files = shard ? found.files.filter((f) => inShard(f.shown, shard)) : found.files;
  const refused = shard ? found.refused.filter((r) => inShard(r.file, shard)) : found.refused;
  const texts = [];
  for (const file of files) texts.push(await readSubmissionFile(file));
  const read = readSubmissions([...texts, ...refused], deps.catalog);
  const noteLikeness = shard === undefined;
  if (read.valid.length === 0) return gradeSubmissions(read, deps.catalog, () => Promise.reject(new Error('nothing to run')), { jobs: 1, memoryMb: options.memoryMb, dataBase: '', noteLikeness });

  const session = await deps.openSession(options);
  try {
    const exercises = [...new Set(read.valid.map((v) => v.submission.exerciseId))];
    const built = await session.contentVersions();
    for (const id of exercises) {
      const entry = await deps.catalog.get(id);
      for (const dataset of entry.definition.datasets) {
        if (!session.hasDataset(dataset)) {
          throw new ToolError(`exercise ${id} needs the ${dataset} data, which is not in the site at ${session.siteDir}: run \`npm run data\`, then \`npm run build\``);
        }
      }
      if (built[id] !== entry.contentVersion) {
        throw new ToolError(`the site at ${session.siteDir} was built from other content of exercise ${id} than src/exercises/${id} holds now: run \`npm run build\` (or leave out --site)`);
      }
    }
    return await gradeSubmissions(read, deps.catalog, session.runner, {
      jobs: options.jobs,
      memoryMb: options.memoryMb,
      dataBase: session.dataBase,
      onGraded: deps.progress ? (done, total) => deps.err(`\rgraded ${done}/${total}${done === total ? '\n' : ''}`) : undefined,
      noteLikeness,
    });
  } finally {
    await session.close();
  }
}

export async function runGrader(argv: readonly string[], deps: GraderDeps): Promise<number> {
  try {
    const options = parseGraderArgs(argv);
    if (options.help) {
      deps.out(HELP);
      return EXIT_OK;
    }
    checkWritable('csv', options.csv);
    checkWritable('json', options.json);
    if (options.shard && !options.json) throw new UsageError('--shard needs --json FILE: the shards\' JSON reports are what `grade merge` joins');
    const merged = options.merge ? await mergeShardReports(options.paths, deps.catalog, options.lang) : undefined;
    const outcome = merged ? merged.outcome : await grade(options, deps);

    // One language for the whole report: --lang, else (merge) the shards', else the system's.
    const lang = options.lang ?? merged?.lang ?? deps.fallbackLocale;
    deps.out(formatTable(outcome, lang));
    if (options.csv) writeFileSync(options.csv, toCsv(outcome, lang));
    if (options.json) writeFileSync(options.json, serializeJsonReport(toJsonReport(outcome, lang, options.shard ? shardName(options.shard) : undefined)));

    const allPassed = outcome.unreadable.length === 0 && outcome.graded.every((g) => g.status === 'pass');
    return options.strict && !allPassed ? EXIT_STRICT_FAILED : EXIT_OK;
  } catch (error) {
    if (error instanceof UsageError || error instanceof ToolError || error instanceof MissingPathError) {
      const hint = error instanceof UsageError ? '\nRun `npm run grade -- --help` for usage (사용법은 --help).' : '';
      deps.err(`grade: ${error.message}${hint}\n`);
      return EXIT_TOOL_ERROR;
    }
    throw error;
  }
}
