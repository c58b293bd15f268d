// Share: in real Chromium and both languages, the learner's code goes into a
// link (clipboard and a visible field); opening the link shows that code in
// the exercise with the saved draft untouched until the learner keeps it,
// "Back to my code" brings the draft back, and a damaged link says so and
// shows the learner's own code.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { clickAction, openExercise, panelSelector, pasteCode, readCode } from './support/exercise-page.ts';
import { useSiteAndBrowser } from './support/site-and-browser.ts';
import { exerciseStrings } from '../../src/components/exercise/strings.ts';
import { draftKey } from '../../src/progress/store.ts';

const EXERCISE = '02-mnist-shapes';
const panel = panelSelector(EXERCISE);
const env = useSiteAndBrowser();

/** The saved draft's code, as the progress store keeps it. */
const savedDraft = (page: Page) =>
  page.evaluate((key) => (JSON.parse(localStorage.getItem(key) ?? 'null') as { code: string } | null)?.code ?? null, draftKey(EXERCISE));

async function waitForDraft(page: Page, code: string): Promise<void> {
  await page.waitForFunction(
    ([key, expected]) => (JSON.parse(localStorage.getItem(key!) ?? 'null') as { code: string } | null)?.code === expected,
    [draftKey(EXERCISE), code],
    { timeout: 10_000 },
  );
}

for (const locale of ['ko', 'en'] as const) {
  const words = exerciseStrings[locale];
  const lesson = () => `${env.site.url}${locale === 'en' ? 'en/' : ''}lessons/02-mnist/`;
  const mine = `// ${locale}: my own draft\nexport const mine = 1;\n`;
  const theirs = `// ${locale}: a classmate's code, 한국어 too\nexport const theirs = 2;\n`;

  describe(`share links (${locale})`, () => {
    it('round trip: Share gives a link; opening it shows that code without touching the draft; Back and Use this code', async () => {
      const origin = new URL(env.site.url).origin;
      await env.browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
      const page = await env.browser.context.newPage();
      await page.goto(env.site.url);
      await page.evaluate(() => localStorage.clear());
      await openExercise(page, lesson(), EXERCISE);

      // The classmate's side: Share puts the link on the clipboard and in view.
      await pasteCode(page, EXERCISE, theirs);
      await clickAction(page, EXERCISE, 'share');
      const field = page.locator(`${panel} [data-part="share-link"] input`);
      await field.waitFor();
      const link = await field.inputValue();
      expect(link.startsWith(lesson())).toBe(true);
      expect(new URL(link).hash.startsWith(`#code/${EXERCISE}/`)).toBe(true);
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
      await expect.poll(() => page.locator(`${panel} [data-part="notice"]`).textContent()).toBe(words.shareCopied);

      // The learner's own draft, saved as usual.
      await pasteCode(page, EXERCISE, mine);
      await waitForDraft(page, mine);

      // Opening the link: the shared code, a bar saying the draft is safe; edits are not saved.
      const opened = await env.browser.context.newPage();
      await opened.goto(link);
      await opened.waitForSelector(`${panel}[data-state="ready"]`, { timeout: 60_000 });
      expect(await readCode(opened, EXERCISE)).toBe(theirs);
      await expect.poll(() => opened.locator(`${panel} [data-part="shared"] p`).textContent()).toBe(words.sharedOpened);
      const edited = `${theirs}// edited after opening\n`;
      await pasteCode(opened, EXERCISE, edited);
      await opened.waitForTimeout(1_500); // three times the draft's debounce
      expect(await savedDraft(opened)).toBe(mine);

      // Back to my code: the draft returns, the link is answered (a reload shows the draft).
      await opened.getByRole('button', { name: words.backToMine }).click();
      expect(await readCode(opened, EXERCISE)).toBe(mine);
      expect(await opened.locator(`${panel} [data-part="shared"]`).isHidden()).toBe(true);
      expect(new URL(opened.url()).hash).toBe('');
      expect(await savedDraft(opened)).toBe(mine);
      await opened.close();

      // Opening it again and keeping it: the shared code becomes the draft.
      const kept = await env.browser.context.newPage();
      await kept.goto(link);
      await kept.waitForSelector(`${panel}[data-state="ready"]`, { timeout: 60_000 });
      await kept.getByRole('button', { name: words.keepShared }).click();
      await waitForDraft(kept, theirs);
      await expect.poll(() => kept.locator(`${panel} [data-part="notice"]`).textContent()).toBe(words.sharedKept);
      await kept.reload();
      await kept.waitForSelector(`${panel}[data-state="ready"]`, { timeout: 60_000 });
      expect(await readCode(kept, EXERCISE)).toBe(theirs);
      await kept.close();
      await page.close();
    });

    it('a damaged link says so and shows the learner\'s own code', async () => {
      const page = await env.browser.context.newPage();
      await page.goto(env.site.url);
      await page.evaluate(([key, code]) => {
        localStorage.clear();
        localStorage.setItem(key!, JSON.stringify({ code, starterHash: 'x', savedAt: new Date().toISOString() }));
      }, [draftKey(EXERCISE), mine]);
      await page.goto(`${lesson()}#code/${EXERCISE}/N4Ig!!cut`);
      await page.waitForSelector(`${panel}[data-state="ready"]`, { timeout: 60_000 });
      expect(await readCode(page, EXERCISE)).toBe(mine);
      await expect.poll(() => page.locator(`${panel} [data-part="notice"]`).textContent()).toBe(words.shareBroken);
      expect(await page.locator(`${panel} [data-part="shared"]`).isHidden()).toBe(true);
      await page.close();
    });
  });
}
