// Before any interaction, every lesson page and the home pages must stay
// small: no Monaco and no runner until an exercise panel is about to be used,
// no chart code or styles until the charts are, KaTeX's stylesheet only on
// pages with math.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pageWeight } from './support/page-weight.mjs';
import { distFolder } from './support/server.ts';

interface Weight { jsCssGzip: number; cssFiles: string[]; jsFiles: string[]; htmlGzip: number }

/**
 * JS+CSS (gzipped) a lesson page loads before interaction: issue 6's target.
 * Measured at the time of writing: 29.7 KB for the heaviest lessons (17, with
 * the digit pad, and 07, with the softmax playground: 29.6 KB), 27.8 KB for a
 * lesson with math, code and an exercise, 26.5 KB without math.
 */
const BUDGET = 30 * 1024;
/** The page itself (gzipped): the largest lesson is about 20 KB. */
const HTML_BUDGET = 24 * 1024;

const dist = distFolder();
const lessons = ['', 'en/'].flatMap((prefix) =>
  readdirSync(join(dist, prefix, 'lessons'))
    .filter((slug) => existsSync(join(dist, prefix, 'lessons', slug, 'index.html')))
    .map((slug) => `/mnist-course/${prefix}lessons/${slug}/`),
);
/** The home pages carry a build-time picture (inline SVG, no script): it must cost no code. */
const homes = ['/mnist-course/', '/mnist-course/en/'];

describe('page weight before interaction', () => {
  it('measures every lesson in both languages, exercise pages among them', () => {
    expect(lessons.filter((page) => page.includes('/en/')).length).toBeGreaterThanOrEqual(17);
    expect(lessons.filter((page) => !page.includes('/en/')).length).toBeGreaterThanOrEqual(17);
    for (const page of ['/mnist-course/lessons/02-mnist/', '/mnist-course/en/lessons/02-mnist/']) {
      expect(readFileSync(join(dist, page.slice('/mnist-course/'.length), 'index.html'), 'utf8')).toContain('<course-exercise');
    }
  });

  for (const page of [...homes, ...lessons]) {
    it(`${page}: no editor or runner code or CSS; within ${BUDGET / 1024} KB of JS+CSS and ${HTML_BUDGET / 1024} KB of HTML`, () => {
      const weight = pageWeight(dist, '/mnist-course/', page) as Weight;
      console.log(`${page}: JS+CSS ${(weight.jsCssGzip / 1024).toFixed(1)} KB gzipped, HTML ${(weight.htmlGzip / 1024).toFixed(1)} KB`);
      for (const file of [...weight.jsFiles, ...weight.cssFiles]) {
        const text = readFileSync(join(dist, file), 'utf8');
        expect(text, `${file} is loaded before interaction but holds Monaco`).not.toMatch(/\.monaco-editor|MonacoEnvironment/);
        expect(text, `${file} is loaded before interaction but holds tfjs`).not.toMatch(/registerKernel\(|tfjs-core/);
        expect(text, `${file} is loaded before interaction but holds d3 or the charts' styles`).not.toMatch(/invalid format: |\.viz-bar\s*\{/);
      }
      expect(weight.jsCssGzip).toBeLessThanOrEqual(BUDGET);
      expect(weight.htmlGzip).toBeLessThanOrEqual(HTML_BUDGET);
    });
  }
});
