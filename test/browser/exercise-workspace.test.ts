// The exercise as a workspace, in real Chromium and both languages: editor
// and output side by side on a wide screen and stacked on a phone, a
// resizable split, Full window and back, the editor shown from its start
// after Solution, the run's phase and verdict next to Run, focus kept where
// the learner was, one chart per history, and a fit stopped before its first
// epoch leaving no empty chart.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { clickAction, openExercise, panelSelector, pasteCode, waitForRunEnd } from './support/exercise-page.ts';
import { useSiteAndBrowser } from './support/site-and-browser.ts';

const EXERCISE = '02-mnist-shapes';
const panel = panelSelector(EXERCISE);

const TINY_FIT = (epochs: number, rows: number, batchSize: number, after = '', fitOptions = '') => `import * as tf from '@tensorflow/tfjs';
import { show } from 'course';
const model = tf.sequential({ layers: [tf.layers.dense({ inputShape: [8], units: 4, activation: 'softmax' })] });
model.compile({ optimizer: 'adam', loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
const x = tf.randomNormal([${rows}, 8]);
const y = tf.oneHot(tf.randomUniform([${rows}], 0, 4, 'int32'), 4);
const history = await model.fit(x, y, { epochs: ${epochs}, batchSize: ${batchSize}${fitOptions} });
${after}
`;

const env = useSiteAndBrowser();

async function freshPage(width = 1280, height = 900): Promise<Page> {
  const page = await env.browser.context.newPage();
  page.on('pageerror', (error) => console.error(`page error: ${error.message}`));
  await page.setViewportSize({ width, height });
  await page.goto(env.site.url);
  await page.evaluate(() => localStorage.clear());
  return page;
}

const box = async (page: Page, selector: string) => (await page.locator(selector).first().boundingBox())!;

/** Records every text the status line shows, from before the run starts. */
async function recordStatus(page: Page): Promise<() => Promise<string[]>> {
  await page.$eval(`${panel} [data-part="status"]`, (status) => {
    const seen: string[] = [];
    (window as unknown as { statusSeen: string[] }).statusSeen = seen;
    new MutationObserver(() => seen.push(status.textContent ?? '')).observe(status, { subtree: true, childList: true, characterData: true });
  });
  return () => page.evaluate(() => (window as unknown as { statusSeen: string[] }).statusSeen);
}

for (const locale of ['ko', 'en'] as const) {
  const lesson = () => `${env.site.url}${locale === 'en' ? 'en/' : ''}lessons/02-mnist/`;
  const epochWord = locale === 'ko' ? '에포크' : 'epoch';

  describe(`exercise workspace (${locale})`, () => {
    it('puts editor and output side by side at 1280×900 and stacks them at 390×844', async () => {
      const page = await freshPage();
      await openExercise(page, lesson(), EXERCISE);
      const editor = await box(page, `${panel} .monaco-editor`);
      const output = await box(page, `${panel} .exercise-output`);
      expect(output.x, 'output to the right of the editor').toBeGreaterThanOrEqual(editor.x + editor.width);
      expect(Math.abs(output.y - editor.y), 'output beside the editor, not below').toBeLessThan(20);
      expect(editor.width, 'the editor keeps a useful width').toBeGreaterThan(450);
      // Wider than the text column, inside the window.
      const column = await box(page, '.main-pane .sl-markdown-content');
      const whole = await box(page, panel);
      expect(whole.width).toBeGreaterThan(column.width + 100);
      expect(whole.x + whole.width).toBeLessThanOrEqual(1280);
      await page.setViewportSize({ width: 390, height: 844 });
      await expect.poll(async () => (await box(page, `${panel} .exercise-output`)).y).toBeGreaterThan((await box(page, `${panel} .monaco-editor`)).y + 100);
      const narrowEditor = await box(page, `${panel} .monaco-editor`);
      const narrowOutput = await box(page, `${panel} .exercise-output`);
      expect(narrowOutput.y).toBeGreaterThanOrEqual(narrowEditor.y + narrowEditor.height);
      expect(narrowEditor.x + narrowEditor.width).toBeLessThanOrEqual(390);
      expect(await page.locator(`${panel} [role="separator"]`).isVisible()).toBe(false);
      await page.close();
    });

    it('the separator moves with the arrow keys and Monaco follows; Full window fills the viewport and Escape brings it back; the split is kept for the next visit', async () => {
      const page = await freshPage();
      await openExercise(page, lesson(), EXERCISE);
      const separator = page.locator(`${panel} [role="separator"]`);
      const before = Number(await separator.getAttribute('aria-valuenow'));
      const widthBefore = (await box(page, `${panel} .monaco-editor`)).width;
      await separator.focus();
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('ArrowRight');
      expect(Number(await separator.getAttribute('aria-valuenow'))).toBe(before + 10);
      await expect.poll(async () => (await box(page, `${panel} .monaco-editor`)).width).toBeGreaterThan(widthBefore + 50);
      await page.keyboard.press('Home');
      await expect.poll(async () => (await box(page, `${panel} .monaco-editor`)).width).toBeLessThan(widthBefore - 50);

      const toggle = page.locator(`${panel} button[data-action="focus"]`);
      await toggle.focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => box(page, panel)).toEqual({ x: 0, y: 0, width: 1280, height: 900 });
      // Nothing of the page covers it: the point at the header's place is the panel's.
      expect(await page.evaluate((sel) => document.elementFromPoint(640, 20)?.closest(sel) !== null, panel)).toBe(true);
      await page.locator(`${panel} .monaco-editor .view-lines`).click();
      await page.keyboard.press('Escape');
      await expect.poll(async () => (await box(page, panel)).width).toBeLessThan(1280);
      expect(await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.action)).toBe('focus');
      // The split chosen (Home: the narrowest editor) is kept for the next visit.
      await openExercise(page, lesson(), EXERCISE);
      expect(Number(await page.locator(`${panel} [role="separator"]`).getAttribute('aria-valuenow'))).toBe(25);
      await page.close();
    });

    it('during a training run the status next to Run goes from preparing to "epoch k/n", "predicting" and ends with the verdict; focus stays on Run', async () => {
      const page = await freshPage();
      await openExercise(page, lesson(), EXERCISE);
      await pasteCode(page, EXERCISE, TINY_FIT(40, 2048, 32, 'model.predict(tf.randomNormal([50000, 8])).dispose();'));
      const seen = await recordStatus(page);
      await page.locator(`${panel} button[data-action="run"]`).focus();
      await page.keyboard.press('Enter');
      await waitForRunEnd(page, EXERCISE, 120_000);
      const texts = await seen();
      expect(texts.some((text) => text.includes(epochWord)), texts.join(' | ')).toBe(true);
      expect(texts.some((text) => text.includes(locale === 'ko' ? '예측하는 중: 50,000개' : 'Predicting 50,000 samples')), texts.join(' | ')).toBe(true);
      expect(texts.some((text) => text.includes(locale === 'ko' ? '채점 중' : 'Checking')), texts.join(' | ')).toBe(true);
      const summary = page.locator(`${panel} [data-part="status"] .exercise-check-summary`);
      expect(await summary.textContent()).toMatch(locale === 'ko' ? /개 통과/ : /checks passed/);
      const run = await box(page, `${panel} button[data-action="run"]`);
      const verdict = await box(page, `${panel} [data-part="status"]`);
      expect(verdict.x).toBeGreaterThan(run.x + run.width);
      expect(verdict.y).toBeLessThan(run.y + run.height);
      expect(await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.action)).toBe('run');
      await page.close();
    }, 150_000);
  });
}

describe('exercise workspace: editor, charts, Stop', () => {
  it('after Solution the editor shows the code from its first line and column; Ctrl+Enter keeps focus in the editor', async () => {
    const page = await freshPage();
    await openExercise(page, `${env.site.url}en/lessons/02-mnist/`, EXERCISE);
    const long = `// ${'a very long line of words '.repeat(12)}\n`;
    await pasteCode(page, EXERCISE, `${long.repeat(40)}const end = 1;`);
    await page.keyboard.press('ControlOrMeta+End');
    page.once('dialog', (dialog) => void dialog.accept());
    await clickAction(page, EXERCISE, 'solution');
    await expect.poll(() => page.locator(`${panel} .monaco-editor .line-numbers`).first().textContent()).toBe('1');
    expect(await page.$eval(`${panel} .monaco-editor .lines-content`, (el) => parseFloat(getComputedStyle(el).left) || 0)).toBe(0);
    expect(await page.$eval(`${panel} .monaco-scrollable-element`, (el) => el.scrollLeft)).toBe(0);

    await page.locator(`${panel} .monaco-editor .view-lines`).click();
    await page.keyboard.press('ControlOrMeta+Enter');
    await waitForRunEnd(page, EXERCISE, 120_000);
    expect(await page.evaluate((sel) => !!document.activeElement?.closest(`${sel} .monaco-editor`), panel)).toBe(true);
    await page.close();
  }, 150_000);

  it('show.history of the fit the live chart drew replaces it: one chart per history', async () => {
    const page = await freshPage();
    await openExercise(page, `${env.site.url}lessons/02-mnist/`, EXERCISE);
    await pasteCode(page, EXERCISE, TINY_FIT(5, 256, 32, "show.history(history, { title: 'mine' });"));
    await clickAction(page, EXERCISE, 'run');
    await waitForRunEnd(page, EXERCISE, 120_000);
    expect(await page.locator(`${panel} [data-part="shows"] figure`).count()).toBe(1);
    expect(await page.locator(`${panel} [data-part="shows"] figure`).textContent()).toContain('mine');
    expect(await page.locator(`${panel} [data-part="live"] figure`).count()).toBe(0);
    await page.close();
  }, 150_000);

  it('Stop before the first epoch ends: no empty live chart, no time estimate left, a stopped verdict', async () => {
    const page = await freshPage();
    await openExercise(page, `${env.site.url}en/lessons/02-mnist/`, EXERCISE);
    // 4,000 batches an epoch, each waiting 20 ms: the first epoch cannot end before Stop.
    await pasteCode(page, EXERCISE, TINY_FIT(3, 4000, 1, '', ', callbacks: { onBatchEnd: () => new Promise((ok) => setTimeout(ok, 20)) }'));
    await clickAction(page, EXERCISE, 'run');
    const bar = `${panel} [data-part="live"] progress`;
    await page.waitForSelector(bar, { timeout: 90_000 });
    await expect.poll(() => page.$eval(bar, (p) => (p as HTMLProgressElement).value), { timeout: 90_000 }).toBeGreaterThan(0);
    await page.locator(`${panel} button[data-action="stop"]`).focus();
    await page.keyboard.press('Enter');
    await waitForRunEnd(page, EXERCISE, 30_000);
    expect(await page.locator(`${panel} [data-part="live"] figure`).count()).toBe(0);
    expect(await page.locator(`${panel} .exercise-output`).textContent()).not.toMatch(/left\b/);
    expect(await page.locator(`${panel} [data-part="status"]`).textContent()).toContain('The run was stopped.');
    expect(await page.evaluate(() => document.activeElement?.tagName)).not.toBe('BODY');
    await page.close();
  }, 150_000);
});
