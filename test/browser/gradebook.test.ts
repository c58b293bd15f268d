// The gradebook page, as a teacher uses it: choose the class folder, or drop
// files and a zip, and get the table and the CSV/JSON downloads, byte for
// byte what `npm run grade` writes for the same files (the CLI runs here on
// the same folder, against the same built site). Grading with no network
// after the first visit is tested in offline.test.ts.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { zipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildFixtures } from '../grading/fixtures/build.ts';
import { formatFinding, isBlocking, sweep } from './support/axe.ts';
import { expectSameGrids, type CliGrid } from './support/grids.ts';
import { distFolder } from './support/server.ts';
import { useSiteAndBrowser } from './support/site-and-browser.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'gradebook-test-'));
const env = useSiteAndBrowser();

interface CliReport { submissions: { file: string; learner: string | null; exercise: string | null; status: string; score: number; passed: number; total: number }[]; grids: CliGrid[] }
let cli: { json: string; csv: string; report: CliReport; stdout: string };

beforeAll(async () => {
  buildFixtures(join(work, 'class'));
  // The endless loop would only add its 20 s budget to both runs.
  rmSync(join(work, 'class', 'mallory-hostile.json'));
  const { code, stdout } = await new Promise<{ code: number; stdout: string }>((resolve) => {
    execFile(process.execPath, ['--experimental-strip-types', join(ROOT, 'src/grading/grader/cli.ts'), 'class', '--json', 'grades.json', '--csv', 'grades.csv', '--jobs', '1', '--site', distFolder()], {
      cwd: work, env: { ...process.env, LANG: 'C', LC_ALL: '' },
    }, (error, out) => resolve({ code: error ? Number(error.code ?? -1) : 0, stdout: out }));
  });
  expect(code).toBe(0);
  const json = readFileSync(join(work, 'grades.json'), 'utf8');
  cli = { json, csv: readFileSync(join(work, 'grades.csv'), 'utf8'), report: JSON.parse(json), stdout };
}, 600_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function openGradebook(prefix: string): Promise<Page> {
  const page = await env.browser.context.newPage();
  page.on('pageerror', (error) => console.error(`page error: ${error.message}`));
  await page.goto(`${env.site.url}${prefix}gradebook/`);
  await page.waitForSelector('course-gradebook[data-state="ready"]');
  return page;
}

/** Waits for grading to finish: one check per run it has to do, however long each takes. */
const graded = (page: Page) => page.waitForSelector('course-gradebook[data-state="done"]', { timeout: 600_000 });

async function download(page: Page, action: string): Promise<string> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.click(`button[data-action="${action}"]`)]);
  return readFileSync(await file.path(), 'utf8');
}

const tableRows = (page: Page) => page.$$eval('.gradebook-table tbody > tr', (rows) => rows.map((row) => {
  const cells = [...row.children].map((cell) => cell.textContent?.trim() ?? '');
  return { learner: cells[0], exercise: cells[1], checks: cells[2], score: Number(cells[3]), status: (row as HTMLElement).dataset.status, file: cells[5] };
}));

describe('gradebook page (en)', () => {
  it('grades a chosen class folder into the table, CSV and JSON that the command line makes', async () => {
    const page = await openGradebook('en/');
    await page.setInputFiles('input[data-action="folder"]', join(work, 'class'));
    await graded(page);

    const graded_ = cli.report.submissions.filter((s) => s.learner !== null);
    expect(await tableRows(page)).toEqual(graded_.map((s) => ({
      learner: s.learner, exercise: s.exercise, checks: `${s.passed}/${s.total}`, score: s.score, status: s.status, file: s.file,
    })));
    expect(await page.locator('.gradebook-unreadable li').count()).toBe(cli.report.submissions.length - graded_.length);
    expect(await page.locator('[data-part="status"][role="status"]').textContent()).toBe('Graded 4: 2 pass, 2 fail, 0 error. Unreadable files: 2.');

    // Every check and the printed output, on demand.
    const kim = page.locator('tr[data-file="class/kim-correct.json"]');
    expect(await kim.locator('[data-check-id]').count()).toBe(2);
    const output = kim.locator('details[data-part="output"]');
    expect(await output.getAttribute('open')).toBeNull();
    await output.locator('summary').click();
    expect(await output.locator('pre').textContent()).toContain('images.shape [2, 2, 3]');
    // What the run drew, on demand: the MNIST exercise's show.images, drawn when opened.
    const pictures = page.locator('tr[data-file="class/nested/choi-mnist.json"] details[data-part="pictures"]');
    expect(await pictures.locator('summary').textContent()).toMatch(/^Pictures \(\d+\)$/);
    expect(await pictures.locator('svg, canvas').count()).toBe(0);
    await pictures.locator('summary').click();
    await expect.poll(() => pictures.locator('.gradebook-picture svg, .gradebook-picture canvas').count()).toBeGreaterThan(0);

    // The grid: learners × exercises, the same on the page as in the terminal and the JSON.
    await expectSameGrids(page, cli.stdout, cli.report);
    const grid = page.locator('table[data-part="grid"]');
    expect(await grid.locator('caption').textContent()).toBe('Submissions without an assignment');
    expect(await grid.locator('thead th[scope="col"]').count()).toBe(4);
    expect(await grid.locator('tbody th[scope="row"]').count()).toBe(cli.report.grids[0].rows.length);
    // Lee has no 02-mnist-shapes: a dash, said in words.
    const missing = grid.locator('tr[data-learner="Lee Jun"] [data-part="grid-cell"][data-status="missing"]');
    expect(await missing.locator('[data-part="cell-text"]').textContent()).toBe('—');
    expect(await missing.locator('.sr-only').textContent()).toBe('not handed in (or its part could not be read)');
    expect(await page.locator('.gradebook-legend dt').allTextContents()).toEqual(['—', '!', 'L', '~', '?', '=', '+']);
    // From the keyboard: Tab to a cell's link, Enter lands on its detailed row.
    const parkCell = grid.locator('tr[data-learner="Park Seoyeon"] [data-part="grid-cell"] a').first();
    expect(await parkCell.locator('.sr-only').textContent()).toMatch(/^1\/2; the learner's browser claimed otherwise/);
    await parkCell.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.file)).toBe('class/park-claims-differ.json');
    expect(await page.evaluate(() => location.hash)).toMatch(/^#gradebook-row-\d+$/);

    expect(await download(page, 'json')).toBe(cli.json);
    expect(await download(page, 'csv')).toBe(cli.csv);
    await page.close();
  });
});

describe('gradebook page (ko)', () => {
  it('grades dropped files and a zip, in Korean', async () => {
    const page = await openGradebook('');
    const zip = zipSync({
      'kim.json': new Uint8Array(readFileSync(join(work, 'class', 'kim-correct.json'))),
      'nested/lee.json': new Uint8Array(readFileSync(join(work, 'class', 'lee-failing.json'))),
      '.hidden/skip.json': new Uint8Array([123, 125]),
      'notes.txt': new Uint8Array([120]),
    });
    const files = [
      { name: 'class.zip', type: 'application/zip', bytes: [...zip] },
      { name: 'not-json.json', type: 'application/json', bytes: [...readFileSync(join(work, 'class', 'broken', 'not-json.json'))] },
    ];
    // A drop as the browser delivers it (synthetic transfers carry files, not folder entries).
    await page.evaluate((list) => {
      const data = new DataTransfer();
      for (const f of list) data.items.add(new File([new Uint8Array(f.bytes)], f.name, { type: f.type }));
      document.querySelector('[data-part="drop"]')!.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    }, files);
    await graded(page);
    const rows = await tableRows(page);
    expect(rows.map((r) => [r.learner, r.file, r.status])).toEqual([
      ['Lee Jun', 'class.zip/nested/lee.json', 'fail'],
      ['김민지', 'class.zip/kim.json', 'pass'],
    ]);
    expect(await page.locator('tr[data-file="class.zip/kim.json"] [data-part="status"]').textContent()).toBe('통과');
    expect(await page.locator('.gradebook-unreadable li').textContent()).toMatch(/^not-json\.json: JSON이 아닙니다/);
    // The grid in the page's language, its words from the same strings as the command line's.
    expect(await page.locator('table[data-part="grid"] caption').textContent()).toBe('과제 없이 낸 제출');
    expect(await page.locator('table[data-part="grid"] thead th').allTextContents()).toEqual(['학습자', '01-tensor-basics', '합계']);
    expect(await page.locator('.gradebook-legend dd').first().textContent()).toBe('내지 않음 (또는 그 부분을 읽지 못함)');
    // The results, grid included, pass the WCAG A/AA rules the site's sweep uses.
    const findings = (await sweep(page, 'gradebook (ko), graded')).filter(isBlocking);
    expect(findings.map(formatFinding)).toEqual([]);
    await page.close();
  });
});
