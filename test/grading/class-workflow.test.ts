// docs/examples/grade-class.yml is the GitHub Actions workflow teachers copy
// to grade a class in slices. No GitHub runner exists here, so it has never
// run on GitHub; what can be checked without one is: it is valid against
// GitHub's workflow schema, every `npm run grade` command in it is accepted
// by the grader's own argument parser, its matrix's slices K/N cover 1..N
// once each, and the files the grading jobs upload are the files the report
// job merges. (That slices merged equal one run is shards.test.ts.)
import { readFileSync } from 'node:fs';
import { matchesGlob, posix } from 'node:path';
import { validateWorkflow } from '@action-validator/core';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { parseGraderArgs } from '../../src/grading/grader/args.ts';

interface Step { run?: string; uses?: string; with?: Record<string, unknown>; 'working-directory'?: string }
interface Job { needs?: string; strategy?: { matrix: Record<string, unknown[]> }; steps: Step[] }

const FILE = new URL('../../docs/examples/grade-class.yml', import.meta.url);
const source = readFileSync(FILE, 'utf8');
const workflow = load(source) as { jobs: Record<string, Job> };

/** A step's command with `${{ matrix.<name> }}` filled in, split into words (the workflow quotes nothing). */
function words(step: Step, matrix: Record<string, unknown>): string[] {
  const command = step.run!.replace(/\$\{\{\s*matrix\.(\w+)\s*\}\}/g, (_, name: string) => String(matrix[name]));
  expect(command, 'a command with quotes or expressions this test cannot split').not.toMatch(/["'`]|\$\{\{/);
  return command.trim().split(/\s+/);
}

/** The grader's arguments of a step that runs `npm run grade -- …`, or undefined. */
function gradeArgs(step: Step, matrix: Record<string, unknown> = {}): string[] | undefined {
  if (!step.run?.includes('npm run grade')) return undefined;
  const all = words(step, matrix);
  expect(all.slice(0, 4)).toEqual(['npm', 'run', 'grade', '--']);
  return all.slice(4);
}

/** A path as the workflow's root sees it, from a step's working directory. */
const fromRoot = (step: Step, file: string) => posix.normalize(posix.join(step['working-directory'] ?? '.', file));

describe('the class-grading workflow (docs/examples/grade-class.yml)', () => {
  it('is valid against GitHub Actions\' workflow schema', () => {
    expect(validateWorkflow(source).errors).toEqual([]);
  });

  const grading = Object.values(workflow.jobs).find((job) => job.steps.some((step) => gradeArgs(step, { shard: 1 })?.includes('--shard')))!;
  const reporting = Object.values(workflow.jobs).find((job) => job.steps.some((step) => gradeArgs(step)?.[0] === 'merge'))!;

  it('grades every slice K/N of its matrix exactly once, each into its own JSON report, in one language', () => {
    const values = grading.strategy!.matrix.shard;
    const step = grading.steps.find((s) => gradeArgs(s, { shard: values[0] }))!;
    const options = values.map((shard) => parseGraderArgs(gradeArgs(step, { shard })!));
    expect(options.map((o) => o.shard!.index).sort()).toEqual(values.map((_, i) => i + 1));
    expect(new Set(options.map((o) => o.shard!.count))).toEqual(new Set([values.length]));
    expect(new Set(options.map((o) => o.json)).size).toBe(values.length);
    expect(options.every((o) => o.lang !== undefined), 'every slice names its language, so the merged report has one').toBe(true);
  });

  it('merges exactly the files the grading jobs upload', () => {
    expect(reporting.needs).toBe(Object.entries(workflow.jobs).find(([, job]) => job === grading)![0]);
    const values = grading.strategy!.matrix.shard;
    const gradeStep = grading.steps.find((s) => gradeArgs(s, { shard: values[0] }))!;
    const download = reporting.steps.find((s) => s.uses?.startsWith('actions/download-artifact'))!;
    const mergeStep = reporting.steps.find((s) => gradeArgs(s)?.[0] === 'merge')!;
    const merge = parseGraderArgs(gradeArgs(mergeStep)!);
    expect(merge.merge).toBe(true);
    expect(download.with?.['merge-multiple'], 'every artifact lands in one folder').toBe(true);
    for (const shard of values) {
      const report = fromRoot(gradeStep, parseGraderArgs(gradeArgs(gradeStep, { shard })!).json!);
      const upload = grading.steps.find((s) => s.uses?.startsWith('actions/upload-artifact') && words({ run: String(s.with?.path) }, { shard })[0] === report);
      expect(upload, `slice ${shard}'s report ${report} is uploaded`).toBeDefined();
      // After the download, that file sits in the download folder under its own name.
      const downloaded = posix.join(String(download.with?.path), posix.basename(report));
      expect(merge.paths.some((pattern) => matchesGlob(downloaded, fromRoot(mergeStep, pattern))), `${downloaded} is merged`).toBe(true);
    }
    expect(merge.json ?? merge.csv, 'the merged report is written to a file').toBeDefined();
  });
});
