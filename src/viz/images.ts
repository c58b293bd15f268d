// `images`: a grid of small images with true label and prediction; wrong
// predictions get a thick dashed border and a ✗ mark, not only a colour.
import type { Locale } from '../contract/locale.ts';
import type { ImagesPayload } from '../contract/show.ts';
import { clear, createFrame, dataTable, html } from './dom.ts';
import { drawBitmap } from './bitmap.ts';
import { t } from './strings.ts';
import type { Rendered } from './types.ts';

/** An `images` payload without its kind and title (confusion-matrix cells reuse the grid). */
export type ImageGridInput = Omit<ImagesPayload, 'kind' | 'title'>;

function className(names: string[] | undefined, index: number): string {
  return names && names[index] !== undefined ? `${names[index]}` : String(index);
}

/** Draws the grid into `parent`; returns the hidden table rows for a text alternative. */
export function drawImageGrid(parent: HTMLElement, p: ImageGridInput, locale: Locale): { rows: string[][]; wrong: number } {
  const cols = p.cols && p.cols > 0 ? p.cols : Math.min(p.pixels.length, Math.ceil(Math.sqrt(p.pixels.length)));
  const grid = html('ul', { class: 'viz-image-grid', role: 'list' });
  grid.style.setProperty('--viz-cols', String(Math.max(1, cols)));
  const rows: string[][] = [];
  let wrong = 0;
  p.pixels.forEach((pixels, i) => {
    const label = p.labels?.[i];
    const pred = p.predictions?.[i];
    const known = label !== undefined && pred !== undefined;
    const isWrong = known && label !== pred;
    if (isWrong) wrong++;
    const item = html('li', { class: `viz-image${known ? (isWrong ? ' viz-wrong' : ' viz-right') : ''}` });
    const parts = [t(locale, 'imageAlt', { index: i + 1 })];
    if (label !== undefined) parts.push(`${t(locale, 'label')} ${className(p.classNames, label)}`);
    if (pred !== undefined) parts.push(`${t(locale, 'prediction')} ${className(p.classNames, pred)}`);
    if (known) parts.push(t(locale, isWrong ? 'wrong' : 'correct'));
    drawBitmap(item, p.width, p.height, pixels, parts.join(', '));
    const caption = html('p', { class: 'viz-image-caption', 'aria-hidden': 'true' });
    if (label !== undefined) caption.append(html('span', { class: 'viz-image-label' }, `${t(locale, 'label')}: ${className(p.classNames, label)}`));
    if (pred !== undefined) {
      const predEl = html('span', { class: 'viz-image-pred' }, `${t(locale, 'prediction')}: ${className(p.classNames, pred)}`);
      if (known) predEl.prepend(html('span', { class: 'viz-mark' }, isWrong ? '✗ ' : '✓ '));
      caption.append(predEl);
    }
    item.append(caption);
    grid.append(item);
    rows.push([
      String(i + 1),
      label !== undefined ? className(p.classNames, label) : '–',
      pred !== undefined ? className(p.classNames, pred) : '–',
      known ? t(locale, isWrong ? 'wrong' : 'correct') : '–',
    ]);
  });
  parent.append(grid);
  return { rows, wrong };
}

export function renderImages(element: HTMLElement, payload: ImagesPayload, options: { locale: Locale }): Rendered<ImagesPayload> {
  const { locale } = options;
  const frame = createFrame(element, 'images', payload.title ?? t(locale, 'imagesTitle'));
  const draw = (p: ImagesPayload) => {
    frame.caption.textContent = p.title ?? t(locale, 'imagesTitle');
    clear(frame.body);
    for (const el of Array.from(frame.alt.children)) if (el.id !== frame.summaryId) el.remove();
    const { rows, wrong } = drawImageGrid(frame.body, p, locale);
    const hasPred = p.predictions !== undefined && p.labels !== undefined;
    frame.setSummary(hasPred ? t(locale, 'imagesSummary', { n: p.pixels.length, wrong }) : t(locale, 'imagesSummaryNoPred', { n: p.pixels.length }));
    frame.figure.setAttribute('aria-describedby', frame.summaryId);
    frame.alt.append(dataTable(frame.caption.textContent, [t(locale, 'image'), t(locale, 'label'), t(locale, 'prediction'), ''], rows));
  };
  draw(payload);
  return { update: draw, destroy: () => frame.figure.remove() };
}
