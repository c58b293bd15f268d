// The viz pieces the pad draws with, loaded together on first use so d3 is
// not part of the page's first paint.
import '../../viz/viz.css';
export { drawBitmap } from '../../viz/bitmap.ts';
export { drawBars, barsKey } from '../../viz/bars.ts';
export { clear } from '../../viz/dom.ts';
