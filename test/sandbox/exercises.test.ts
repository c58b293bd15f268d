// Every exercise folder, through the real runtime (runInNode): the solution
// passes every check, the starter passes no graded check, and each wrong
// answer fails the check its first line names. A program that stops before
// its exports gets "could not run" from every check that needed them, never
// "export it like …". Last, no check message of any of those runs gives the
// solution's code away (the rule: solution-leaks.ts). New folders are picked
// up automatically. EXERCISES=02-mnist-shapes,06-model limits the run to those.
// Learners run the sources of their page's language: the solution runs as the
// Korean page gives it, the starter as the English one (their code lines are
// the file's own in both languages: test/content/exercise-sources.test.ts).
import { describe, expect, it } from 'vitest';
import { listExercises, loadExercise } from '../../src/exercises/registry.node.ts';
import { runInNode } from '../../src/sandbox/node/run.ts';
import type { RunReport } from '../../src/contract/protocol.ts';
import { leakedFragment, solutionFragments } from './solution-leaks.ts';
import { trainingSteps } from './exercise-work.ts';

const TIMEOUT_MS = 300_000;

// A solution's work allowance, by construction rather than by the clock: its
// work priced at the slow end of what a learner's browser does, which must
// fit in 20 % of the exercise's time budget. Prices: a worker start; a
// dataset's first load in the page (download, gunzip, hash, floats: 2–7 s
// measured, docs/bench.md); a training step (one batch) at stock tfjs-wasm's
// speed, ~15× the lean trainer's 0.6 ms (validation passes included).
const WORK_PRICE = { startSeconds: 2, datasetSeconds: 5, stepSeconds: 0.01 };
const BUDGET_SHARE = 0.2;

function runExercise(id: string, code: string, label: string): Promise<RunReport> {
  return runInNode({ runId: `${id}:${label}`, code, exerciseId: id, locale: 'en', dataBase: 'public/data' }, { timeoutMs: TIMEOUT_MS });
}

const summary = (report: RunReport) =>
  [report.error ? `error: ${report.error.message}` : 'no error', ...report.checks.map((c) => `${c.id}: ${c.status} ${c.message?.en ?? ''}`)].join('\n');

/** The program with a throw after its imports: it stops before any export. */
function stoppedEarly(code: string): string {
  const lines = code.split('\n');
  const afterImports = lines.findLastIndex((line) => /^import\b/.test(line)) + 1;
  lines.splice(afterImports, 0, "throw new Error('stopped on purpose');");
  return lines.join('\n');
}

const only = process.env.EXERCISES?.split(',').map((s) => s.trim()).filter(Boolean);
const ids = listExercises().filter((id) => !only || only.includes(id));

describe('exercise folders', () => {
  it('finds at least the worked example', () => {
    expect(listExercises()).toContain('02-mnist-shapes');
  });
});

for (const id of ids) {
  describe(`exercise ${id}`, async () => {
    const exercise = await loadExercise(id);
    const { definition } = exercise;
    // Every report of this exercise, for the last test (tests in a describe run in order).
    const reports: { label: string; report: RunReport }[] = [];
    const run = async (code: string, label: string) => {
      const report = await runExercise(id, code, label);
      reports.push({ label, report });
      return report;
    };

    it('is well formed: checks with unique ids, two or more hints per language', () => {
      expect(definition.checks.length).toBeGreaterThan(0);
      const checkIds = definition.checks.map((c) => c.id);
      expect(new Set(checkIds).size).toBe(checkIds.length);
      expect(definition.hints.ko.length).toBeGreaterThanOrEqual(2);
      expect(definition.hints.en.length).toBe(definition.hints.ko.length);
      for (const w of exercise.wrong) expect(checkIds, `${id}/wrong/${w.name}`).toContain(w.expectFail);
    });

    it('solution (ko) passes every check', { timeout: TIMEOUT_MS + 30_000 }, async () => {
      const report = await run(exercise.localized.ko.solution, 'solution');
      expect(report.error, summary(report)).toBeUndefined();
      expect(report.checks.map((c) => c.id)).toEqual(definition.checks.map((c) => c.id));
      for (const check of report.checks) expect(check.status, summary(report)).toBe('passed');
      const steps = trainingSteps(report.shows);
      const priced = WORK_PRICE.startSeconds + definition.datasets.length * WORK_PRICE.datasetSeconds + steps * WORK_PRICE.stepSeconds;
      expect(priced, `${steps} training steps and ${definition.datasets.length} dataset(s), priced at ${priced.toFixed(1)} s, against ${BUDGET_SHARE * 100} % of the ${definition.timeBudgetMs / 1000} s budget`).toBeLessThanOrEqual((BUDGET_SHARE * definition.timeBudgetMs) / 1000);
    });

    it('starter (en) passes no graded check', { timeout: TIMEOUT_MS + 30_000 }, async () => {
      const report = await run(exercise.localized.en.starter, 'starter');
      expect(report.checks.length, summary(report)).toBe(definition.checks.length);
      for (const check of report.checks.filter((c) => c.graded)) {
        expect(check.status, `${check.id}\n${summary(report)}`).not.toBe('passed');
        expect(check.message?.ko, check.id).toBeTruthy();
        expect(check.message?.en, check.id).toBeTruthy();
      }
    });

    for (const wrong of exercise.wrong) {
      it(`wrong/${wrong.name} fails ${wrong.expectFail}`, { timeout: TIMEOUT_MS + 30_000 }, async () => {
        const report = await run(wrong.code, wrong.name);
        const check = report.checks.find((c) => c.id === wrong.expectFail);
        expect(check, summary(report)).toBeDefined();
        expect(check!.status, summary(report)).toBe('failed');
        expect(check!.message?.en, 'a failure says what to fix').toBeTruthy();
      });
    }

    it('a program that stops before its exports: each check that needed them says it could not run', { timeout: TIMEOUT_MS + 30_000 }, async () => {
      const report = await run(stoppedEarly(exercise.solution), 'stopped');
      expect(report.error?.message, summary(report)).toContain('stopped on purpose');
      expect(report.checks.length, summary(report)).toBe(definition.checks.length);
      const couldNotRun = /^This check could not run: the program stopped/;
      const stopped = report.checks.filter((c) => c.status !== 'passed');
      expect(stopped.length, summary(report)).toBeGreaterThan(0);
      for (const check of stopped) {
        expect(check.status, `${check.id}\n${summary(report)}`).toBe('not-attempted');
        expect(check.message?.en, `${check.id}\n${summary(report)}`).toMatch(couldNotRun);
        expect(check.message?.ko, `${check.id}\n${summary(report)}`).toMatch(/멈춰서 이 검사를 할 수 없었습니다/);
      }
    });

    it('no check message gives a line of the solution away', () => {
      expect(reports.length, 'the runs above ran').toBeGreaterThan(0);
      const fragments = solutionFragments(exercise.solution, exercise.starter);
      const leaks = reports.flatMap(({ label, report }) =>
        report.checks.flatMap((check) =>
          (['ko', 'en'] as const).flatMap((locale) => {
            const message = check.message?.[locale] ?? '';
            const fragment = leakedFragment(message, fragments);
            return fragment === undefined ? [] : [`${label} · ${check.id} (${locale}) quotes ${fragment}: ${message}`];
          }),
        ),
      );
      expect(leaks).toEqual([]);
    });
  });
}
