// The grader from argument list to exit code. Its dependencies (runner,
// catalog, data folder, output streams) come in as parameters; cli.ts passes
// the real ones.
import { existsSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Locale } from '../../contract/locale.ts';
import { parseGraderArgs, UsageError } from './args.ts';
import { toCsv } from './csv.ts';
import { findSubmissionFiles, MissingPathError } from './find-files.ts';
import { gradeSubmissions, readSubmissions } from './grade-files.ts';
import { HELP } from './help.ts';
import { serializeJsonReport, toJsonReport } from './json-report.ts';
import { formatTable } from './table.ts';
import type { ExerciseCatalog, Runner } from './types.ts';

export interface GraderDeps {
  runner: Runner;
  catalog: ExerciseCatalog;
  /** Folder holding `<dataset>/manifest.json`. */
  dataBase: string;
  out: (text: string) => void;
  err: (text: string) => void;
  /** Language of headings and tool messages when --lang is absent (e.g. from $LANG). */
  fallbackLocale: Locale;
  /** Show "graded 3/10" progress on err (a terminal, not a pipe). */
  progress?: boolean;
}

export const EXIT_OK = 0;
export const EXIT_STRICT_FAILED = 1;
export const EXIT_TOOL_ERROR = 2;

class ToolError extends Error {}

function checkWritable(flag: string, file: string | undefined): void {
  if (file === undefined) return;
  const folder = dirname(resolve(file));
  if (!existsSync(folder) || !statSync(folder).isDirectory()) {
    throw new ToolError(`--${flag} ${file}: the folder ${folder} does not exist; create it or choose another path`);
  }
  if (existsSync(file) && statSync(file).isDirectory()) throw new ToolError(`--${flag} ${file} is a folder; name a file`);
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
    // Never read our own previous outputs back as submissions.
    const outputs = [options.csv, options.json].filter((f) => f !== undefined).map((f) => resolve(f));
    const files = findSubmissionFiles(options.paths).filter((f) => !outputs.includes(f));
    if (files.length === 0) {
      throw new ToolError(`no *.json submission files found in ${options.paths.join(', ')}; put the learners' exported files there`);
    }

    const read = await readSubmissions(files, deps.catalog);
    for (const id of new Set(read.valid.map((v) => v.submission.exerciseId))) {
      for (const dataset of (await deps.catalog.get(id)).definition.datasets) {
        if (!existsSync(join(deps.dataBase, dataset, 'manifest.json'))) {
          throw new ToolError(`exercise ${id} needs the ${dataset} data, which is not built in ${deps.dataBase}: run \`npm run data\` first`);
        }
      }
    }
    const outcome = await gradeSubmissions(read, deps.catalog, deps.runner, {
      jobs: options.jobs,
      memoryMb: options.memoryMb,
      dataBase: deps.dataBase,
      onGraded: deps.progress ? (done, total) => deps.err(`\rgraded ${done}/${total}${done === total ? '\n' : ''}`) : undefined,
    });

    deps.out(formatTable(outcome, options.lang, options.lang ?? deps.fallbackLocale));
    const fallback = options.lang ?? deps.fallbackLocale;
    if (options.csv) writeFileSync(options.csv, toCsv(outcome, options.lang, fallback));
    if (options.json) writeFileSync(options.json, serializeJsonReport(toJsonReport(outcome, options.lang, fallback)));

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
