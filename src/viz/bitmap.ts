// Draws a small grey-level image as crisp SVG rects. Runs of equal grey in a
// row share one rect, so a 28×28 digit is ~100 rects instead of 784, and the
// ink uses the theme's text colour (dark ink on light pages, light on dark).
import { SVG_NS } from './dom.ts';

/** Appends an <svg> drawing `pixels` (row-major, `max` = full ink). */
export function drawBitmap(
  parent: Element,
  width: number,
  height: number,
  pixels: ArrayLike<number>,
  label: string,
  max = 255,
): SVGSVGElement {
  if (pixels.length !== width * height) {
    throw new Error(`image has ${pixels.length} pixels but width × height is ${width} × ${height} = ${width * height}; pass one grey level per pixel, row by row`);
  }
  const svg = document.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('viewBox', `0 0 ${width} ${height}`);
  svg.setAttribute('width', '100%');
  svg.setAttribute('class', 'viz-bitmap');
  svg.setAttribute('shape-rendering', 'crispEdges');
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', label);
  const title = document.createElementNS(SVG_NS, 'title');
  title.textContent = label;
  svg.append(title);
  const bg = document.createElementNS(SVG_NS, 'rect');
  bg.setAttribute('class', 'viz-bitmap-bg');
  bg.setAttribute('width', String(width));
  bg.setAttribute('height', String(height));
  svg.append(bg);
  const ink = document.createElementNS(SVG_NS, 'g');
  ink.setAttribute('class', 'viz-bitmap-ink');
  // Opacity in 1/50 steps: indistinguishable on screen, and runs merge more.
  const level = (v: number) => Math.round(Math.min(1, Math.max(0, v / max)) * 50) / 50;
  for (let y = 0; y < height; y++) {
    let x = 0;
    while (x < width) {
      const a = level(pixels[y * width + x]);
      let end = x + 1;
      while (end < width && level(pixels[y * width + end]) === a) end++;
      if (a > 0) {
        const r = document.createElementNS(SVG_NS, 'rect');
        r.setAttribute('x', String(x));
        r.setAttribute('y', String(y));
        r.setAttribute('width', String(end - x));
        r.setAttribute('height', '1');
        if (a < 1) r.setAttribute('fill-opacity', String(a));
        ink.append(r);
      }
      x = end;
    }
  }
  svg.append(ink);
  parent.append(svg);
  return svg;
}
