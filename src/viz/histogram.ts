// `histogram`: small multiples, one panel per series (e.g. raw pixels, then
// after min-max, robust and standard scaling), each on its own x range since
// scaling changes the range; the y axis is the count per bin.
import * as d3 from 'd3';
import type { Locale } from '../contract/locale.ts';
import type { HistogramPayload } from '../contract/show.ts';
import { plotArea, xAxis, xLabel, yAxis, yLabel } from './axes.ts';
import { clear, createFrame, createSvg, dataTable, html } from './dom.ts';
import { t } from './strings.ts';
import { fmtInt } from './format.ts';
import type { Rendered } from './types.ts';

const W = 320;
const H = 200;
const margin = { top: 26, right: 12, bottom: 38, left: 54 };
const fmtX = d3.format('~g');

type Series = HistogramPayload['series'][number];

function drawPanel(parent: HTMLElement, s: Series, index: number, locale: Locale, describedBy: string): void {
  const svg = createSvg(parent, W, H, s.label, describedBy);
  const bins = s.bins.filter((b) => Number.isFinite(b.x0) && Number.isFinite(b.x1));
  const lo = d3.min(bins, (b) => b.x0) ?? 0;
  let hi = d3.max(bins, (b) => b.x1) ?? 1;
  if (hi === lo) hi = lo + 1;
  const x = d3.scaleLinear().domain([lo, hi]).range([margin.left, W - margin.right]);
  const y = d3
    .scaleLinear()
    .domain([0, d3.max(bins, (b) => b.count) ?? 1])
    .nice()
    .range([H - margin.bottom, margin.top]);
  svg.append('text').attr('class', 'viz-panel-title').attr('x', margin.left).attr('y', 16).text(s.label);
  svg
    .append('g')
    .attr('class', `viz-hist-bars viz-series-${index % 2 === 0 ? 'train' : 'val'}`)
    .selectAll('rect')
    .data(bins)
    .join('rect')
    .attr('class', 'viz-hist-bar')
    .attr('x', (b) => x(b.x0))
    .attr('y', (b) => y(b.count))
    .attr('width', (b) => Math.max(0.5, x(b.x1) - x(b.x0) - 0.5))
    .attr('height', (b) => y(0) - y(b.count));
  const area = plotArea(W, H, margin);
  xAxis(svg, d3.axisBottom(x).ticks(5).tickFormat((d) => fmtX(d as number)), area.bottom);
  yAxis(svg, d3.axisLeft(y).ticks(4, '~s'), area.left);
  xLabel(svg, t(locale, 'value'), area, H - 4);
  yLabel(svg, t(locale, 'count'), area);
}

export function renderHistogram(element: HTMLElement, payload: HistogramPayload, options: { locale: Locale }): Rendered<HistogramPayload> {
  const { locale } = options;
  const frame = createFrame(element, 'histogram', payload.title ?? t(locale, 'histogramTitle'));
  const draw = (p: HistogramPayload) => {
    frame.caption.textContent = p.title ?? t(locale, 'histogramTitle');
    clear(frame.body);
    for (const el of Array.from(frame.alt.children)) if (el.id !== frame.summaryId) el.remove();
    const panels = html('div', { class: 'viz-panels' });
    frame.body.append(panels);
    const sentences: string[] = [];
    p.series.forEach((s, i) => {
      drawPanel(panels, s, i, locale, frame.summaryId);
      const total = d3.sum(s.bins, (b) => b.count);
      sentences.push(
        t(locale, 'histogramSummary', {
          label: s.label,
          min: fmtX(d3.min(s.bins, (b) => b.x0) ?? 0),
          max: fmtX(d3.max(s.bins, (b) => b.x1) ?? 0),
          total: fmtInt(total),
        }),
      );
      frame.alt.append(
        dataTable(
          s.label,
          [t(locale, 'bin'), t(locale, 'count')],
          s.bins.map((b) => [`${fmtX(b.x0)} – ${fmtX(b.x1)}`, fmtInt(b.count)]),
        ),
      );
    });
    frame.setSummary(sentences.join('. ') + '.');
  };
  draw(payload);
  return { update: draw, destroy: () => frame.figure.remove() };
}
