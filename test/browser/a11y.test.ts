// Accessibility sweep of the built site with axe-core (WCAG 2 A/AA rules), as
// Starlight's own repository does: every HTML page in dist/, in both locales
// and both themes, plus the interactive states static HTML does not show (an
// exercise panel with Monaco loaded, a run's charts, console and checks, the
// softmax playground after use, the gradebook's table after grading, an
// assignment link made and opened, a broken one). Any
// serious or critical violation fails;
// moderate and minor ones are listed in the output.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildFixtures } from '../grading/fixtures/build.ts';
import type { Page } from 'playwright-core';
import { formatFinding, isBlocking, setTheme, settle, sweep, type Finding } from './support/axe.ts';
import { clickAction, openExercise, panelSelector, pasteCode, waitForRunEnd } from './support/exercise-page.ts';
import { useSiteAndBrowser } from './support/site-and-browser.ts';
import { distFolder } from './support/server.ts';

const dist = distFolder();
const THEMES = ['light', 'dark'] as const;

/** Every HTML page of the site, as a path under the base ('' is the home page). */
function htmlPages(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return ['_astro', 'pagefind'].includes(entry.name) && folder === dist ? [] : htmlPages(path);
    if (!entry.name.endsWith('.html')) return [];
    const rel = relative(dist, path).split('\\').join('/');
    return [rel.endsWith('index.html') ? rel.slice(0, -'index.html'.length) : rel];
  });
}
const pages = htmlPages(dist).sort();
const solutionOf = (id: string) => readFileSync(new URL(`../../src/exercises/${id}/solution.ts`, import.meta.url), 'utf8');

const env = useSiteAndBrowser(dist);

/** Logs every finding and fails on the serious and critical ones. */
function report(findings: Finding[]): void {
  for (const finding of findings) console.log(`[a11y] ${formatFinding(finding)}`);
  expect(findings.filter(isBlocking).map(formatFinding)).toEqual([]);
}

async function pageInTheme(theme: (typeof THEMES)[number]): Promise<Page> {
  const page = await env.browser.context.newPage();
  page.on('pageerror', (error) => console.error(`page error: ${error.message}`));
  await page.goto(env.site.url);
  await page.evaluate(() => localStorage.clear());
  await setTheme(page, theme);
  return page;
}

describe('every page', () => {
  it('covers home, data, progress, gradebook, assignment links and all 17 lessons in both languages', () => {
    for (const prefix of ['', 'en/']) {
      for (const path of ['', 'data/', 'progress/', 'gradebook/', 'assignments/', 'assignment/']) expect(pages).toContain(prefix + path);
      expect(pages.filter((p) => p.startsWith(`${prefix}lessons/`)).length).toBe(17);
    }
  });

  for (const theme of THEMES) {
    it(`has no serious or critical violations in the ${theme} theme`, async () => {
      const page = await pageInTheme(theme);
      const findings: Finding[] = [];
      for (const path of pages) {
        await page.goto(env.site.url + path, { waitUntil: 'load' });
        expect(await page.evaluate(() => document.documentElement.dataset.theme), path).toBe(theme);
        await settle(page);
        findings.push(...(await sweep(page, `/${path} [${theme}]`)));
      }
      await page.close();
      report(findings);
    }, 600_000);
  }
});

/** Sweeps the page as it is now, in both themes (switched in place). */
async function sweepBothThemes(page: Page, label: string): Promise<Finding[]> {
  const findings: Finding[] = [];
  for (const theme of THEMES) {
    await setTheme(page, theme);
    // Let theme-driven colour transitions and Monaco's theme switch settle.
    await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => setTimeout(ok, 300))));
    await settle(page);
    findings.push(...(await sweep(page, `${label} [${theme}]`)));
  }
  return findings;
}

describe('interactive states', () => {
  it('lesson 12 (ko): the woken exercise panel, then after a run that draws the history and the confusion matrix, then in Full window', async () => {
    const id = '12-confusion-report';
    const page = await pageInTheme('light');
    await openExercise(page, `${env.site.url}lessons/12-confusion-report/`, id);
    const findings = await sweepBothThemes(page, '/lessons/12-confusion-report/ (editor loaded)');
    await pasteCode(page, id, solutionOf(id));
    await clickAction(page, id, 'run');
    await waitForRunEnd(page, id, 240_000);
    const panel = panelSelector(id);
    expect(await page.locator(`${panel} [data-part="shows"] svg`).count(), 'the confusion matrix is drawn').toBeGreaterThan(0);
    expect(await page.locator(`${panel} [data-part="live"] svg`).count(), 'the training history is drawn').toBeGreaterThan(0);
    expect(await page.locator(`${panel} [data-check-id]`).count()).toBeGreaterThan(0);
    // Open one cell's examples too: the detail text and its image grid.
    await page.locator(`${panel} .viz-cm-cell:not(.viz-cm-diagonal)`).first().click();
    await page.locator(`${panel} .viz-cm-detail-text`).filter({ hasText: /\S/ }).waitFor();
    findings.push(...(await sweepBothThemes(page, '/lessons/12-confusion-report/ (after run)')));
    // The same workspace in Full window (focus mode), with the run's output in it.
    await page.locator(`${panel} button[data-action="focus"]`).click();
    await page.waitForSelector(`${panel}[data-focus-mode]`);
    findings.push(...(await sweepBothThemes(page, '/lessons/12-confusion-report/ (Full window)')));
    await page.keyboard.press('Escape');
    await page.close();
    report(findings);
  }, 400_000);

  it('lesson 07 (en): the softmax playground after use, the woken panel, then after a run that draws probabilities', async () => {
    const id = '07-softmax';
    const page = await pageInTheme('light');
    await openExercise(page, `${env.site.url}en/lessons/07-sigmoid-softmax/`, id);
    const playground = page.locator('softmax-playground');
    await playground.scrollIntoViewIfNeeded();
    await playground.locator('input[type="range"]').first().fill('4');
    await playground.locator('button[data-preset]').last().click();
    await page.locator('softmax-playground [data-charts] svg').nth(1).waitFor();
    await page.locator(panelSelector(id)).scrollIntoViewIfNeeded();
    const findings = await sweepBothThemes(page, '/en/lessons/07-sigmoid-softmax/ (playground used, editor loaded)');
    await pasteCode(page, id, solutionOf(id));
    await clickAction(page, id, 'run');
    await waitForRunEnd(page, id);
    expect(await page.locator(`${panelSelector(id)} [data-part="shows"] svg`).count(), 'the probabilities are drawn').toBeGreaterThan(0);
    findings.push(...(await sweepBothThemes(page, '/en/lessons/07-sigmoid-softmax/ (after run)')));
    await page.close();
    report(findings);
  }, 300_000);

  it('assignment links (ko): the maker with a link made and a refusal, the learner page with the assignment and with a broken link', async () => {
    const page = await pageInTheme('light');
    await page.goto(`${env.site.url}assignments/`);
    await page.waitForSelector('course-assignment-maker[data-state="ready"]');
    await page.click('button[type="submit"]');
    await page.locator('[data-part="error"]').filter({ hasText: /\S/ }).waitFor();
    const findings = await sweepBothThemes(page, '/assignments/ (refused)');
    await page.check('input[name="exercise"][value="01-tensor-basics"]');
    await page.fill('input[name="title"]', '1주차 과제');
    await page.fill('input[name="classCode"]', '2반');
    await page.fill('input[name="dueDate"]', '2026-01-15');
    await page.click('button[type="submit"]');
    await page.waitForSelector('[data-part="result"]:not([hidden])');
    findings.push(...(await sweepBothThemes(page, '/assignments/ (link made)')));
    const link = await page.locator('input[data-part="link"]').inputValue();
    await page.goto(link);
    await page.waitForSelector('course-assignment[data-state="ready"]');
    await page.click('button[data-action="hand-in"]');
    findings.push(...(await sweepBothThemes(page, '/assignment/ (opened from the link, past due, name asked)')));
    await page.goto(`${env.site.url}assignment/#a=broken`);
    await page.waitForSelector('course-assignment[data-state="empty"]');
    findings.push(...(await sweepBothThemes(page, '/assignment/ (broken link)')));
    await page.close();
    report(findings);
  }, 120_000);

  it('gradebook (ko): the table after grading passing, failing and unreadable files, one run\'s output open', async () => {
    const work = mkdtempSync(join(tmpdir(), 'a11y-gradebook-'));
    try {
      buildFixtures(join(work, 'class'));
      const page = await pageInTheme('light');
      await page.goto(`${env.site.url}gradebook/`);
      await page.waitForSelector('course-gradebook[data-state="ready"]');
      // The quick ones: exercise 01 passing, failing and differing from its claims, and two broken files.
      const files = ['kim-correct.json', 'lee-failing.json', 'park-claims-differ.json', 'broken/not-json.json', 'broken/wrong-schema.json'];
      await page.setInputFiles('input[data-action="files"]', files.map((file) => join(work, 'class', file)));
      await page.waitForSelector('course-gradebook[data-state="done"]', { timeout: 240_000 });
      expect(await page.locator('.gradebook-table tbody > tr').count()).toBeGreaterThan(0);
      expect(await page.locator('.gradebook-unreadable li').count()).toBe(2);
      await page.locator('details[data-part="output"] summary').first().click();
      const findings = await sweepBothThemes(page, '/gradebook/ (after grading)');
      await page.close();
      report(findings);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  }, 300_000);
});
