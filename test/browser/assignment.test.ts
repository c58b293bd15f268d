// Assignment links end to end, as a teacher and a learner use them: the
// teacher page makes a link; the learner opens it, works on one exercise in
// its lesson (the reference solution, pasted and run), comes back to see its
// status, and hands in one file; the gradebook page grades that file into a
// row per exercise of the assignment, and `npm run grade` on the same file
// writes the same JSON as the page's download, and the same grid
// (learners × exercises) as the page shows. Switching the language of the
// assignment page keeps the assignment (`#a=…`).
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { assignmentFragment } from '../../src/grading/assignment/link.ts';
import { clickAction, panelSelector, pasteCode, waitForRunEnd } from './support/exercise-page.ts';
import { expectSameGrids, type CliGrid } from './support/grids.ts';
import { distFolder } from './support/server.ts';
import { useSiteAndBrowser } from './support/site-and-browser.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'assignment-test-'));
const env = useSiteAndBrowser();
afterAll(() => rmSync(work, { recursive: true, force: true }));

const RUN = '01-tensor-basics';
const NEVER_RUN = '07-softmax';
const solution = readFileSync(join(ROOT, 'src/exercises', RUN, 'solution.ts'), 'utf8');

async function newPage(): Promise<Page> {
  const page = await env.browser.context.newPage();
  page.on('pageerror', (error) => console.error(`page error: ${error.message}`));
  return page;
}

const statusOf = (page: Page, id: string) => page.locator(`tr[data-exercise-id="${id}"] [data-part="exercise-status"]`).getAttribute('data-status');

function gradeWithCli(file: string): Promise<{ code: number; json: string; stdout: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--experimental-strip-types', join(ROOT, 'src/grading/grader/cli.ts'), file, '--json', 'grades.json', '--jobs', '1', '--site', distFolder()], {
      cwd: work, env: { ...process.env, LANG: 'C', LC_ALL: '' },
    }, (error, stdout) => resolve({ code: error ? Number(error.code ?? -1) : 0, json: error ? '' : readFileSync(join(work, 'grades.json'), 'utf8'), stdout }));
  });
}

describe('assignment links (en)', () => {
  it('link → learner works and hands in → gradebook and npm run grade grade the file alike', async () => {
    // The teacher: two exercises (listed in the course's order, whatever order they are ticked in), a title, a class code, a due date already past.
    const teacher = await newPage();
    await teacher.goto(`${env.site.url}en/assignments/`);
    await teacher.waitForSelector('course-assignment-maker[data-state="ready"]');
    await teacher.click('button[type="submit"]');
    expect(await teacher.locator('[data-part="error"]').textContent()).toBe('Pick at least one exercise.');
    await teacher.check(`input[name="exercise"][value="${NEVER_RUN}"]`);
    await teacher.check(`input[name="exercise"][value="${RUN}"]`);
    await teacher.fill('input[name="title"]', 'Week 1: tensors');
    await teacher.fill('input[name="classCode"]', '2B');
    await teacher.fill('input[name="dueDate"]', '2026-01-15');
    await teacher.fill('input[name="dueTime"]', '18:00');
    await teacher.keyboard.press('Enter');
    await teacher.waitForSelector('[data-part="result"]:not([hidden])');
    const link = await teacher.locator('input[data-part="link"]').inputValue();
    expect(link).toMatch(new RegExp(`^${env.site.url}en/assignment/#a=[A-Za-z0-9+\\-$]+$`));
    await teacher.close();

    // The learner opens it: every exercise not started, the due date past.
    const learner = await newPage();
    await learner.goto(link);
    await learner.waitForSelector('course-assignment[data-state="ready"]');
    expect(await learner.locator('[data-part="title"]').textContent()).toBe('Week 1: tensors');
    expect(await learner.locator('[data-part="class-code"]').textContent()).toBe('2B');
    expect(await learner.locator('[data-part="late"]').isVisible()).toBe(true);
    expect(await learner.locator('tr[data-exercise-id]').evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.exerciseId))).toEqual([RUN, NEVER_RUN]);
    expect(await statusOf(learner, RUN)).toBe('not-started');

    // …works on one exercise in its lesson…
    await learner.click(`tr[data-exercise-id="${RUN}"] a`);
    await learner.waitForSelector(`${panelSelector(RUN)}[data-state="ready"]`, { timeout: 60_000 });
    await learner.locator(`${panelSelector(RUN)} .monaco-editor .view-lines`).waitFor();
    await pasteCode(learner, RUN, solution);
    await clickAction(learner, RUN, 'run');
    await waitForRunEnd(learner, RUN);
    expect(await learner.locator(`${panelSelector(RUN)} [data-check-id][data-status="passed"]`).count()).toBeGreaterThan(0);

    // …comes back: the status shows.
    await learner.goBack();
    await learner.waitForSelector('course-assignment[data-state="ready"]');
    await expect.poll(() => statusOf(learner, RUN)).toBe('passed');
    expect(await statusOf(learner, NEVER_RUN)).toBe('not-started');
    expect(await learner.locator('[data-part="summary"]').textContent()).toBe('1 of 2 exercises passed');

    // Hand in: a name first, then one file named for the learner and the assignment.
    await learner.click('button[data-action="hand-in"]');
    expect(await learner.locator('section [data-part="status"]').textContent()).toBe('Type your name before handing in.');
    await learner.fill('input[data-part="name"]', 'Kim Minji');
    const [download] = await Promise.all([learner.waitForEvent('download'), learner.click('button[data-action="hand-in"]')]);
    expect(download.suggestedFilename()).toBe('Kim-Minji-Week-1-tensors.json');
    const handInPath = join(work, download.suggestedFilename());
    writeFileSync(handInPath, readFileSync(await download.path(), 'utf8'));
    const handIn = JSON.parse(readFileSync(handInPath, 'utf8'));
    expect(handIn).toMatchObject({ format: 'mnist-course-hand-in', version: 1, assignment: { title: 'Week 1: tensors', classCode: '2B', due: expect.stringMatching(/^2026-01-15T18:00[+-]\d{2}:\d{2}$/), exercises: [RUN, NEVER_RUN] } });
    const [ran, never] = handIn.submissions;
    expect(ran).toMatchObject({ exerciseId: RUN, code: solution, locale: 'en', learner: { name: 'Kim Minji' } });
    expect(ran.results.every((r: { status: string }) => r.status === 'passed')).toBe(true);
    expect(ran.backend).not.toBe('none');
    expect(never).toMatchObject({ exerciseId: NEVER_RUN, results: [], backend: 'none' });
    await learner.close();

    // The teacher grades it on the gradebook page: a row per exercise of the assignment.
    const gradebook = await newPage();
    await gradebook.goto(`${env.site.url}en/gradebook/`);
    await gradebook.waitForSelector('course-gradebook[data-state="ready"]');
    await gradebook.setInputFiles('input[data-action="files"]', handInPath);
    await gradebook.waitForSelector('course-gradebook[data-state="done"]', { timeout: 300_000 });
    const rows = await gradebook.$$eval('.gradebook-table tbody > tr', (trs) => trs.map((tr) => ({ file: (tr as HTMLElement).dataset.file, status: (tr as HTMLElement).dataset.status })));
    expect(rows).toEqual([
      { file: `Kim-Minji-Week-1-tensors.json#${RUN}`, status: 'pass' },
      { file: `Kim-Minji-Week-1-tensors.json#${NEVER_RUN}`, status: 'fail' },
    ]);
    expect(await gradebook.locator(`tr[data-file$="#${NEVER_RUN}"]`).textContent()).toMatch(/not attempted: the learner handed this exercise in without ever running it/);
    const [json] = await Promise.all([gradebook.waitForEvent('download'), gradebook.click('button[data-action="json"]')]);
    const pageJson = readFileSync(await json.path(), 'utf8');

    // …and with the command line, on the same file: the same JSON, and the same grid as the page's.
    const cli = await gradeWithCli(download.suggestedFilename());
    expect(cli.code).toBe(0);
    expect(pageJson).toBe(cli.json);
    const grids = (JSON.parse(cli.json) as { grids: CliGrid[] }).grids;
    await expectSameGrids(gradebook, cli.stdout, { grids });
    // One grid, for the assignment: its exercises in its order, late against the due date, the never-run one marked.
    expect(grids.map((g) => [g.assignment?.title, g.exercises])).toEqual([['Week 1: tensors', [RUN, NEVER_RUN]]]);
    expect(grids[0].rows.map((r) => [r.learner, ...r.cells.map((c) => c.marks)])).toEqual([['Kim Minji', ['late'], ['late', 'never-run']]]);
    expect(await gradebook.locator('table[data-part="grid"] caption').textContent()).toMatch(/^Assignment: Week 1: tensors \(class 2B, due 2026-01-15T18:00[+-]\d{2}:\d{2}\)$/);
    await gradebook.close();
  }, 600_000);
});

describe('the language switcher on an assignment (en → ko)', () => {
  it('keeps the assignment: the other language opens the same #a= link', async () => {
    const fragment = assignmentFragment({ title: 'Week 2', classCode: '3A', exercises: [RUN] });
    const page = await newPage();
    await page.goto(`${env.site.url}en/assignment/${fragment}`);
    await page.waitForSelector('course-assignment[data-state="ready"]');
    // Starlight's <starlight-lang-select>, as a learner uses it (from the keyboard too: a native select).
    await Promise.all([page.waitForURL(`${env.site.url}assignment/**`), page.locator('starlight-lang-select select:visible').first().selectOption({ label: '한국어' })]);
    expect(new URL(page.url()).hash).toBe(fragment);
    await page.waitForSelector('course-assignment[data-state="ready"]');
    expect(await page.locator('[data-part="title"]').textContent()).toBe('Week 2');
    expect(await page.locator('html').getAttribute('lang')).toBe('ko');
    await page.close();
  });
});

describe('a broken assignment link (ko)', () => {
  it('says what is wrong and what to do, in the page\'s language', async () => {
    const page = await newPage();
    await page.goto(`${env.site.url}assignment/#a=NoWayThisIsAnAssignment`);
    await page.waitForSelector('course-assignment[data-state="empty"]');
    const message = page.locator('[data-part="message"]');
    expect(await message.getAttribute('role')).toBe('alert');
    expect(await message.textContent()).toMatch(/^과제 링크가 잘못되었습니다: .+ 해결: 선생님께 링크를 다시 받아/);
    expect(await page.locator('[data-part="assignment"]').isHidden()).toBe(true);
    await page.close();
  });
});
