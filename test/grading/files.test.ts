// What the command line reads and serves, without a browser: only regular
// files (FIFOs, devices and links leaving the folder refused, sizes checked
// before reading), only the site's own files from the local server, and an
// installed browser found on each platform.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findSubmissionFiles } from '../../src/grading/grader/find-files.ts';
import { readSubmissionFile } from '../../src/grading/grader/read-files.ts';
import { candidatePaths, findBrowser, NO_BROWSER } from '../../src/grading/headless/find-browser.ts';
import { newestSource, siteBase, siteContentVersions } from '../../src/grading/headless/site-folder.ts';
import { fileFor } from '../../src/grading/headless/static-site.ts';

const dir = mkdtempSync(join(tmpdir(), 'grade-files-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const at = (...parts: string[]) => join(dir, ...parts);

describe('findSubmissionFiles and readSubmissionFile', () => {
  mkdirSync(at('class', 'sub'), { recursive: true });
  mkdirSync(at('class', '.hidden'), { recursive: true });
  mkdirSync(at('class', 'node_modules'), { recursive: true });
  mkdirSync(at('elsewhere'), { recursive: true });
  writeFileSync(at('class', 'a.json'), '{}');
  writeFileSync(at('class', 'sub', 'b.JSON'), '{}');
  writeFileSync(at('class', 'notes.txt'), 'x');
  writeFileSync(at('class', '.hidden', 'c.json'), '{}');
  writeFileSync(at('class', 'node_modules', 'd.json'), '{}');
  writeFileSync(at('class', 'big.json'), 'x'.repeat(1024 * 1024 + 1));
  writeFileSync(at('elsewhere', 'secret.json'), '{"secret":1}');
  symlinkSync(at('class', 'a.json'), at('class', 'z-link-inside.json'));
  symlinkSync(at('elsewhere', 'secret.json'), at('class', 'link-outside.json'));
  symlinkSync(at('elsewhere'), at('class', 'folder-link'));
  execFileSync('mkfifo', [at('class', 'pipe.json')]);
  execFileSync('mkfifo', [at('named-pipe')]);

  it('takes regular *.json files once (a link inside the folder to one of them adds nothing), and refuses special files and links leaving the folder', () => {
    const found = findSubmissionFiles([at('class'), at('named-pipe')]);
    expect(found.files.map((f) => f.path)).toEqual([at('class', 'a.json'), at('class', 'big.json'), at('class', 'sub', 'b.JSON')]);
    const refused = Object.fromEntries(found.refused.map((r) => [r.file.split('/').pop(), r.error.problem.en]));
    expect(refused).toEqual({
      'folder-link': 'not read: this is a link to a folder, not a regular file',
      'link-outside.json': 'not read: a symbolic link that points outside the folder being graded',
      'pipe.json': 'not read: this is a named pipe (FIFO), not a regular file',
      'named-pipe': 'not read: this is a named pipe (FIFO), not a regular file',
    });
  });

  it('never reads a file over 1 MB, nor a FIFO swapped in after the search', async () => {
    const big = await readSubmissionFile({ path: at('class', 'big.json'), shown: 'class/big.json' });
    expect('error' in big && big.error.problem.en).toBe('the file is 1.0 MB; a submission is at most 1 MB');
    const pipe = await readSubmissionFile({ path: at('class', 'pipe.json'), shown: 'class/pipe.json' });
    expect('error' in pipe && pipe.error.problem.en).toMatch(/named pipe/);
    const link = await readSubmissionFile({ path: at('class', 'z-link-inside.json'), shown: 'class/z-link-inside.json' });
    expect('error' in link && link.error.problem.en).toMatch(/cannot read the file \(ELOOP\)/);
    const fine = await readSubmissionFile({ path: at('class', 'a.json'), shown: 'class/a.json' });
    expect(fine).toEqual({ file: 'class/a.json', text: '{}' });
  });
});

describe('the local server', () => {
  mkdirSync(at('site', 'gradebook'), { recursive: true });
  writeFileSync(at('site', 'gradebook', 'index.html'), '<course-gradebook class="x" data-locale="en" data-base="/mnist-course/"><script type="application/json" data-part="versions">{"01-a":"0123456789ab","x":1}</script>');
  writeFileSync(at('site', '.env'), 'secret');
  symlinkSync(at('elsewhere', 'secret.json'), at('site', 'leak.json'));

  it('serves only the site folder\'s own files under its base', () => {
    const root = at('site');
    expect(fileFor(root, '/mnist-course/', '/mnist-course/gradebook/')).toBe(at('site', 'gradebook', 'index.html'));
    for (const path of ['/gradebook/', '/mnist-course/../elsewhere/secret.json', '/mnist-course/%2e%2e/elsewhere/secret.json', '/mnist-course/.env', '/mnist-course/leak.json', '/mnist-course/%E0%A4%A']) {
      expect(fileFor(root, '/mnist-course/', path), path).toBeUndefined();
    }
  });

  it('reads the base the gradebook page was built for, and sees newer sources', () => {
    expect(siteBase(at('site'))).toBe('/mnist-course/');
    expect(siteBase(at('elsewhere'))).toBeUndefined();
    expect(siteContentVersions(at('site'))).toEqual({ '01-a': '0123456789ab' });
    expect(siteContentVersions(at('elsewhere'))).toEqual({});
    mkdirSync(at('project', 'src'), { recursive: true });
    writeFileSync(at('project', 'src', 'a.ts'), '');
    utimesSync(at('project', 'src', 'a.ts'), 1000, 1000);
    expect(newestSource(at('project'))).toBe(1_000_000);
  });
});

describe('findBrowser', () => {
  const only = (path: string) => (candidate: string) => candidate === path;

  it('finds Chrome, Chromium or Edge where each platform installs them, or on the PATH', () => {
    expect(findBrowser(undefined, { platform: 'linux', env: {}, isExecutable: only('/usr/bin/google-chrome-stable') })).toBe('/usr/bin/google-chrome-stable');
    expect(findBrowser(undefined, { platform: 'darwin', env: { HOME: '/Users/t' }, isExecutable: only('/Users/t/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge') }))
      .toBe('/Users/t/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge');
    expect(findBrowser(undefined, { platform: 'win32', env: { LOCALAPPDATA: 'C:\\Users\\t\\AppData\\Local' }, isExecutable: only('C:\\Users\\t\\AppData\\Local\\Google\\Chrome\\Application\\chrome.exe') }))
      .toBe('C:\\Users\\t\\AppData\\Local\\Google\\Chrome\\Application\\chrome.exe');
    expect(findBrowser(undefined, { platform: 'linux', env: { PATH: '/opt/x/bin:/usr/local/bin' }, isExecutable: only('/usr/local/bin/chromium') })).toBe('/usr/local/bin/chromium');
    expect(candidatePaths({ platform: 'linux', env: {} })[0]).toBe('/usr/bin/chromium');
  });

  it('says in English and Korean what to install when there is none, and checks --browser', () => {
    expect(() => findBrowser(undefined, { platform: 'linux', env: {}, isExecutable: () => false })).toThrow(NO_BROWSER);
    expect(NO_BROWSER).toMatch(/[가-힣]/);
    expect(() => findBrowser('/nope', { platform: 'linux', env: {}, isExecutable: () => false })).toThrow(/--browser \/nope: no executable file there/);
    expect(findBrowser('/usr/bin/chromium', { platform: 'linux', env: {} })).toBe('/usr/bin/chromium');
  });
});
