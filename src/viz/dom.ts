// Small DOM helpers every renderer shares: the accessible <figure> frame,
// SVGs that scale with their container, and visually hidden data tables.
import * as d3 from 'd3';
import { uid } from './ids.ts';

export const SVG_NS = 'http://www.w3.org/2000/svg';

export function html<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | number | boolean | undefined> = {},
  text?: string,
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === false) continue;
    el.setAttribute(name, value === true ? '' : String(value));
  }
  if (text !== undefined) el.textContent = text;
  return el;
}

export interface Frame {
  figure: HTMLElement;
  caption: HTMLElement;
  /** Where the visible picture goes. */
  body: HTMLElement;
  /** Visually hidden text alternative (summary sentence and tables). */
  alt: HTMLElement;
  /** The id of the one-sentence summary, for aria-describedby. */
  summaryId: string;
  setSummary(text: string): void;
}

/**
 * <figure class="viz viz-KIND"> with a caption, a body for the picture and a
 * visually hidden part with a summary sentence and tables for screen readers.
 */
export function createFrame(element: HTMLElement, kind: string, title: string): Frame {
  const figure = html('figure', { class: `viz viz-${kind}` });
  const captionId = uid('caption');
  const summaryId = uid('summary');
  figure.setAttribute('aria-labelledby', captionId);
  const caption = html('figcaption', { id: captionId, class: 'viz-caption' }, title);
  const body = html('div', { class: 'viz-body' });
  const alt = html('div', { class: 'viz-sr-only' });
  const summary = html('p', { id: summaryId });
  alt.append(summary);
  figure.append(caption, body, alt);
  element.append(figure);
  return {
    figure,
    caption,
    body,
    alt,
    summaryId,
    setSummary(text: string) {
      summary.textContent = text;
    },
  };
}

/** An SVG that fills its container's width and keeps its aspect ratio. */
export function createSvg(
  parent: HTMLElement,
  width: number,
  height: number,
  label: string,
  describedBy?: string,
): d3.Selection<SVGSVGElement, unknown, null, undefined> {
  const svg = d3
    .select(parent)
    .append('svg')
    .attr('viewBox', `0 0 ${width} ${height}`)
    .attr('width', '100%')
    .attr('preserveAspectRatio', 'xMidYMid meet')
    .attr('role', 'img')
    .attr('aria-label', label)
    .attr('class', 'viz-svg');
  if (describedBy) svg.attr('aria-describedby', describedBy);
  // <title> gives a tooltip and a name for assistive tech that ignores aria-label.
  svg.append('title').text(label);
  return svg;
}

/** A data table; `hidden` makes it visually hidden but readable by screen readers. */
export function dataTable(caption: string, head: string[], rows: (string | number)[][]): HTMLTableElement {
  const table = html('table', { class: 'viz-table' });
  table.append(html('caption', {}, caption));
  const thead = html('thead');
  const headRow = html('tr');
  for (const h of head) headRow.append(html('th', { scope: 'col' }, h));
  thead.append(headRow);
  const tbody = html('tbody');
  for (const row of rows) {
    const tr = html('tr');
    row.forEach((cell, i) => tr.append(i === 0 ? html('th', { scope: 'row' }, String(cell)) : html('td', {}, String(cell))));
    tbody.append(tr);
  }
  table.append(thead, tbody);
  return table;
}

/** Removes everything a renderer added. */
export function clear(el: Element): void {
  while (el.firstChild) el.removeChild(el.firstChild);
}
