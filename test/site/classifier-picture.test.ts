// The home page's picture (src/components/ClassifierPicture.astro): its
// build-time helpers on the real MNIST files, and the picture as built.
import { beforeAll, describe, expect, it } from 'vitest';
import { networkLayout } from '../../src/components/classifier-picture/network-layout.ts';
import { pixelPaths } from '../../src/components/classifier-picture/pixel-paths.ts';
import { readTestDigit, type Digit } from '../../src/components/classifier-picture/read-digit.ts';
import { loadBuiltSite, type BuiltSite } from './built-site.ts';

/** Paints `paths` back into a width × height grid of levels (0 where nothing is drawn). */
function paint(paths: ReturnType<typeof pixelPaths>, width: number, height: number, levels: number): number[] {
  const grid = new Array<number>(width * height).fill(0);
  for (const { opacity, d } of paths) {
    for (const [, x, y, run] of d.matchAll(/M(\d+) (\d+)h(\d+)v1h-\3z/g)) {
      for (let i = 0; i < Number(run); i++) {
        const at = Number(y) * width + Number(x) + i;
        expect(grid[at], `pixel ${at} drawn twice`).toBe(0);
        grid[at] = Math.round(opacity * levels);
      }
    }
  }
  return grid;
}

describe('build-time helpers', () => {
  let digit: Digit;
  beforeAll(async () => {
    digit = await readTestDigit('mnist', 0);
  });

  it('reads MNIST test image 0, a 7, from the gzipped IDX files', () => {
    expect(digit.label).toBe(7);
    expect([digit.width, digit.height, digit.pixels.length]).toEqual([28, 28, 784]);
    const ink = digit.pixels.filter((value) => value > 0).length;
    expect(ink).toBeGreaterThan(50);
    expect(ink).toBeLessThan(400);
  });

  it('names the range when the index is outside the test set', async () => {
    await expect(readTestDigit('mnist', 10_000)).rejects.toThrow('test images 0–9999, not 10000');
  });

  it('pixelPaths draws every pixel at its quantised level, once', () => {
    const levels = 8;
    const paths = pixelPaths(digit.pixels, digit.width, levels);
    const expected = [...digit.pixels].map((value) => Math.round((value / 255) * levels));
    expect(paint(paths, digit.width, digit.height, levels)).toEqual(expected);
    expect(new Set(paths.map((path) => path.opacity)).size).toBe(paths.length);
    // Runs keep it small: far fewer squares than inked pixels.
    const squares = paths.reduce((sum, path) => sum + path.d.split('M').length - 1, 0);
    expect(squares).toBeLessThan(digit.pixels.filter((value) => value > 0).length);
  });

  it('pixelPaths ends a run at the end of a row', () => {
    expect(pixelPaths([255, 255, 255, 255], 2, 1)).toEqual([{ opacity: 1, d: 'M0 0h2v1h-2zM0 1h2v1h-2z' }]);
  });

  it('networkLayout draws at most `shown` nodes a layer, a gap where some are left out, every connection', () => {
    const layout = networkLayout([784, 64, 32, 10, 3], 150, 96, 6);
    expect(layout.columns.map((column) => column.nodes.length)).toEqual([6, 6, 6, 6, 3]);
    expect(layout.columns.map((column) => column.gapY !== undefined)).toEqual([true, true, true, true, false]);
    expect(layout.edges.length).toBe(6 * 6 * 3 + 6 * 3);
    expect(layout.columns.map((column) => column.x)).toEqual([0, 37.5, 75, 112.5, 150]);
    for (const column of layout.columns) {
      for (const node of column.nodes) expect(node.y).toBeGreaterThan(0);
      for (const node of column.nodes) expect(node.y).toBeLessThan(96);
      // Tenths only: the coordinates are written into the page.
      for (const node of column.nodes) expect(Math.abs(node.y * 10 - Math.round(node.y * 10))).toBeLessThan(1e-9);
    }
  });
});

describe.each([
  { file: 'index.html', illustrative: '예시 값', digitAlt: '손글씨 숫자 7' },
  { file: 'en/index.html', illustrative: 'illustrative', digitAlt: 'a handwritten 7' },
])('the picture on $file', ({ file, illustrative, digitAlt }) => {
  let site: BuiltSite;
  beforeAll(() => {
    site = loadBuiltSite();
  });
  const picture = () => {
    const figure = site.parse(file).querySelector('main figure.classifier-picture');
    if (!figure) throw new Error(`${file} has no figure.classifier-picture`);
    return figure;
  };

  it('is static SVG with a text alternative for each part, in the page language', () => {
    const figure = picture();
    expect(figure.querySelector('script')).toBeNull();
    const pictures = [...figure.querySelectorAll('svg[role="img"]')];
    expect(pictures.map((svg) => svg.classList[0])).toEqual(['digit', 'network', 'bars']);
    for (const svg of pictures) expect(svg.getAttribute('aria-label')!.length).toBeGreaterThan(20);
    expect(pictures[0]!.getAttribute('aria-label')).toContain(digitAlt);
    expect(pictures[2]!.getAttribute('aria-label')).toContain('7: 93.0%');
    for (const arrow of figure.querySelectorAll('svg.arrow')) expect(arrow.getAttribute('aria-hidden')).toBe('true');
  });

  it('says in the caption that the probabilities are illustrative and predicts the real label', () => {
    const figure = picture();
    expect(figure.querySelector('figcaption')!.textContent).toContain(illustrative);
    expect(figure.querySelector('.prediction')!.textContent).toBe('7');
  });

  it('draws the real digit', async () => {
    const digit = await readTestDigit('mnist', 0);
    const drawn = [...picture().querySelectorAll('svg.digit path')].map((path) => path.getAttribute('d'));
    expect(drawn).toEqual(pixelPaths(digit.pixels, digit.width).map((path) => path.d));
  });
});
