// `cross-entropy`: the curve −log p on (0, 1], with the learner's own losses
// placed on it at p = e^−loss ("your loss means the model gave the true class
// this probability").
import * as d3 from 'd3';
import type { Locale } from '../contract/locale.ts';
import type { CrossEntropyPayload } from '../contract/show.ts';
import { plotArea, xAxis, xLabel, yAxis, yLabel } from './axes.ts';
import { clear, createFrame, createSvg, dataTable } from './dom.ts';
import { probabilityFromLoss } from './math.ts';
import { t } from './strings.ts';
import { fmtLoss, fmtProb } from './format.ts';
import type { Rendered } from './types.ts';

const W = 400;
const H = 260;
const margin = { top: 20, right: 16, bottom: 42, left: 50 };

export function renderCrossEntropy(element: HTMLElement, payload: CrossEntropyPayload, options: { locale: Locale }): Rendered<CrossEntropyPayload> {
  const { locale } = options;
  const frame = createFrame(element, 'cross-entropy', payload.title ?? t(locale, 'crossEntropyTitle'));
  const draw = (p: CrossEntropyPayload) => {
    const title = p.title ?? t(locale, 'crossEntropyTitle');
    frame.caption.textContent = title;
    clear(frame.body);
    for (const el of Array.from(frame.alt.children)) if (el.id !== frame.summaryId) el.remove();
    const losses = p.losses.filter((l) => Number.isFinite(l) && l >= 0);
    const yMax = Math.max(5, ...losses.map((l) => l * 1.1));
    // The curve starts where −log p reaches the top of the chart.
    const pMin = Math.exp(-yMax);
    const x = d3.scaleLinear().domain([0, 1]).range([margin.left, W - margin.right]);
    const y = d3.scaleLinear().domain([0, yMax]).nice().range([H - margin.bottom, margin.top]);
    const svg = createSvg(frame.body, W, H, title, frame.summaryId);
    const area = plotArea(W, H, margin);
    xAxis(svg, d3.axisBottom(x).ticks(5), area.bottom);
    yAxis(svg, d3.axisLeft(y).ticks(5), area.left);
    xLabel(svg, t(locale, 'ceX'), area, H - 6);
    yLabel(svg, t(locale, 'ceY'), area);
    // Sample densely near 0, where the curve is steep.
    const ps = d3.range(0, 201).map((i) => pMin * Math.pow(1 / pMin, i / 200));
    const line = d3
      .line<number>()
      .x((v) => x(v))
      .y((v) => y(-Math.log(v)));
    svg.append('path').attr('class', 'viz-line viz-line-curve').attr('d', line(ps) ?? '');
    const labels = p.losses.map((_, i) => p.labels?.[i] ?? `${t(locale, 'yourLoss')} ${p.losses.length > 1 ? i + 1 : ''}`.trim());
    const points = p.losses.map((loss, i) => ({ loss, p: probabilityFromLoss(loss), label: labels[i] })).filter((d) => Number.isFinite(d.loss) && d.loss >= 0);
    const g = svg.append('g').attr('class', 'viz-ce-points').selectAll('g').data(points).join('g').attr('class', 'viz-ce-point');
    g.append('line').attr('class', 'viz-ce-drop').attr('x1', (d) => x(d.p)).attr('x2', (d) => x(d.p)).attr('y1', (d) => y(d.loss)).attr('y2', y(0));
    g.append('circle').attr('cx', (d) => x(d.p)).attr('cy', (d) => y(d.loss)).attr('r', 5);
    g.append('text')
      .attr('x', (d) => x(d.p) + (d.p > 0.6 ? -8 : 8))
      .attr('y', (d) => y(d.loss) - 8)
      .attr('text-anchor', (d) => (d.p > 0.6 ? 'end' : 'start'))
      .text((d) => d.label);
    frame.setSummary(
      [t(locale, 'crossEntropySummary'), ...points.map((d) => t(locale, 'lossPoint', { label: d.label, loss: fmtLoss(d.loss), p: fmtProb(d.p) }))].join(' '),
    );
    frame.alt.append(dataTable(title, ['', t(locale, 'loss'), 'p = e^−loss'], points.map((d) => [d.label, fmtLoss(d.loss), fmtProb(d.p)])));
  };
  draw(payload);
  return { update: draw, destroy: () => frame.figure.remove() };
}
