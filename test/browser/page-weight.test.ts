// Before any interaction, a lesson page with an exercise must stay small: no
// Monaco and no runner until the panel is about to be used.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pageWeight } from './support/page-weight.mjs';
import { distFolder } from './support/server.ts';

interface Weight { jsCssGzip: number; cssFiles: string[]; jsFiles: string[]; htmlGzip: number }

/** Budget for JS+CSS (gzipped) before interaction, the whole page (Starlight, KaTeX CSS, quiz, exercise) included. */
const BUDGET = 48 * 1024;

describe('lesson page weight before interaction', () => {
  for (const page of ['/mnist-course/lessons/02-mnist/', '/mnist-course/en/lessons/02-mnist/']) {
    it(`${page}: no editor or runner code or CSS; within ${BUDGET / 1024} KB`, () => {
      const dist = distFolder();
      const weight = pageWeight(dist, '/mnist-course/', page) as Weight;
      console.log(`${page}: JS+CSS ${(weight.jsCssGzip / 1024).toFixed(1)} KB gzipped, HTML ${(weight.htmlGzip / 1024).toFixed(1)} KB`);
      const html = readFileSync(join(dist, page.slice('/mnist-course/'.length), 'index.html'), 'utf8');
      expect(html).toContain('<course-exercise');
      for (const file of [...weight.jsFiles, ...weight.cssFiles]) {
        const text = readFileSync(join(dist, file), 'utf8');
        expect(text, `${file} is loaded before interaction but holds Monaco`).not.toMatch(/\.monaco-editor|MonacoEnvironment/);
        expect(text, `${file} is loaded before interaction but holds tfjs`).not.toMatch(/registerKernel\(|tfjs-core/);
      }
      expect(weight.jsCssGzip).toBeLessThanOrEqual(BUDGET);
    });
  }
});
