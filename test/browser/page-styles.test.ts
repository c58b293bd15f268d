// Styles that pages load only where and when they are needed, checked in a
// real browser against the built site:
//  - KaTeX's stylesheet is linked only by pages with math, styles formulas
//    before any script runs, and its post-build trimming moves no formula by
//    a pixel (compared with KaTeX's full stylesheet on every math page).
//  - The charts' styles arrive with the softmax playground's charts, in the
//    dark and the light theme; the playground's frame is styled before that.
//  - The search results' styles arrive with the Pagefind UI.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useSiteAndBrowser } from './support/site-and-browser.ts';
import { distFolder } from './support/server.ts';

const dist = distFolder();
const lessonPages = ['', 'en/'].flatMap((prefix) =>
  readdirSync(join(dist, prefix, 'lessons'))
    .filter((slug) => existsSync(join(dist, prefix, 'lessons', slug, 'index.html')))
    .map((slug) => `${prefix}lessons/${slug}/`),
);
const hasMath = (path: string) => readFileSync(join(dist, path, 'index.html'), 'utf8').includes('class="katex"');
const mathPages = lessonPages.filter(hasMath);
const katexMin = readFileSync(createRequire(import.meta.url).resolve('katex/dist/katex.min.css'), 'utf8');

const env = useSiteAndBrowser(dist);

/** A page whose scripts never run: what a reader sees before any JS. */
async function withoutScripts(): Promise<Page> {
  const page = await env.browser.context.newPage();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setScriptExecutionDisabled', { value: true });
  return page;
}

/** Hrefs of the linked stylesheets that hold KaTeX rules. */
const katexSheets = (page: Page) =>
  page.evaluate(() =>
    [...document.styleSheets]
      .filter((sheet) => sheet.href && [...sheet.cssRules].some((rule) => rule.cssText.startsWith('.katex')))
      .map((sheet) => sheet.href!),
  );

/** Every box inside every formula (rounded to 1/100 px) with the styles that do not show in a box. */
const formulaBoxes = (page: Page) =>
  page.evaluate(async () => {
    await document.fonts.ready;
    return [...document.querySelectorAll('.katex-html, .katex-html *')].map((el) => {
      const r = el.getBoundingClientRect();
      const s = getComputedStyle(el);
      const box = [r.x, r.y, r.width, r.height].map((v) => Math.round(v * 100) / 100).join(',');
      return `${box} ${s.fontFamily} ${s.fontStyle} ${s.fontWeight} ${s.color} ${s.textAlign} ${s.borderBottomStyle}`;
    });
  });

describe('KaTeX stylesheet', () => {
  it('there are lessons with and without math in both languages', () => {
    expect(mathPages.filter((p) => p.startsWith('en/')).length).toBeGreaterThan(5);
    expect(mathPages.filter((p) => !p.startsWith('en/')).length).toBeGreaterThan(5);
    expect(lessonPages.length - mathPages.length).toBeGreaterThan(0);
  });

  it('pages without math link no KaTeX rules', async () => {
    const page = await withoutScripts();
    for (const path of lessonPages.filter((p) => !hasMath(p))) {
      await page.goto(env.site.url + path);
      expect(await katexSheets(page), path).toEqual([]);
    }
    await page.close();
  });

  it('every page with math styles its formulas before any script runs, exactly as the full KaTeX stylesheet would', async () => {
    const page = await withoutScripts();
    for (const path of mathPages) {
      await page.goto(env.site.url + path);
      const sheets = await katexSheets(page);
      expect(sheets, path).toHaveLength(1);
      const styled = await page.evaluate(() => {
        const katex = document.querySelector('.katex')!;
        const mathml = katex.querySelector('.katex-mathml')!;
        return { font: getComputedStyle(katex).fontFamily, mathml: getComputedStyle(mathml).position };
      });
      expect(styled.font, path).toMatch(/^KaTeX_Main/);
      expect(styled.mathml, `${path}: the MathML copy is visually hidden`).toBe('absolute');
      const trimmed = await formulaBoxes(page);

      // The same page with KaTeX's full rules (and the built fonts) instead.
      const builtCss = await (await fetch(sheets[0])).text();
      const faces = builtCss.match(/@font-face\{[^}]*\}/g) ?? [];
      expect(faces, `${path}: the built KaTeX CSS keeps its 20 font faces`).toHaveLength(20);
      const full = faces.join('') + katexMin.replace(/@font-face\{[^}]*\}/g, '');
      await page.evaluate(({ href, css }) => {
        document.querySelector(`link[rel="stylesheet"][href="${new URL(href).pathname}"]`)!.remove();
        document.head.append(Object.assign(document.createElement('style'), { textContent: css }));
      }, { href: sheets[0], css: full });
      expect(await formulaBoxes(page), `${path}: a formula moved with the trimmed stylesheet`).toEqual(trimmed);
    }
    await page.close();
  });
});

describe('softmax playground styles (lesson 07)', () => {
  it('its frame and slider colours are styled before any script runs', async () => {
    const page = await withoutScripts();
    await page.goto(`${env.site.url}en/lessons/07-sigmoid-softmax/`);
    const frame = await page.evaluate(() => {
      const el = document.querySelector('softmax-playground')!;
      return { margin: getComputedStyle(el).marginTop, accent: getComputedStyle(el.querySelector('input[type="range"]')!).accentColor };
    });
    expect(frame).toEqual({ margin: '24px', accent: 'rgb(86, 180, 233)' });
    await page.close();
  });

  for (const [theme, accent, bar] of [
    ['dark', 'rgb(230, 159, 0)', 'rgb(86, 180, 233)'],
    ['light', 'rgb(194, 87, 0)', 'rgb(0, 114, 178)'],
  ] as const) {
    for (const prefix of ['', 'en/']) {
      it(`${prefix || 'ko/'}: the charts arrive styled in the ${theme} theme`, async () => {
        const page = await env.browser.context.newPage();
        await page.goto(env.site.url);
        await page.evaluate((t) => localStorage.setItem('starlight-theme', t), theme);
        await page.goto(`${env.site.url}${prefix}lessons/07-sigmoid-softmax/`);
        const playground = page.locator('softmax-playground');
        await playground.scrollIntoViewIfNeeded();
        await page.locator('softmax-playground [data-charts] svg').nth(1).waitFor();
        const style = await page.evaluate(() => {
          const top = document.querySelector('softmax-playground .viz-bar-argmax .viz-bar')!;
          const other = document.querySelector('softmax-playground .viz-bar-row:not(.viz-bar-argmax) .viz-bar')!;
          return {
            theme: document.documentElement.dataset.theme,
            argmax: getComputedStyle(top).fill,
            other: getComputedStyle(other).fill,
            slider: getComputedStyle(document.querySelector('softmax-playground input[type="range"]')!).accentColor,
          };
        });
        expect(style.theme).toBe(theme);
        expect(style.argmax).toBe(accent);
        expect(style.other, 'the other bars are grey, not the default black').not.toBe('rgb(0, 0, 0)');
        expect(style.slider).toBe(bar);
        await page.close();
      });
    }
  }
});

describe('search results styles', () => {
  it('arrive with the Pagefind UI: matches are bold on the results background, not highlighted in yellow', async () => {
    const page = await env.browser.context.newPage();
    await page.goto(`${env.site.url}en/lessons/02-mnist/`);
    await page.waitForFunction(() => document.querySelector('#starlight__search .pagefind-ui__search-input'));
    await page.keyboard.press('Control+k');
    await page.locator('#starlight__search input').fill('softmax');
    const mark = page.locator('#starlight__search mark').first();
    await mark.waitFor();
    const style = await mark.evaluate((el) => ({ background: getComputedStyle(el).backgroundColor, weight: getComputedStyle(el).fontWeight, overflow: getComputedStyle(document.body).overflow }));
    expect(style).toEqual({ background: 'rgba(0, 0, 0, 0)', weight: '600', overflow: 'hidden' });
    await page.close();
  });
});

describe('Korean line breaking', () => {
  it('Korean prose breaks at spaces, never inside a word, and a narrow phone still has no sideways scroll', async () => {
    const page = await withoutScripts();
    await page.setViewportSize({ width: 390, height: 844 });
    for (const [path, wordBreak] of [['lessons/03-validation-split/', 'keep-all'], ['en/lessons/03-validation-split/', 'normal']] as const) {
      await page.goto(`${env.site.url}${path}`);
      const seen = await page.evaluate(() => {
        const paragraph = document.querySelector('.sl-markdown-content p')!;
        return {
          wordBreak: getComputedStyle(paragraph).wordBreak,
          overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
        };
      });
      expect(seen.wordBreak, path).toBe(wordBreak);
      expect(seen.overflow, `${path} scrolls sideways`).toBeLessThanOrEqual(0);
    }
    await page.close();
  });
});
