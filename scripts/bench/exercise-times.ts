// npm run bench:exercises [-- --only 09-training,12-confusion-report] [--locales ko,en] [--no-node] [--no-page]
// The learner's whole path, per exercise: the reference solution's wall time
// from Run to the checks' verdict, through the real Node sandbox (runInNode)
// and in the real lesson page (the built site in headless Chromium: paste
// the solution into the editor, Ctrl+Enter, wait for the verdict), next to
// the exercise's time budget. Pages of one browser share its caches, as a
// learner's do: the first exercise of a dataset pays its download.
// Needs the built site (npm run build:test). Writes bench-results/exercises.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { listExercises, loadExercise } from '../../src/exercises/registry.node.ts';
import { runInNode } from '../../src/sandbox/node/run.ts';
import { launchChromium } from '../../src/grading/headless/launch.ts';
import { serveSite } from '../../src/grading/headless/static-site.ts';
import { checkStatuses, openExercise, pasteCode, waitForRunEnd } from '../../test/browser/support/exercise-page.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const argv = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
};
const only = option('only')?.split(',');
const locales = (option('locales') ?? 'ko,en').split(',') as ('ko' | 'en')[];
const ids = listExercises().filter((id) => !only || only.includes(id));

interface Timing { exercise: string; where: string; seconds: number; budgetSeconds: number; passed: number; total: number; error?: string }
const timings: Timing[] = [];

function print(t: Timing): void {
  const share = ((100 * t.seconds) / t.budgetSeconds).toFixed(0).padStart(3);
  const verdict = t.error ? `error: ${t.error}` : `${t.passed}/${t.total} checks`;
  const flag = t.seconds > 0.2 * t.budgetSeconds ? '  ← over 20 % of the budget' : '';
  console.log(`${t.exercise.padEnd(22)} ${t.where.padEnd(8)} ${t.seconds.toFixed(1).padStart(6)} s  of ${String(t.budgetSeconds).padStart(4)} s (${share} %)  ${verdict}${flag}`);
  timings.push(t);
}

if (!argv.includes('--no-node')) {
  console.log('Run → verdict, reference solutions, Node sandbox');
  for (const id of ids) {
    const { definition, localized } = await loadExercise(id);
    const started = performance.now();
    const report = await runInNode({ runId: `bench-${id}`, code: localized.en.solution, exerciseId: id, locale: 'en', dataBase: 'public/data' }, { timeoutMs: definition.timeBudgetMs });
    const graded = report.checks.filter((c) => c.graded);
    print({
      exercise: id, where: 'node', seconds: (performance.now() - started) / 1000, budgetSeconds: definition.timeBudgetMs / 1000,
      passed: graded.filter((c) => c.status === 'passed').length, total: graded.length, ...(report.error ? { error: report.error.message } : {}),
    });
  }
}

if (!argv.includes('--no-page')) {
  console.log('Run → verdict, reference solutions, lesson page in Chromium (Ctrl+Enter to the verdict)');
  const site = await serveSite(path.join(root, 'dist'), '/mnist-course/');
  const browser = await launchChromium(process.env.CHROMIUM ?? '/usr/bin/chromium');
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    for (const locale of locales) {
      for (const id of ids) {
        const { definition, localized } = await loadExercise(id);
        const solution = localized[locale].solution;
        const page = await context.newPage();
        const budget = definition.timeBudgetMs;
        try {
          await openExercise(page, `${site.url}${locale === 'en' ? 'en/' : ''}lessons/${definition.lesson}/`, id);
          await pasteCode(page, id, solution);
          const started = performance.now();
          await page.keyboard.press('Control+Enter');
          await waitForRunEnd(page, id, budget + 60_000);
          const seconds = (performance.now() - started) / 1000;
          const checks = await checkStatuses(page, id);
          print({ exercise: id, where: `page-${locale}`, seconds, budgetSeconds: budget / 1000, passed: checks.filter((c) => c.status === 'passed').length, total: checks.length });
        } catch (error) {
          print({ exercise: id, where: `page-${locale}`, seconds: NaN, budgetSeconds: budget / 1000, passed: 0, total: 0, error: String(error).split('\n')[0] });
        } finally {
          await page.close();
        }
      }
    }
  } finally {
    await browser.close();
    await site.close();
  }
}

const out = path.join(root, 'bench-results/exercises.json');
mkdirSync(path.dirname(out), { recursive: true });
writeFileSync(out, `${JSON.stringify({ when: new Date().toISOString(), timings }, null, 2)}\n`);
console.log(`wrote ${path.relative(root, out)}`);
