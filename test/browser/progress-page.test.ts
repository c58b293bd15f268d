// The progress page lists what the learner did on lesson pages; its export,
// import and reset work on the real store, with errors a learner can read.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openExercise, panelSelector } from './support/exercise-page.ts';
import { useSiteAndBrowser } from './support/site-and-browser.ts';

const EXERCISE = '02-mnist-shapes';

const env = useSiteAndBrowser();

for (const locale of ['ko', 'en'] as const) {
  const prefix = locale === 'en' ? 'en/' : '';

  describe(`progress page (${locale})`, () => {
    it('shows an edited exercise as in progress with its draft, exports, resets and imports it back', async () => {
      const page = await env.browser.context.newPage();
      await page.goto(env.site.url);
      await page.evaluate(() => localStorage.clear());
      await openExercise(page, `${env.site.url}${prefix}lessons/02-mnist/`, EXERCISE);
      await page.locator(`${panelSelector(EXERCISE)} .monaco-editor .view-lines`).click();
      await page.keyboard.insertText('// started\n');

      await page.goto(`${env.site.url}${prefix}progress/`);
      const cell = page.locator(`tr[data-item-id="${EXERCISE}"] [data-part="status"]`);
      await expect.poll(() => cell.getAttribute('data-status')).toBe('in-progress');
      // Every lesson with an exercise or quiz is listed, quizzes by their store id.
      expect(await page.locator('tr[data-item-id^="quiz:02-mnist:"]').count()).toBeGreaterThan(0);
      expect(await page.locator('.progress-lesson h2 a').first().getAttribute('href')).toMatch(new RegExp(`^/mnist-course/${prefix}lessons/`));

      const [download] = await Promise.all([page.waitForEvent('download'), page.click('button[data-action="export"]')]);
      const exported = readFileSync(await download.path(), 'utf8');
      expect(JSON.parse(exported).drafts[EXERCISE].code).toContain('// started');

      page.once('dialog', (dialog) => void dialog.accept());
      await page.click('button[data-action="reset"]');
      await expect.poll(() => cell.getAttribute('data-status')).toBe('not-started');

      const file = join(env.browser.downloadsDir, 'progress.json');
      writeFileSync(file, exported);
      page.once('dialog', (dialog) => void dialog.accept());
      await page.setInputFiles('input[data-action="import"]', file);
      await expect.poll(() => cell.getAttribute('data-status')).toBe('in-progress');
      await page.close();
    });

    it('rejects a file that is not a progress export, naming the file and the problem', async () => {
      const page = await env.browser.context.newPage();
      await page.goto(`${env.site.url}${prefix}progress/`);
      const file = join(env.browser.downloadsDir, 'submission.json');
      writeFileSync(file, JSON.stringify({ format: 'mnist-course-submission', version: 1 }));
      page.once('dialog', (dialog) => void dialog.accept());
      await page.setInputFiles('input[data-action="import"]', file);
      const message = page.locator('[data-part="message"]');
      await expect.poll(() => message.textContent()).toMatch(/submission\.json: .*format/);
      expect(await message.getAttribute('role')).toBe('alert');
      if (locale === 'ko') expect(await message.textContent()).toMatch(/[가-힣]/);
      await page.close();
    });
  });
}
