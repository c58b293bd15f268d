// Horizontal probability bars (0..1). The largest bar is filled with the
// accent colour AND tagged with ◆; the true class gets a dashed outline and ✓.
import * as d3 from 'd3';
import type { Locale } from '../contract/locale.ts';
import { plotArea, xAxis, xLabel } from './axes.ts';
import { createSvg } from './dom.ts';
import { argmax } from './math.ts';
import { t } from './strings.ts';
import { fmtProb } from './format.ts';

export interface BarsSpec {
  values: readonly number[];
  labels: readonly string[];
  title: string;
  locale: Locale;
  trueIndex?: number;
  /** Defaults to the index of the largest value. */
  highlight?: number;
  /** x domain maximum; probabilities use 1. */
  max?: number;
  describedBy?: string;
}

const WIDTH = 320;
const ROW = 22;
const margin = { top: 26, right: 56, bottom: 30, left: 92 };

export function drawBars(parent: HTMLElement, spec: BarsSpec): SVGSVGElement {
  const n = spec.values.length;
  const height = margin.top + n * ROW + margin.bottom;
  const svg = createSvg(parent, WIDTH, height, spec.title, spec.describedBy);
  const top = spec.highlight ?? argmax(spec.values);
  const x = d3
    .scaleLinear()
    .domain([0, spec.max ?? 1])
    .range([margin.left, WIDTH - margin.right]);
  const y = d3
    .scaleBand<number>()
    .domain(d3.range(n))
    .range([margin.top, margin.top + n * ROW])
    .padding(0.2);
  svg.append('text').attr('class', 'viz-panel-title').attr('x', 8).attr('y', 16).text(spec.title);
  xAxis(svg, d3.axisBottom(x).ticks(5), margin.top + n * ROW);
  const rows = svg
    .append('g')
    .attr('class', 'viz-bars')
    .selectAll('g')
    .data(spec.values.map((v, i) => ({ v, i })))
    .join('g')
    .attr('class', (d) => `viz-bar-row${d.i === top ? ' viz-bar-argmax' : ''}${d.i === spec.trueIndex ? ' viz-bar-true' : ''}`)
    .attr('data-index', (d) => d.i);
  rows
    .append('rect')
    .attr('class', 'viz-bar')
    .attr('x', x(0))
    .attr('y', (d) => y(d.i)!)
    .attr('width', (d) => Math.max(0, x(Math.min(spec.max ?? 1, Math.max(0, d.v))) - x(0)))
    .attr('height', y.bandwidth());
  rows
    .filter((d) => d.i === spec.trueIndex)
    .append('rect')
    .attr('class', 'viz-bar-true-outline')
    .attr('x', x(0) - 2)
    .attr('y', (d) => y(d.i)! - 2)
    .attr('width', x(spec.max ?? 1) - x(0) + 4)
    .attr('height', y.bandwidth() + 4);
  rows
    .append('text')
    .attr('class', 'viz-bar-label')
    .attr('x', margin.left - 6)
    .attr('y', (d) => y(d.i)! + y.bandwidth() / 2)
    .attr('dy', '0.35em')
    .attr('text-anchor', 'end')
    .text((d) => `${d.i === spec.trueIndex ? '✓ ' : ''}${spec.labels[d.i] ?? d.i}`);
  rows
    .append('text')
    .attr('class', 'viz-bar-value')
    .attr('x', (d) => x(Math.min(spec.max ?? 1, Math.max(0, d.v))) + 4)
    .attr('y', (d) => y(d.i)! + y.bandwidth() / 2)
    .attr('dy', '0.35em')
    .text((d) => `${fmtProb(d.v)}${d.i === top ? ' ◆' : ''}`);
  xLabel(svg, t(spec.locale, 'probability'), plotArea(WIDTH, height, margin), height - 2);
  return svg.node() as SVGSVGElement;
}

/** A small key for the ◆ / ✓ marks. */
export function barsKey(locale: Locale, withTrue: boolean): string {
  return `◆ ${t(locale, 'argmax')}${withTrue ? ` · ✓ ${t(locale, 'trueClass')}` : ''}`;
}
