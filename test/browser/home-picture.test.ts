// The home page's picture in Chromium: it fits a 390 px phone without sideways
// scrolling, and its marks and labels keep their contrast in both themes
// (axe checks HTML text only, not SVG fills and strokes).
import { describe, expect, it } from 'vitest';
import { setTheme } from './support/axe.ts';
import { useSiteAndBrowser } from './support/site-and-browser.ts';

const env = useSiteAndBrowser();

/** Contrast ratios against the page background (WCAG 2), measured in the page. */
async function contrasts(page: import('playwright-core').Page) {
  return page.evaluate(() => {
    const rgb = (colour: string) => {
      const [r, g, b] = colour.match(/[\d.]+/g)!.slice(0, 3).map(Number) as [number, number, number];
      const linear = (c: number) => ((c /= 255) <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
      return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
    };
    const ratio = (a: string, b: string) => {
      const [high, low] = [rgb(a), rgb(b)].sort((x, y) => y - x) as [number, number];
      return (high + 0.05) / (low + 0.05);
    };
    const background = getComputedStyle(document.body).backgroundColor;
    const style = (selector: string) => getComputedStyle(document.querySelector(selector)!);
    return {
      predictedBar: ratio(style('.classifier-picture .bars .predicted rect').fill, background),
      nodeStroke: ratio(style('.classifier-picture .node').stroke, background),
      svgText: ratio(style('.classifier-picture .bars text').fill, background),
      prediction: ratio(style('.classifier-picture .prediction').color, background),
      predictionBorder: ratio(style('.classifier-picture .prediction').borderTopColor, background),
      stepLabel: ratio(style('.classifier-picture .step').color, background),
    };
  });
}

describe.each(['', 'en/'])('home page %s', (prefix) => {
  it('fits a 390 px wide screen: no sideways scrolling, every part drawn inside the viewport', async () => {
    const page = await env.browser.context.newPage();
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(env.site.url + prefix, { waitUntil: 'load' });
    const layout = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      parts: [...document.querySelectorAll('.classifier-picture svg[role="img"], .classifier-picture .prediction, .classifier-picture figcaption')].map((element) => {
        const box = element.getBoundingClientRect();
        return { left: box.left, right: box.right, width: box.width };
      }),
    }));
    await page.close();
    expect(layout.scrollWidth).toBeLessThanOrEqual(390);
    expect(layout.parts.length).toBe(5);
    for (const part of layout.parts) {
      expect(part.width).toBeGreaterThan(50);
      expect(part.left).toBeGreaterThanOrEqual(0);
      expect(part.right).toBeLessThanOrEqual(390);
    }
  });

  it.each(['light', 'dark'] as const)('keeps its contrast in the %s theme', async (theme) => {
    const page = await env.browser.context.newPage();
    await page.goto(env.site.url + prefix, { waitUntil: 'load' });
    await setTheme(page, theme);
    const ratios = await contrasts(page);
    await page.close();
    // Graphics need 3:1 (WCAG 1.4.11), text 4.5:1 (1.4.3).
    for (const key of ['predictedBar', 'nodeStroke', 'predictionBorder'] as const) expect(ratios[key], key).toBeGreaterThanOrEqual(3);
    for (const key of ['svgText', 'prediction', 'stepLabel'] as const) expect(ratios[key], key).toBeGreaterThanOrEqual(4.5);
  });
});
