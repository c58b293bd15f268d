// `model-graph`: boxes and arrows like keras.utils.plot_model(show_shapes=True,
// show_layer_names=True). Layers are placed in rows by their longest path
// from an input, so a Sequential model is one column and branches spread out.
import * as d3 from 'd3';
import type { Locale } from '../contract/locale.ts';
import type { ModelGraphPayload, ModelLayerRow } from '../contract/show.ts';
import { clear, createFrame, createSvg, dataTable } from './dom.ts';
import { uid } from './ids.ts';
import { t } from './strings.ts';
import { formatShape } from './format.ts';
import type { Rendered } from './types.ts';

const BOX_W = 260;
const BOX_H = 62;
const GAP_X = 20;
const GAP_Y = 34;
const PAD = 10;

export function formatInputShapes(shapes: (number | null)[][]): string {
  if (shapes.length === 0) return '–';
  return shapes.length === 1 ? formatShape(shapes[0]) : `[${shapes.map(formatShape).join(', ')}]`;
}

/** Row index of each layer: 0 for inputs, else 1 + the deepest inbound layer. */
export function layerDepths(layers: readonly ModelLayerRow[]): Map<string, number> {
  const byName = new Map(layers.map((l) => [l.name, l]));
  const depth = new Map<string, number>();
  const visit = (name: string, stack: Set<string>): number => {
    const known = depth.get(name);
    if (known !== undefined) return known;
    const layer = byName.get(name);
    if (!layer || stack.has(name)) return -1;
    stack.add(name);
    const d = layer.inbound.length === 0 ? 0 : 1 + Math.max(-1, ...layer.inbound.map((n) => visit(n, stack)));
    stack.delete(name);
    depth.set(name, d);
    return d;
  };
  for (const l of layers) visit(l.name, new Set());
  return depth;
}

export function renderModelGraph(element: HTMLElement, payload: ModelGraphPayload, options: { locale: Locale }): Rendered<ModelGraphPayload> {
  const { locale } = options;
  const frame = createFrame(element, 'model-graph', payload.title ?? t(locale, 'graphTitle'));
  const draw = (p: ModelGraphPayload) => {
    const title = p.title ?? t(locale, 'graphTitle');
    frame.caption.textContent = title;
    clear(frame.body);
    for (const el of Array.from(frame.alt.children)) if (el.id !== frame.summaryId) el.remove();
    const depths = layerDepths(p.layers);
    const rows = d3.group(p.layers, (l) => depths.get(l.name) ?? 0);
    const rowCount = Math.max(1, ...Array.from(rows.keys(), (k) => k + 1));
    const widest = Math.max(1, ...Array.from(rows.values(), (r) => r.length));
    const width = PAD * 2 + widest * BOX_W + (widest - 1) * GAP_X;
    const height = PAD * 2 + rowCount * BOX_H + (rowCount - 1) * GAP_Y;
    const pos = new Map<string, { x: number; y: number }>();
    for (const [depth, row] of rows) {
      const rowWidth = row.length * BOX_W + (row.length - 1) * GAP_X;
      row.forEach((l, i) => pos.set(l.name, { x: (width - rowWidth) / 2 + i * (BOX_W + GAP_X), y: PAD + depth * (BOX_H + GAP_Y) }));
    }
    const svg = createSvg(frame.body, width, height, `${title}: ${p.modelName}`, frame.summaryId);
    svg.style('max-width', `${width * 1.3}px`);
    const arrowId = uid('arrow');
    svg
      .append('defs')
      .append('marker')
      .attr('id', arrowId)
      .attr('viewBox', '0 0 10 10')
      .attr('refX', 10)
      .attr('refY', 5)
      .attr('markerWidth', 7)
      .attr('markerHeight', 7)
      .attr('orient', 'auto-start-reverse')
      .append('path')
      .attr('class', 'viz-arrowhead')
      .attr('d', 'M0,0L10,5L0,10z');
    const edges = p.layers.flatMap((l) => l.inbound.filter((n) => pos.has(n)).map((from) => ({ from, to: l.name })));
    svg
      .append('g')
      .attr('class', 'viz-edges')
      .selectAll('path')
      .data(edges)
      .join('path')
      .attr('class', 'viz-edge')
      .attr('data-from', (e) => e.from)
      .attr('data-to', (e) => e.to)
      .attr('marker-end', `url(#${arrowId})`)
      .attr('d', (e) => {
        const a = pos.get(e.from)!;
        const b = pos.get(e.to)!;
        const x1 = a.x + BOX_W / 2;
        const y1 = a.y + BOX_H;
        const x2 = b.x + BOX_W / 2;
        const y2 = b.y;
        const my = (y1 + y2) / 2;
        return `M${x1},${y1}C${x1},${my} ${x2},${my} ${x2},${y2}`;
      });
    const nodes = svg
      .append('g')
      .attr('class', 'viz-nodes')
      .selectAll('g')
      .data(p.layers)
      .join('g')
      .attr('class', 'viz-node')
      .attr('data-name', (l) => l.name)
      .attr('transform', (l) => `translate(${pos.get(l.name)!.x},${pos.get(l.name)!.y})`);
    nodes.append('rect').attr('width', BOX_W).attr('height', BOX_H).attr('rx', 4);
    nodes.append('line').attr('class', 'viz-node-rule').attr('x1', 0).attr('x2', BOX_W).attr('y1', 22).attr('y2', 22);
    nodes
      .append('text')
      .attr('class', 'viz-node-name')
      .attr('x', 10)
      .attr('y', 15)
      .text((l) => `${l.name} (${l.className})`);
    nodes
      .append('text')
      .attr('class', 'viz-node-shape')
      .attr('x', 10)
      .attr('y', 38)
      .text((l) => `${t(locale, 'input')}: ${formatInputShapes(l.inputShape)}`);
    nodes
      .append('text')
      .attr('class', 'viz-node-shape')
      .attr('x', 10)
      .attr('y', 54)
      .text((l) => `${t(locale, 'output')}: ${formatShape(l.outputShape)}`);
    const chain = p.layers.map((l) => `${l.name} (${l.className})`).join(' → ');
    frame.setSummary(t(locale, 'graphSummary', { n: p.layers.length, chain }));
    frame.alt.append(
      dataTable(
        title,
        [t(locale, 'layerType'), t(locale, 'input'), t(locale, 'output'), '←'],
        p.layers.map((l) => [`${l.name} (${l.className})`, formatInputShapes(l.inputShape), formatShape(l.outputShape), l.inbound.join(', ') || '–']),
      ),
    );
  };
  draw(payload);
  return { update: draw, destroy: () => frame.figure.remove() };
}
