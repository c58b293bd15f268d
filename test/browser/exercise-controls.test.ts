// The panel's other controls and its promises about the learner's work:
// reset (undoable), hints, solution and restore, a changed starter, a full
// storage, the site theme and leaving the editor by keyboard.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { loadExercise } from '../../src/exercises/registry.node.ts';
import { clickAction, openExercise, panelSelector, pasteCode, readCode } from './support/exercise-page.ts';
import { useSiteAndBrowser } from './support/site-and-browser.ts';

const EXERCISE = '02-mnist-shapes';
// The lesson below is the English one: Reset and Solution give the English sources.
const { starter, solution } = (await loadExercise(EXERCISE)).localized.en;
const panel = panelSelector(EXERCISE);

let lesson: string;

const env = useSiteAndBrowser();
beforeAll(async () => {
  lesson = `${env.site.url}en/lessons/02-mnist/`;
});

async function freshPage(): Promise<Page> {
  const page = await env.browser.context.newPage();
  await page.goto(env.site.url);
  await page.evaluate(() => localStorage.clear());
  return page;
}

describe('exercise controls', () => {
  it('loads the editor only when the panel nears the viewport', async () => {
    const page = await freshPage();
    const requested: string[] = [];
    page.on('request', (request) => requested.push(request.url()));
    await page.setViewportSize({ width: 1280, height: 400 });
    await page.goto(`${env.site.url}en/lessons/09-training/`);
    await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
    const training = panelSelector('09-training');
    const far = await page.$eval(training, (el) => el.getBoundingClientRect().top - innerHeight > 1000);
    expect(far, 'the exercise must start more than 1000px below the first screen for this test').toBe(true);
    expect(await page.getAttribute(training, 'data-state')).toBeNull();
    expect(requested.filter((url) => /editor\.api|ts\.worker|editor-types\.json/.test(url))).toEqual([]);
    await page.locator(training).scrollIntoViewIfNeeded();
    await page.waitForSelector(`${training}[data-state="ready"]`, { timeout: 60_000 });
    expect(requested.some((url) => /editor\.api/.test(url))).toBe(true);
    await page.close();
  });

  it('Reset asks first, restores the starter, and the editor\'s undo brings the edits back', async () => {
    const page = await freshPage();
    await openExercise(page, lesson, EXERCISE);
    await pasteCode(page, EXERCISE, 'const mine = 1;\n');
    page.once('dialog', (dialog) => void dialog.dismiss());
    await clickAction(page, EXERCISE, 'reset');
    expect(await readCode(page, EXERCISE)).toBe('const mine = 1;\n');
    page.once('dialog', (dialog) => void dialog.accept());
    await clickAction(page, EXERCISE, 'reset');
    expect(await readCode(page, EXERCISE)).toBe(starter);
    await page.keyboard.press('ControlOrMeta+Z');
    await expect.poll(() => readCode(page, EXERCISE)).toBe('const mine = 1;\n');
    await page.close();
  });

  it('hints appear one at a time, in the page\'s language', async () => {
    const page = await freshPage();
    await openExercise(page, lesson, EXERCISE);
    const visible = () => page.locator(`${panel} [data-part="hints"] li:not([hidden])`).allTextContents();
    const total = await page.locator(`${panel} [data-part="hints"] li`).count();
    expect(total).toBeGreaterThanOrEqual(2);
    expect(await visible()).toEqual([]);
    await clickAction(page, EXERCISE, 'hint');
    expect(await visible()).toHaveLength(1);
    await clickAction(page, EXERCISE, 'hint');
    const two = await visible();
    expect(two).toHaveLength(2);
    expect(two.join(' ')).not.toMatch(/[가-힣]/); // English page, English hints
    await page.close();
  });

  it('Show solution keeps the draft, and Restore my code brings it back (also after a reload)', async () => {
    const page = await freshPage();
    await openExercise(page, lesson, EXERCISE);
    await pasteCode(page, EXERCISE, '// my attempt\n');
    page.once('dialog', (dialog) => void dialog.accept());
    await clickAction(page, EXERCISE, 'solution');
    await expect.poll(() => readCode(page, EXERCISE)).toBe(solution);
    await page.reload();
    await openExercise(page, lesson, EXERCISE);
    expect(await readCode(page, EXERCISE)).toBe(solution);
    await clickAction(page, EXERCISE, 'restore');
    expect(await readCode(page, EXERCISE)).toBe('// my attempt\n');
    expect(await page.locator(`${panel} button[data-action="restore"]`).isHidden()).toBe(true);
    await page.close();
  });

  it('a draft begun from an older starter is kept, and the learner is told and can view the new starter', async () => {
    const page = await freshPage();
    await page.evaluate((id) => {
      localStorage.setItem(`mnist-course:v1:draft:${id}`, JSON.stringify({ code: '// from last month\n', starterHash: '00000000', savedAt: '2026-10-01T10:00:00.000Z' }));
    }, EXERCISE);
    await openExercise(page, lesson, EXERCISE);
    expect(await readCode(page, EXERCISE)).toBe('// from last month\n');
    const notice = page.locator(`${panel} [data-part="starter-changed"]`);
    expect(await notice.isVisible()).toBe(true);
    expect(await page.locator(`${panel} [data-part="static"]`).isHidden()).toBe(true);
    await notice.locator('button').click();
    const shown = page.locator(`${panel} [data-part="static"]`);
    expect(await shown.isVisible()).toBe(true);
    expect(await shown.textContent()).toContain(starter.split('\n').find((line) => line.trim())!.trim());
    await page.close();
  });

  it('a full storage shows a visible warning and the code stays in the editor', async () => {
    const page = await freshPage();
    await openExercise(page, lesson, EXERCISE);
    // Fill the origin's storage to the last byte: big chunks, then smaller ones.
    const filled = await page.evaluate(() => {
      let failures = 0;
      let i = 0;
      for (let size = 1 << 20; size >= 1; size >>= 2) {
        const chunk = 'x'.repeat(size);
        for (;;) {
          try {
            localStorage.setItem(`filler-${i++}`, chunk);
          } catch {
            failures++;
            break;
          }
        }
      }
      return failures;
    });
    expect(filled, 'localStorage never reported a full quota').toBeGreaterThan(0);
    const warning = page.locator(`${panel} [data-part="storage-warning"]`);
    expect(await warning.isHidden()).toBe(true);
    await pasteCode(page, EXERCISE, '// this draft does not fit any more\n');
    await expect.poll(() => warning.isVisible(), { timeout: 10_000 }).toBe(true);
    expect(await warning.textContent()).toMatch(/storage is full/);
    expect(await readCode(page, EXERCISE)).toBe('// this draft does not fit any more\n');
    await page.evaluate(() => localStorage.clear());
    await page.close();
  });

  it('clicks land where they are drawn: Monaco is aligned inside the content column', async () => {
    const page = await freshPage();
    await openExercise(page, lesson, EXERCISE);
    await pasteCode(page, EXERCISE, 'first\nsecond\nthird\nfourth\n');
    // Click just right of the drawn text of line 3, then type.
    const box = await page.locator(`${panel} .view-line`).filter({ hasText: /^third$/ }).locator('span').first().boundingBox();
    expect(box).not.toBeNull();
    await page.mouse.click(box!.x + box!.width + 2, box!.y + box!.height / 2);
    await page.keyboard.type('X');
    expect(await readCode(page, EXERCISE)).toBe('first\nsecond\nthirdX\nfourth\n');
    // The editor stays inside the column it was given.
    const [outer, inner] = await page.$$eval(`${panel} .exercise-code, ${panel} .monaco-editor`, (els) => els.map((e) => e.getBoundingClientRect().right));
    expect(inner).toBeLessThanOrEqual(outer + 1);
    await page.close();
  });

  it('follows the site theme and lets the keyboard leave the editor (Ctrl+M, then Tab)', async () => {
    const page = await freshPage();
    await openExercise(page, lesson, EXERCISE);
    const editorClass = () => page.$eval(`${panel} .monaco-editor`, (e) => e.className);
    await page.evaluate(() => { document.documentElement.dataset.theme = 'light'; });
    await expect.poll(editorClass).toMatch(/\bvs\b/);
    await page.evaluate(() => { document.documentElement.dataset.theme = 'dark'; });
    await expect.poll(editorClass).toMatch(/\bvs-dark\b/);

    await page.locator(`${panel} .monaco-editor .view-lines`).click();
    const focusInEditor = () => page.evaluate((sel) => !!document.activeElement?.closest(`${sel} .monaco-editor`), panel);
    await expect.poll(focusInEditor).toBe(true);
    await page.keyboard.press('Control+M');
    await page.keyboard.press('Tab');
    await expect.poll(focusInEditor).toBe(false);
    await page.close();
  });
});
