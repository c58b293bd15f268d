// Driving an exercise panel the way a learner does: through the editor and
// the buttons, never through the page's modules.
import type { Page } from 'playwright-core';

export const panelSelector = (id: string) => `course-exercise[data-exercise-id="${id}"]`;

export async function openExercise(page: Page, url: string, id: string): Promise<void> {
  await page.goto(url);
  const panel = page.locator(panelSelector(id));
  await panel.scrollIntoViewIfNeeded();
  await page.waitForSelector(`${panelSelector(id)}[data-state="ready"]`, { timeout: 60_000 });
  await panel.locator('.monaco-editor .view-lines').waitFor();
}

export function readCode(page: Page, id: string): Promise<string> {
  return page.$eval(panelSelector(id), (el) => (el as HTMLElement & { getCode(): string }).getCode());
}

/** Replaces the editor's text by a real paste (select all, then a clipboard paste event). */
export async function pasteCode(page: Page, id: string, code: string): Promise<void> {
  await page.locator(`${panelSelector(id)} .monaco-editor .view-lines`).click();
  await page.keyboard.press('ControlOrMeta+A');
  // Typing would trigger auto-indent and auto-closing; a paste inserts the text as is.
  await page.evaluate((text) => {
    const data = new DataTransfer();
    data.setData('text/plain', text);
    document.activeElement!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, code);
  if ((await readCode(page, id)) !== code) {
    throw new Error('pasteCode: the editor does not hold exactly the pasted code');
  }
}

export async function clickAction(page: Page, id: string, action: string): Promise<void> {
  await page.locator(`${panelSelector(id)} button[data-action="${action}"]`).click();
}

/**
 * Waits for the run that the last click or key press started to end (Run
 * enabled again). Run and Ctrl+Enter mark the panel running before their
 * first await, and Playwright's click and press return once the page has
 * handled the input, so a panel that is not running by then has already
 * finished. (Waiting to see it running first missed short runs on a busy
 * machine and then sat out its whole wait: 10 s.)
 */
export async function waitForRunEnd(page: Page, id: string, timeout = 90_000): Promise<void> {
  await page.waitForSelector(`${panelSelector(id)}[data-running="false"]`, { timeout });
}

export function checkStatuses(page: Page, id: string): Promise<{ id: string; status: string }[]> {
  return page.$$eval(`${panelSelector(id)} [data-check-id]`, (items) =>
    items.map((item) => ({ id: (item as HTMLElement).dataset.checkId!, status: (item as HTMLElement).dataset.status! })),
  );
}
