// One small line chart (epochs on x): the building block of the history,
// live-history and comparison pictures.
import * as d3 from 'd3';
import type { Locale } from '../contract/locale.ts';
import { plotArea, xAxis, xLabel, yAxis, yLabel } from './axes.ts';
import { createSvg } from './dom.ts';
import { t } from './strings.ts';
import { fmtLoss } from './format.ts';

export const PANEL_WIDTH = 320;
export const PANEL_HEIGHT = 220;
const margin = { top: 28, right: 14, bottom: 38, left: 50 };

export interface LineSeries {
  key: string;
  label: string;
  values: number[];
  role: 'train' | 'val';
}

export interface PanelSpec {
  title: string;
  yLabel: string;
  series: LineSeries[];
  /** The x axis runs from epoch 1 to this (≥ the data), so live curves grow into place. */
  epochs: number;
  yDomain?: [number, number];
  /** 0-based epoch of the lowest validation loss, marked with a dashed rule. */
  best?: number;
  /** Draw a point on this series at `best`. */
  bestSeries?: string;
  locale: Locale;
  describedBy?: string;
}

/** The y extent of several series, padded a little, for shared scales. */
export function extentOf(values: number[][]): [number, number] {
  const all = values.flat().filter(Number.isFinite);
  if (all.length === 0) return [0, 1];
  let [lo, hi] = d3.extent(all) as [number, number];
  if (lo === hi) {
    lo -= 0.05;
    hi += 0.05;
  }
  const pad = (hi - lo) * 0.05;
  return [lo - pad, hi + pad];
}

export function drawLinePanel(parent: HTMLElement, spec: PanelSpec): SVGSVGElement {
  const svg = createSvg(parent, PANEL_WIDTH, PANEL_HEIGHT, spec.title, spec.describedBy);
  const x = d3
    .scaleLinear()
    .domain([1, Math.max(2, spec.epochs)])
    .range([margin.left, PANEL_WIDTH - margin.right]);
  const y = d3
    .scaleLinear()
    .domain(spec.yDomain ?? extentOf(spec.series.map((s) => s.values)))
    .nice()
    .range([PANEL_HEIGHT - margin.bottom, margin.top]);

  svg.append('text').attr('class', 'viz-panel-title').attr('x', margin.left).attr('y', 16).text(spec.title);

  const xTicks = Math.min(6, Math.max(1, spec.epochs - 1));
  const area = plotArea(PANEL_WIDTH, PANEL_HEIGHT, margin);
  xAxis(svg, d3.axisBottom(x).ticks(xTicks).tickFormat(d3.format('d')), area.bottom);
  yAxis(svg, d3.axisLeft(y).ticks(5), area.left);
  svg
    .append('g')
    .attr('class', 'viz-grid')
    .selectAll('line')
    .data(y.ticks(5))
    .join('line')
    .attr('x1', margin.left)
    .attr('x2', PANEL_WIDTH - margin.right)
    .attr('y1', (d) => y(d))
    .attr('y2', (d) => y(d));
  xLabel(svg, t(spec.locale, 'epochs'), area, PANEL_HEIGHT - 4);
  yLabel(svg, spec.yLabel, area);

  if (spec.best !== undefined && spec.best >= 0) {
    const bx = x(spec.best + 1);
    const g = svg.append('g').attr('class', 'viz-best').attr('data-epoch', spec.best + 1);
    g.append('line').attr('x1', bx).attr('x2', bx).attr('y1', margin.top).attr('y2', PANEL_HEIGHT - margin.bottom);
    const anchor = bx > PANEL_WIDTH / 2 ? 'end' : 'start';
    g.append('text')
      .attr('x', bx + (anchor === 'end' ? -4 : 4))
      .attr('y', margin.top + 10)
      .attr('text-anchor', anchor)
      .text(t(spec.locale, 'bestEpoch', { epoch: spec.best + 1 }));
  }

  const line = d3
    .line<number>()
    .defined((v) => Number.isFinite(v))
    .x((_, i) => x(i + 1))
    .y((v) => y(v));
  for (const s of spec.series) {
    if (s.values.length === 0) continue;
    const g = svg.append('g').attr('class', `viz-series viz-series-${s.role}`).attr('data-key', s.key);
    g.append('path').attr('class', `viz-line viz-line-${s.role}`).attr('d', line(s.values) ?? '');
    // Markers (circles for training, squares for validation) tell the series
    // apart without colour; only drawn while they do not crowd the line.
    if (s.values.length <= 40) {
      const pts = s.values.map((v, i) => [i, v] as const).filter(([, v]) => Number.isFinite(v));
      if (s.role === 'train') {
        g.selectAll('circle').data(pts).join('circle').attr('class', 'viz-point').attr('cx', (d) => x(d[0] + 1)).attr('cy', (d) => y(d[1])).attr('r', 2.2);
      } else {
        g.selectAll('rect').data(pts).join('rect').attr('class', 'viz-point').attr('x', (d) => x(d[0] + 1) - 2.2).attr('y', (d) => y(d[1]) - 2.2).attr('width', 4.4).attr('height', 4.4);
      }
    }
    if (spec.best !== undefined && spec.best >= 0 && s.key === spec.bestSeries && Number.isFinite(s.values[spec.best])) {
      svg
        .select('.viz-best')
        .append('circle')
        .attr('class', 'viz-best-point')
        .attr('cx', x(spec.best + 1))
        .attr('cy', y(s.values[spec.best]))
        .attr('r', 5)
        .append('title')
        .text(`${s.label}: ${fmtLoss(s.values[spec.best])}`);
    }
  }
  return svg.node() as SVGSVGElement;
}
