// The exercise panel in a real browser (Debian's Chromium) against the built
// site (`BASE_PATH=/mnist-course/ npx astro build`), in both locales.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { parseSubmission } from '../../src/grading/submission.ts';
import { checkStatuses, clickAction, openExercise, panelSelector, pasteCode, readCode, waitForRunEnd } from './support/exercise-page.ts';
import { useSiteAndBrowser } from './support/site-and-browser.ts';

const EXERCISE = '02-mnist-shapes';
const TRAINING = '09-training';
const solutionOf = (id: string) => readFileSync(new URL(`../../src/exercises/${id}/solution.ts`, import.meta.url), 'utf8');
const solution = solutionOf(EXERCISE);

// A run that trains long enough to be stopped: many epochs of a tiny model on random data.
const LONG_TRAINING = `import * as tf from '@tensorflow/tfjs';
const model = tf.sequential({ layers: [tf.layers.dense({ inputShape: [8], units: 4, activation: 'softmax' })] });
model.compile({ optimizer: 'adam', loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
const x = tf.randomNormal([256, 8]);
const y = tf.oneHot(tf.randomUniform([256], 0, 4, 'int32'), 4);
await model.fit(x, y, { epochs: 100000, batchSize: 32, validationSplit: 0.2 });
`;


const env = useSiteAndBrowser();

async function freshPage(): Promise<Page> {
  const page = await env.browser.context.newPage();
  page.on('pageerror', (error) => console.error(`page error: ${error.message}`));
  await page.goto(env.site.url);
  await page.evaluate(() => localStorage.clear());
  return page;
}

for (const locale of ['ko', 'en'] as const) {
  const lessonUrl = () => `${env.site.url}${locale === 'en' ? 'en/' : ''}lessons/02-mnist/`;

  describe(`exercise panel (${locale})`, () => {
    it('runs the pasted solution: every check passes, the status is saved, Export gives a valid submission', async () => {
      const page = await freshPage();
      await openExercise(page, lessonUrl(), EXERCISE);
      await pasteCode(page, EXERCISE, solution);
      await page.keyboard.press('ControlOrMeta+Enter');
      await waitForRunEnd(page, EXERCISE);
      const checks = await checkStatuses(page, EXERCISE);
      expect(checks.length).toBeGreaterThan(0);
      expect(checks.filter((c) => c.status !== 'passed')).toEqual([]);
      // The console streamed the shapes and show.images was drawn.
      expect(await page.locator(`${panelSelector(EXERCISE)} [data-part="console"]`).textContent()).toContain('60000, 28, 28');
      expect(await page.locator(`${panelSelector(EXERCISE)} [data-part="shows"] svg, ${panelSelector(EXERCISE)} [data-part="shows"] canvas`).count()).toBeGreaterThan(0);
      expect(await page.locator(`${panelSelector(EXERCISE)} .exercise-check-summary`).getAttribute('data-passed')).toBe(
        await page.locator(`${panelSelector(EXERCISE)} .exercise-check-summary`).getAttribute('data-total'),
      );
      await expect.poll(() => page.locator(`${panelSelector(EXERCISE)} .exercise-backend`).textContent()).toMatch(/\w/);
      expect(await page.evaluate((id) => JSON.parse(localStorage.getItem(`mnist-course:v1:status:${id}`) ?? '{}').status, EXERCISE)).toBe('passed');

      page.once('dialog', (dialog) => void dialog.accept(locale === 'ko' ? '김민지' : 'Ana Silva'));
      const [download] = await Promise.all([page.waitForEvent('download'), clickAction(page, EXERCISE, 'export')]);
      const path = await download.path();
      const submission = parseSubmission(readFileSync(path, 'utf8'), download.suggestedFilename());
      expect(submission.exerciseId).toBe(EXERCISE);
      expect(submission.code).toBe(solution);
      expect(submission.locale).toBe(locale);
      expect(submission.results.map((r) => r.status)).toEqual(checks.map(() => 'passed'));
      await page.close();
    });

    it('trains the pasted 09-training solution: the live history fills epoch by epoch and every check passes', async () => {
      const page = await freshPage();
      await openExercise(page, `${env.site.url}${locale === 'en' ? 'en/' : ''}lessons/${TRAINING}/`, TRAINING);
      await pasteCode(page, TRAINING, solutionOf(TRAINING));
      // Every change of the live chart's data table (one row per finished
      // epoch) is recorded with whether the run was still going: an epoch
      // takes ~0.2 s now, too short for polling to see each one.
      await page.$eval(panelSelector(TRAINING), (panel) => {
        const seen: { rows: number; running: boolean }[] = [];
        (window as unknown as { liveRowsSeen: typeof seen }).liveRowsSeen = seen;
        const record = () => {
          const rows = panel.querySelectorAll('[data-part="live"] table tbody tr').length;
          const running = panel.getAttribute('data-running') === 'true';
          const last = seen.at(-1);
          if (!last || last.rows !== rows || last.running !== running) seen.push({ rows, running });
        };
        new MutationObserver(record).observe(panel, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-running'] });
      });
      await clickAction(page, TRAINING, 'run');
      await waitForRunEnd(page, TRAINING, 180_000);
      const seen = await page.evaluate(() => (window as unknown as { liveRowsSeen: { rows: number; running: boolean }[] }).liveRowsSeen);
      const described = seen.map((s) => `${s.rows}${s.running ? ' (running)' : ''}`).join(', ');
      // A partial history was on screen while the 3 epochs were still
      // training; at the end show.history's chart (which replaces the live
      // one it repeats) has all three.
      expect(seen.some((s) => s.running && s.rows > 0 && s.rows < 3), `live history rows seen: ${described}`).toBe(true);
      expect(await page.locator(`${panelSelector(TRAINING)} [data-part="shows"] table tbody tr`).count()).toBe(3);
      const checks = await checkStatuses(page, TRAINING);
      expect(checks.length).toBeGreaterThan(0);
      expect(checks.filter((c) => c.status !== 'passed')).toEqual([]);
      await page.close();
    }, 200_000);

    it('shows live training history, and Stop ends the run while the page stays responsive', async () => {
      const page = await freshPage();
      await openExercise(page, lessonUrl(), EXERCISE);
      await pasteCode(page, EXERCISE, LONG_TRAINING);
      await clickAction(page, EXERCISE, 'run');
      // The live chart fills in epoch by epoch.
      await page.waitForSelector(`${panelSelector(EXERCISE)} [data-part="live"] progress`, { timeout: 60_000 });
      await expect.poll(() => page.$eval(`${panelSelector(EXERCISE)} [data-part="live"] progress`, (p) => (p as HTMLProgressElement).value), { timeout: 60_000 }).toBeGreaterThan(0);
      await clickAction(page, EXERCISE, 'stop');
      await waitForRunEnd(page, EXERCISE, 30_000);
      expect(await page.locator(`${panelSelector(EXERCISE)} button[data-action="run"]`).isEnabled()).toBe(true);
      // Responsive: scripts run, a button still works, the code is intact.
      expect(await page.evaluate(() => 6 * 7)).toBe(42);
      await clickAction(page, EXERCISE, 'hint');
      await expect.poll(() => page.locator(`${panelSelector(EXERCISE)} [data-part="hints"] li:not([hidden])`).count()).toBe(1);
      expect(await readCode(page, EXERCISE)).toBe(LONG_TRAINING);
      await page.close();
    });

    it('a syntax error marks the learner\'s line in the editor', async () => {
      const page = await freshPage();
      await openExercise(page, lessonUrl(), EXERCISE);
      await pasteCode(page, EXERCISE, `const a = 1;\nconst b = 2;\nconst c = ;\nconsole.log(a, b, c);\n`);
      await clickAction(page, EXERCISE, 'run');
      await waitForRunEnd(page, EXERCISE);
      await expect.poll(() => page.getAttribute(panelSelector(EXERCISE), 'data-error-line')).toBe('3');
      await expect.poll(() => page.locator(`${panelSelector(EXERCISE)} [data-part="error"]`).isVisible()).toBe(true);
      // The highlighted line in the editor is the third one.
      const tops = await page.$eval(panelSelector(EXERCISE), (root) => {
        const marked = root.querySelector<HTMLElement>('.exercise-error-line')?.parentElement?.style.top ?? null;
        const third = [...root.querySelectorAll<HTMLElement>('.line-numbers')].find((n) => n.textContent?.trim() === '3')?.parentElement?.style.top ?? null;
        return { marked, third };
      });
      expect(tops.marked).not.toBeNull();
      expect(tops.marked).toBe(tops.third);
      await page.close();
    });

    it('keeps the draft across a reload', async () => {
      const page = await freshPage();
      await openExercise(page, lessonUrl(), EXERCISE);
      const marker = `// draft ${locale} ${Math.random().toString(36).slice(2)}\n`;
      await page.locator(`${panelSelector(EXERCISE)} .monaco-editor .view-lines`).click();
      await page.keyboard.press('ControlOrMeta+Home');
      await page.keyboard.insertText(marker);
      const typed = await readCode(page, EXERCISE);
      await page.reload();
      await openExercise(page, lessonUrl(), EXERCISE);
      expect(await readCode(page, EXERCISE)).toBe(typed);
      expect(typed.startsWith(marker)).toBe(true);
      await expect.poll(() => page.locator(`${panelSelector(EXERCISE)} [data-part="notice"]`).isVisible()).toBe(true);
      await page.close();
    });
  });
}
