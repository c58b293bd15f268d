// A lesson with two exercises (lesson 04): Ctrl/Cmd+Enter in one editor runs
// that exercise, never the other (Monaco's addCommand is global to the page;
// each panel binds its own editor action).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkStatuses, openExercise, panelSelector, pasteCode, waitForRunEnd } from './support/exercise-page.ts';
import { useSiteAndBrowser } from './support/site-and-browser.ts';

const env = useSiteAndBrowser();
const solutionOf = (id: string) => readFileSync(new URL(`../../src/exercises/${id}/solution.ts`, import.meta.url), 'utf8');

describe('two exercises on one page', () => {
  it('Ctrl+Enter runs the exercise whose editor has focus', async () => {
    const page = await env.browser.context.newPage();
    const lesson = `${env.site.url}lessons/04-preprocessing/`;
    // Wake the first panel, then the second: the second editor is created last.
    await openExercise(page, lesson, '04-preprocessing');
    await page.locator(panelSelector('04-scalers')).scrollIntoViewIfNeeded();
    await page.waitForSelector(`${panelSelector('04-scalers')}[data-state="ready"]`, { timeout: 60_000 });
    await page.locator(`${panelSelector('04-scalers')} .monaco-editor .view-lines`).waitFor();
    // Typing into the first, now that both exist, and running it from its own editor.
    await pasteCode(page, '04-preprocessing', solutionOf('04-preprocessing'));
    await page.keyboard.press('ControlOrMeta+Enter');
    await waitForRunEnd(page, '04-preprocessing', 120_000);
    const first = await checkStatuses(page, '04-preprocessing');
    expect(first.length).toBeGreaterThan(0);
    expect(first.filter((c) => c.status !== 'passed')).toEqual([]);
    expect(await checkStatuses(page, '04-scalers')).toEqual([]);
    await page.close();
  }, 300_000);
});
