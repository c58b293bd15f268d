// The lessons' notebooks as the build wrote them: one per lesson with Python
// code and locale, valid against the official nbformat 4.5 schema, holding
// every ```python block of its lesson byte for byte and in order under the
// lesson's own headings, in the page's language; each such lesson page links
// its notebook with a plain download link that reaches the file.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { LESSON_DIRS, lessonSlugs, type Locale } from '../content/lesson-files.ts';
import { cellText, HANGUL, validateNotebook } from '../notebooks/nbformat-schema.ts';
import { distDir, listFiles, loadBuiltSite, type BuiltSite } from './built-site.ts';

let site: BuiltSite;
beforeAll(() => {
  site = loadBuiltSite();
});

// Read straight from the MDX with a plain pattern, apart from the parser the
// build uses, so the two can disagree.
const FENCE = /^```python\n([\s\S]*?)\n```$/gm;
function expectedBlocks(source: string): { heading: string | undefined; code: string }[] {
  return [...source.matchAll(FENCE)].map((match) => {
    const before = source.slice(0, match.index).replace(/^(`{3,})[^\n]*\n[\s\S]*?^\1$/gm, '');
    return { heading: [...before.matchAll(/^#{2,3} .+$/gm)].at(-1)?.[0], code: match[1] };
  });
}

const localeDir = (locale: Locale) => (locale === 'en' ? 'en/' : '');
const lessons = (['ko', 'en'] as const).flatMap((locale) =>
  lessonSlugs(locale).map((slug) => {
    const source = readFileSync(join(LESSON_DIRS[locale], `${slug}.mdx`), 'utf8');
    return { locale, slug, blocks: expectedBlocks(source), notebook: `${localeDir(locale)}notebooks/${slug}.ipynb` };
  }),
);
const withCode = lessons.filter((lesson) => lesson.blocks.length > 0);
const readNotebook = (file: string) => JSON.parse(readFileSync(join(distDir, file), 'utf8'));

describe('the lesson notebooks', () => {
  it('exist for every lesson with Python code in both locales, and for no other', () => {
    expect(withCode.length).toBeGreaterThanOrEqual(32);
    expect(listFiles(distDir, '.ipynb')).toEqual(withCode.map((lesson) => lesson.notebook).sort());
  });

  it('validate against the nbformat 4.5 schema', () => {
    for (const { notebook } of withCode) {
      const parsed = readNotebook(notebook);
      expect(validateNotebook(parsed), notebook).toEqual([]);
      expect([parsed.nbformat, parsed.nbformat_minor, parsed.metadata.kernelspec.name], notebook).toEqual([4, 5, 'python3']);
    }
  });

  it("hold every Python block of their lesson, byte for byte and in order, each under the lesson's heading", () => {
    for (const { notebook, blocks } of withCode) {
      const cells: { cell_type: string; source: string[] }[] = readNotebook(notebook).cells;
      const code = cells.filter((cell) => cell.cell_type === 'code').map(cellText);
      expect(code, notebook).toEqual(blocks.map((block) => block.code));
      let k = 0;
      cells.forEach((cell, i) => {
        if (cell.cell_type !== 'code') return;
        const { heading } = blocks[k++];
        if (heading !== undefined) expect(cellText(cells[i - 1]), notebook).toBe(heading);
      });
    }
  });

  it("speak the page's language in their markdown cells", () => {
    for (const { notebook, locale } of withCode) {
      const markdown = readNotebook(notebook).cells.filter((cell: { cell_type: string }) => cell.cell_type === 'markdown').map(cellText);
      if (locale === 'en') for (const text of markdown) expect(text, notebook).not.toMatch(HANGUL);
      else expect(markdown[0], notebook).toMatch(HANGUL);
    }
  });

  // A second opinion where Python's own nbformat is installed (Debian: python3-nbformat).
  const python = ['python3', '/usr/bin/python3'].find((command) => spawnSync(command, ['-c', 'import nbformat']).status === 0);
  it.runIf(python)("pass Python nbformat's own validation", () => {
    const files = withCode.map(({ notebook }) => join(distDir, notebook));
    const script = 'import sys, nbformat\nfor f in sys.argv[1:]: nbformat.validate(nbformat.read(f, as_version=4))';
    const run = spawnSync(python!, ['-c', script, ...files], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });
});

describe('the lesson pages', () => {
  it('link their notebook with a plain download link in their language that reaches the file', () => {
    for (const { locale, slug, blocks, notebook } of lessons) {
      const page = `${localeDir(locale)}lessons/${slug}/index.html`;
      const links = [...site.parse(page).querySelectorAll('a[download]')];
      if (blocks.length === 0) {
        expect(links, page).toEqual([]);
        continue;
      }
      expect(links.length, page).toBe(1);
      const [link] = links;
      expect(link.getAttribute('href'), page).toBe(`${site.base}${notebook}`);
      expect(existsSync(join(distDir, notebook)), notebook).toBe(true);
      expect(link.getAttribute('download'), page).toBe(`${slug}.${locale}.ipynb`);
      expect(link.textContent?.trim(), page).toMatch(locale === 'en' ? /^Download this lesson's Keras code as a Jupyter notebook/ : /^이 수업의 케라스 코드를/);
      expect(link.closest('script, [onclick]'), page).toBeNull();
    }
  });
});
