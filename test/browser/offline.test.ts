// Offline after the first visit (src/service-worker/): a learner visits one
// lesson online and runs its exercise; then the network is gone (the browser
// offline and the server stopped) and another lesson, in the other locale,
// opens, its exercise runs to a verdict, a reload keeps the draft, and the
// gradebook grades a submission. Then a new deployment: the update prompt
// appears and Reload hands the page to the new version.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { heavyFiles } from '../../src/integrations/service-worker.ts';
import { HEAVY_CACHE_NAME } from '../../src/contract/service-worker.ts';
import { buildFixtures } from '../grading/fixtures/build.ts';
import { checkStatuses, openExercise, pasteCode, readCode, waitForRunEnd } from './support/exercise-page.ts';
import { distFolder } from './support/server.ts';
import { useSiteAndBrowser } from './support/site-and-browser.ts';

const solutionOf = (id: string) => readFileSync(new URL(`../../src/exercises/${id}/solution.ts`, import.meta.url), 'utf8');

async function runSolution(page: Page, id: string): Promise<void> {
  await pasteCode(page, id, solutionOf(id));
  await page.keyboard.press('ControlOrMeta+Enter');
  await waitForRunEnd(page, id, 180_000);
  const checks = await checkStatuses(page, id);
  expect(checks.length).toBeGreaterThan(0);
  expect(checks.filter((c) => c.status !== 'passed')).toEqual([]);
}

/** Waits until the service worker controls the page and holds every heavy file. */
async function offlineReady(page: Page, heavyCount: number): Promise<void> {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 60_000 });
  await expect
    .poll(() => page.evaluate(async (name) => (await (await caches.open(name)).keys()).length, HEAVY_CACHE_NAME), { timeout: 180_000, interval: 500 })
    .toBe(heavyCount);
}

describe('offline after the first visit', () => {
  const env = useSiteAndBrowser();
  const work = mkdtempSync(join(tmpdir(), 'offline-test-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('opens another lesson, runs its exercise, keeps the draft over a reload, and grades in the gradebook, with no network', async () => {
    const page = await env.browser.context.newPage();
    page.on('pageerror', (error) => console.error(`page error: ${error.message}`));
    await openExercise(page, `${env.site.url}lessons/02-mnist/`, '02-mnist-shapes');
    await runSolution(page, '02-mnist-shapes');
    await offlineReady(page, heavyFiles(distFolder()).length);

    await env.browser.context.setOffline(true);
    await env.site.close();
    // Nothing answers any more: the page's own check that the network is really gone.
    expect(await page.evaluate((url) => fetch(url, { cache: 'no-store' }).then(() => 'answered', () => 'failed'), `${env.site.url}no-such-file`)).toBe('failed');

    const lesson = `${env.site.url}en/lessons/03-validation-split/`;
    await openExercise(page, lesson, '03-validation-split');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await runSolution(page, '03-validation-split');

    await page.reload();
    await page.waitForSelector('course-exercise[data-exercise-id="03-validation-split"][data-state="ready"]', { timeout: 60_000 });
    expect(await readCode(page, '03-validation-split')).toBe(solutionOf('03-validation-split'));

    buildFixtures(join(work, 'class'));
    await page.goto(`${env.site.url}en/gradebook/`);
    await page.waitForSelector('course-gradebook[data-state="ready"]');
    await page.setInputFiles('input[data-action="files"]', join(work, 'class', 'kim-correct.json'));
    await page.waitForSelector('course-gradebook[data-state="done"]', { timeout: 180_000 });
    expect(await page.$$eval('.gradebook-table tbody > tr', (rows) => rows.map((row) => (row as HTMLElement).dataset.status))).toEqual(['pass']);
    await page.close();
  });
});

describe('a new deployment', () => {
  // A copy of the site (without the datasets), so that this test can deploy a new version of it.
  const site = mkdtempSync(join(tmpdir(), 'deploy-test-'));
  cpSync(distFolder(), site, { recursive: true, filter: (source) => !source.endsWith('.gz') });
  const env = useSiteAndBrowser(site);
  afterAll(() => rmSync(site, { recursive: true, force: true }));

  it('shows the update prompt in the page\'s language; Reload (from the keyboard) reloads on the new version', async () => {
    const page = await env.browser.context.newPage();
    await page.goto(`${env.site.url}lessons/01-introduction/`);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 60_000 });
    const first = await page.evaluate(() => navigator.serviceWorker.controller!.scriptURL);

    // Deploy: a new service worker (any byte changed).
    const sw = join(site, 'sw.js');
    writeFileSync(sw, `${readFileSync(sw, 'utf8')}\n// next deployment\n`);
    await page.evaluate(() => (window as { beforeUpdate?: boolean }).beforeUpdate = true);
    await page.evaluate(async () => (await navigator.serviceWorker.ready).update());

    const prompt = page.locator('.course-update-prompt');
    await prompt.waitFor({ timeout: 60_000 });
    expect(await prompt.getAttribute('role')).toBe('status');
    expect(await prompt.locator('p').textContent()).toContain('새 버전');
    // The page stays on its version until the learner chooses.
    expect(await page.evaluate(() => (window as { beforeUpdate?: boolean }).beforeUpdate)).toBe(true);

    await prompt.getByRole('button', { name: '새로 고침' }).focus();
    await Promise.all([page.waitForEvent('load', { timeout: 60_000 }), page.keyboard.press('Enter')]);
    expect(await page.evaluate(() => (window as { beforeUpdate?: boolean }).beforeUpdate)).toBeUndefined();
    const registration = await page.evaluate(async () => {
      const r = await navigator.serviceWorker.ready;
      return { waiting: r.waiting !== null, controller: navigator.serviceWorker.controller?.scriptURL };
    });
    expect(registration).toEqual({ waiting: false, controller: first });
    await page.close();
  });
});
