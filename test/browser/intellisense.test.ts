// The editor knows @tensorflow/tfjs and `course` from their real declarations:
// correct code has no squiggles, wrong calls do, and completions list tfjs API.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openExercise, panelSelector, pasteCode } from './support/exercise-page.ts';
import { useSiteAndBrowser } from './support/site-and-browser.ts';

const EXERCISE = '09-training';
const panel = panelSelector(EXERCISE);
let page: Page;

/** Monaco's markers as the hover shows them, read from the squiggles' decorations. */
const squiggles = () => page.locator(`${panel} .squiggly-error`).count();

const env = useSiteAndBrowser();
beforeAll(async () => {
  page = await env.browser.context.newPage();
  // The declarations arrive as a static asset under the base path.
  const types = page.waitForResponse((r) => r.url().endsWith('/mnist-course/editor-types.json') && r.ok(), { timeout: 60_000 });
  await openExercise(page, `${env.site.url}en/lessons/${EXERCISE}/`, EXERCISE);
  await types;
});

describe('editor intellisense', () => {
  it('flags a misspelled tfjs function and a wrong argument to a course function', async () => {
    await pasteCode(page, EXERCISE, `import * as tf from '@tensorflow/tfjs';\nimport { loadData } from 'course';\nconst t = tf.tensro([1, 2]);\nconst d = await loadData('cifar');\n`);
    await expect.poll(squiggles, { timeout: 30_000 }).toBeGreaterThanOrEqual(2);
    const lines = await page.$$eval(`${panel} .squiggly-error`, (els) => els.map((e) => (e as HTMLElement).parentElement?.style.top));
    const lineTop = (n: number) => page.$eval(panel, (root, n) => [...root.querySelectorAll<HTMLElement>('.line-numbers')].find((x) => x.textContent?.trim() === String(n))?.parentElement?.style.top, n);
    expect(lines).toContain(await lineTop(3));
    expect(lines).toContain(await lineTop(4));
  });

  it('a correct solution using tfjs and course has no errors (one planted error on the last line is the only one)', async () => {
    const code = readFileSync(new URL(`../../src/exercises/${EXERCISE}/solution.ts`, import.meta.url), 'utf8');
    // The planted error proves the checker ran on this very text; nothing else may be flagged.
    await pasteCode(page, EXERCISE, `${code.trimEnd()}\nconst planted: number = 'text';\n`);
    const last = code.trimEnd().split('\n').length + 1;
    const lineTop = await page.$eval(panel, (root, n) => [...root.querySelectorAll<HTMLElement>('.line-numbers')].find((x) => x.textContent?.trim() === String(n))?.parentElement?.style.top, last);
    await page.locator(`${panel} .monaco-editor .view-lines`).click();
    await page.keyboard.press('ControlOrMeta+End');
    await expect.poll(async () => page.$$eval(`${panel} .squiggly-error`, (els) => els.map((e) => (e as HTMLElement).parentElement?.style.top)), { timeout: 30_000 }).toEqual([lineTop]);
  });

  it('completes tfjs members', async () => {
    await pasteCode(page, EXERCISE, `import * as tf from '@tensorflow/tfjs';\n`);
    await page.keyboard.press('ControlOrMeta+End');
    await page.keyboard.type('tf.layers.den');
    await page.keyboard.press('Control+Space');
    await expect.poll(() => page.locator('.suggest-widget .monaco-list-row').allTextContents(), { timeout: 30_000 }).toEqual(
      expect.arrayContaining([expect.stringContaining('dense')]),
    );
  });
});
