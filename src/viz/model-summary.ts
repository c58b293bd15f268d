// `model-summary`: Keras's model.summary() layout as a real table, so it is
// readable by screen readers as it is, with the totals in Keras's format
// ("101,770 (397.54 KB)"). Column titles stay as Keras prints them.
import type { Locale } from '../contract/locale.ts';
import type { ModelSummaryPayload } from '../contract/show.ts';
import { clear, createFrame, html } from './dom.ts';
import { t } from './strings.ts';
import { fmtInt, formatParams, formatShape } from './format.ts';
import type { Rendered } from './types.ts';

export function renderModelSummary(element: HTMLElement, payload: ModelSummaryPayload, options: { locale: Locale }): Rendered<ModelSummaryPayload> {
  const { locale } = options;
  const frame = createFrame(element, 'model-summary', payload.title ?? t(locale, 'summaryTitle'));
  const draw = (p: ModelSummaryPayload) => {
    frame.caption.textContent = p.title ?? t(locale, 'summaryTitle');
    clear(frame.body);
    const box = html('div', { class: 'viz-summary' });
    box.append(html('p', { class: 'viz-summary-model' }, `Model: "${p.modelName}"`));
    const table = html('table', { class: 'viz-summary-table', 'aria-describedby': frame.summaryId });
    table.append(html('caption', { class: 'viz-sr-only' }, `${t(locale, 'summaryTitle')}: ${p.modelName}`));
    const head = html('tr');
    for (const h of [t(locale, 'layerType'), t(locale, 'outputShape'), t(locale, 'paramCount')]) head.append(html('th', { scope: 'col' }, h));
    const thead = html('thead');
    thead.append(head);
    const tbody = html('tbody');
    for (const layer of p.layers) {
      const tr = html('tr', { class: layer.trainable ? undefined : 'viz-frozen' });
      tr.append(
        html('th', { scope: 'row' }, `${layer.name} (${layer.className})`),
        html('td', {}, formatShape(layer.outputShape)),
        html('td', { class: 'viz-num' }, fmtInt(layer.params)),
      );
      tbody.append(tr);
    }
    table.append(thead, tbody);
    box.append(table);
    const totals = html('dl', { class: 'viz-summary-totals' });
    for (const [key, count] of [
      ['totalParams', p.totalParams],
      ['trainableParams', p.trainableParams],
      ['nonTrainableParams', p.nonTrainableParams],
    ] as const) {
      const row = html('div');
      row.append(html('dt', {}, `${t(locale, key)}:`), html('dd', {}, formatParams(count)));
      totals.append(row);
    }
    box.append(totals);
    frame.body.append(box);
    const sum = p.layers.reduce((a, l) => a + l.params, 0);
    frame.setSummary(
      `${p.layers.length} layers; ${t(locale, 'totalParams')}: ${formatParams(p.totalParams)}` +
        (sum !== p.totalParams ? ` (layer rows add up to ${fmtInt(sum)})` : ''),
    );
  };
  draw(payload);
  return { update: draw, destroy: () => frame.figure.remove() };
}
