// The course's promised ending, in a real browser (Debian's Chromium) against
// the built site: the learner trains lesson 10's exercise, which saves the
// model with saveModel(model, 'mnist') from the sandbox worker into this
// browser's IndexedDB, and lesson 17's draw-a-digit pad loads that model in
// its own worker and reads what the learner draws. One browser context
// throughout, so both pages share the origin's IndexedDB.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { checkStatuses, clickAction, openExercise, pasteCode, waitForRunEnd } from './support/exercise-page.ts';
import { useSiteAndBrowser } from './support/site-and-browser.ts';

const EXERCISE = '10-early-stopping';
const solution = readFileSync(new URL(`../../src/exercises/${EXERCISE}/solution.ts`, import.meta.url), 'utf8');
const PAD = 'digit-pad[data-model-name="mnist"]';
const CANVAS = `${PAD} canvas[data-pad]`;

const pageErrors: string[] = [];

const env = useSiteAndBrowser();

const recapUrl = (locale: 'ko' | 'en') => `${env.site.url}${locale === 'en' ? 'en/' : ''}lessons/17-recap/`;

async function newPage(): Promise<Page> {
  const page = await env.browser.context.newPage();
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') pageErrors.push(message.text());
  });
  return page;
}

/** Opens lesson 17 and focuses the pad, which starts its worker and loads the saved model. */
async function openPad(page: Page, locale: 'ko' | 'en'): Promise<void> {
  await page.goto(recapUrl(locale));
  await page.locator(CANVAS).scrollIntoViewIfNeeded();
  await page.locator(CANVAS).focus();
}

const padStatus = (page: Page) =>
  page.$eval(`${PAD} [data-status]`, (el) => ({ state: (el as HTMLElement).dataset.state ?? '', text: el.textContent ?? '' }));

async function waitForPadState(page: Page, state: string): Promise<string> {
  await expect.poll(async () => (await padStatus(page)).state, { timeout: 60_000 }).not.toMatch(/^(loading)?$/);
  const status = await padStatus(page);
  expect(status, `pad status`).toMatchObject({ state });
  return status.text;
}

/** Draws a polyline on the pad with the mouse; points are fractions of the canvas's displayed size. */
async function drawStroke(page: Page, points: [number, number][]): Promise<void> {
  const box = (await page.locator(CANVAS).boundingBox())!;
  const at = ([fx, fy]: [number, number]) => [box.x + fx * box.width, box.y + fy * box.height] as const;
  await page.mouse.move(...at(points[0]));
  await page.mouse.down();
  for (const point of points.slice(1)) await page.mouse.move(...at(point), { steps: 8 });
  await page.mouse.up();
}

/** Ink rects in the 28×28 preview (runs of equal grey; none when blank). */
const previewInk = (page: Page) => page.locator(`${PAD} [data-preview] .viz-bitmap-ink rect`).count();

/** Rows and columns of the 28×28 preview that hold ink, as [first, last] ranges. */
async function previewExtent(page: Page): Promise<{ rows: [number, number]; cols: [number, number] }> {
  return page.$$eval(`${PAD} [data-preview] .viz-bitmap-ink rect`, (rects) => {
    const n = (r: Element, a: string) => Number(r.getAttribute(a));
    const ys = rects.map((r) => n(r, 'y'));
    const x0 = rects.map((r) => n(r, 'x'));
    const x1 = rects.map((r) => n(r, 'x') + n(r, 'width') - 1);
    return { rows: [Math.min(...ys), Math.max(...ys)], cols: [Math.min(...x0), Math.max(...x1)] };
  });
}

/** The probability bars as drawn: one value per class, read from the chart's labels. */
async function bars(page: Page): Promise<{ label: string; value: number; argmax: boolean }[]> {
  return page.$$eval(`${PAD} [data-probabilities] .viz-bar-row`, (rows) =>
    rows.map((row) => ({
      label: row.querySelector('.viz-bar-label')?.textContent?.trim() ?? '',
      value: Number.parseFloat(row.querySelector('.viz-bar-value')?.textContent ?? 'NaN'),
      argmax: row.classList.contains('viz-bar-argmax'),
    })),
  );
}

const resultText = (page: Page) => page.locator(`${PAD} [data-result]`).textContent().then((text) => text?.trim() ?? '');

/**
 * Waits for the announced prediction after a stroke and checks it against the
 * bars: ten of them, summing to about 1, the announced label being the largest.
 * Returns the predicted label and the bars as text, for failure messages.
 */
async function prediction(page: Page, locale: 'ko' | 'en'): Promise<{ label: string; bars: string }> {
  const pattern = locale === 'ko' ? /^예측: (\d) \(확률 (0\.\d{3}|1\.000)\)$/ : /^Prediction: (\d) \(probability (0\.\d{3}|1\.000)\)$/;
  await expect.poll(() => resultText(page), { timeout: 30_000 }).toMatch(pattern);
  const [, label, p] = (await resultText(page)).match(pattern)!;
  const drawn = await bars(page);
  expect(drawn.map((b) => b.label)).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
  const total = drawn.reduce((sum, b) => sum + b.value, 0);
  // Each value is shown to 3 decimals: ten roundings move the sum by at most 0.005.
  expect(Math.abs(total - 1), `bars sum to ${total}`).toBeLessThanOrEqual(0.006);
  const top = drawn.filter((b) => b.argmax);
  expect(top.map((b) => b.label)).toEqual([label]);
  expect(top[0].value).toBe(Number(p));
  expect(Math.max(...drawn.map((b) => b.value))).toBe(Number(p));
  return { label, bars: `probabilities ${drawn.map((b) => `${b.label}:${b.value}`).join(' ')}` };
}

async function clearPad(page: Page, locale: 'ko' | 'en'): Promise<void> {
  await page.locator(`${PAD} button[data-clear]`).click();
  await expect.poll(() => previewInk(page)).toBe(0);
  expect(await resultText(page)).toBe(locale === 'ko' ? '아직 아무것도 그리지 않았습니다.' : 'Nothing drawn yet.');
  expect(await page.locator(`${PAD} [data-probabilities] .viz-bar-row`).count()).toBe(0);
}

describe('draw a digit with the model trained in lesson 10', () => {
  let koPad: Page;

  it('before any model is saved, the pad says (in the page\'s language) which lesson saves one', async () => {
    const en = await newPage();
    await openPad(en, 'en');
    const enText = await waitForPadState(en, 'missing');
    expect(enText).toContain('No saved model "mnist"');
    expect(enText).toContain('lesson 10');
    expect(enText).toContain("saveModel(model, 'mnist')");
    // The lesson's own link to lesson 10 resolves under the base path.
    const href = await en.locator('a', { hasText: 'lesson 10' }).first().getAttribute('href');
    expect(new URL(href!, en.url()).pathname).toBe('/mnist-course/en/lessons/10-overfitting/');
    await en.close();

    // The Korean page stays open: after training, "Reload model" must pick the model up.
    koPad = await newPage();
    await openPad(koPad, 'ko');
    const koText = await waitForPadState(koPad, 'missing');
    expect(koText).toContain('저장된 모델 "mnist"이(가) 없습니다');
    expect(koText).toContain('10강');
    expect(koText).not.toMatch(/No saved model|lesson 10/);
    expect(await koPad.locator(`${PAD} button[data-reload]`).isVisible()).toBe(true);
  });

  it('lesson 10: the pasted 10-early-stopping solution trains, passes its checks and saves the model', async () => {
    const page = await newPage();
    await openExercise(page, `${env.site.url}lessons/10-overfitting/`, EXERCISE);
    await pasteCode(page, EXERCISE, solution);
    await clickAction(page, EXERCISE, 'run');
    await waitForRunEnd(page, EXERCISE, 240_000);
    const checks = await checkStatuses(page, EXERCISE);
    expect(checks.length).toBeGreaterThan(0);
    expect(checks.filter((c) => c.status !== 'passed')).toEqual([]);
    // The model is in this origin's IndexedDB, where tfjs keeps it.
    const stored = await page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name));
    expect(stored).toContain('tensorflowjs');
    await page.close();
  }, 300_000);

  it('lesson 17 (ko, opened before training): "Reload model" loads the saved model', async () => {
    await koPad.locator(`${PAD} button[data-reload]`).click();
    const text = await waitForPadState(koPad, 'ready');
    expect(text).toMatch(/^모델 준비됨 \((wasm|cpu)\)/);
    await koPad.locator(CANVAS).focus();
    // A "1" drawn with the pointer, read in Korean.
    await drawStroke(koPad, [[0.5, 0.15], [0.5, 0.85]]);
    expect(await previewInk(koPad)).toBeGreaterThan(0);
    const one = await prediction(koPad, 'ko');
    expect(one.label, one.bars).toBe('1');
    await clearPad(koPad, 'ko');
    await koPad.close();
  });

  it('lesson 17 (en): the pad loads the model and reads digits drawn with the mouse; Clear empties the preview', async () => {
    const page = await newPage();
    await openPad(page, 'en');
    const text = await waitForPadState(page, 'ready');
    expect(text).toMatch(/^Model ready \((wasm|cpu)\)/);
    // Nothing drawn yet: an empty preview and no bars.
    expect(await previewInk(page)).toBe(0);

    // "1": one clean vertical stroke, most of the canvas's height.
    const canvasBox = (await page.locator(CANVAS).boundingBox())!;
    expect(canvasBox.width, 'the pad is drawn at a realistic size').toBeGreaterThanOrEqual(200);
    await drawStroke(page, [[0.52, 0.12], [0.5, 0.88]]);
    expect(await previewInk(page)).toBeGreaterThan(0);
    // MNIST-style: the tall stroke is scaled to 20 rows and centred in the 28×28 frame.
    const extent = await previewExtent(page);
    expect(extent.rows[1] - extent.rows[0] + 1).toBe(20);
    expect(extent.rows[0]).toBeGreaterThanOrEqual(3);
    expect(Math.abs((extent.cols[0] + extent.cols[1] + 1) / 2 - 14)).toBeLessThanOrEqual(1);
    const one = await prediction(page, 'en');
    expect(one.label, one.bars).toBe('1');
    await clearPad(page, 'en');

    // Shapes this model reads with ≥ 0.97 in every trial run (4 trainings); a
    // different answer from a freshly trained model means the pipeline broke.
    // "7": a top bar and a long diagonal, as one polyline.
    await drawStroke(page, [[0.2, 0.18], [0.8, 0.18], [0.42, 0.88]]);
    expect(await previewInk(page)).toBeGreaterThan(0);
    const seven = await prediction(page, 'en');
    expect(seven.label, seven.bars).toBe('7');

    // "0": an ellipse as a closed polyline.
    await clearPad(page, 'en');
    const ellipse: [number, number][] = [];
    for (let i = 0; i <= 24; i++) {
      const a = (i / 24) * 2 * Math.PI;
      ellipse.push([0.5 + 0.25 * Math.sin(a), 0.5 - 0.36 * Math.cos(a)]);
    }
    await drawStroke(page, ellipse);
    const zero = await prediction(page, 'en');
    expect(zero.label, zero.bars).toBe('0');
    await clearPad(page, 'en');
    await page.close();
  });

  it('lesson 17 (en): the keyboard path draws too (arrows move, Space lowers and lifts the pen, Delete clears)', async () => {
    const page = await newPage();
    await openPad(page, 'en');
    await waitForPadState(page, 'ready');
    expect(await page.locator(`${PAD} [data-cursor]`).isVisible()).toBe(true);
    // The cursor starts at the centre (140, 140) of the 280×280 canvas; steps are 14 px.
    for (let i = 0; i < 6; i++) await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Space');
    expect(await page.getAttribute(`${PAD} [data-cursor]`, 'data-down')).toBe('true');
    for (let i = 0; i < 12; i++) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Space');
    expect(await page.getAttribute(`${PAD} [data-cursor]`, 'data-down')).toBe('false');
    expect(await previewInk(page)).toBeGreaterThan(0);
    const one = await prediction(page, 'en');
    expect(one.label, one.bars).toBe('1');
    // Moving with the pen up draws nothing; Delete clears.
    await page.keyboard.press('Delete');
    await expect.poll(() => previewInk(page)).toBe(0);
    expect(await resultText(page)).toBe('Nothing drawn yet.');
    for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowLeft');
    expect(await previewInk(page)).toBe(0);
    await page.close();
  });

  it('no page errors along the way', () => {
    expect(pageErrors).toEqual([]);
  });
});
