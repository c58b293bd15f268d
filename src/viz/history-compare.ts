// `history-compare`: the chapter's draw_loss_acc, one row per model with loss
// and accuracy, on y scales shared across models so the rows compare.
import type { Locale } from '../contract/locale.ts';
import type { HistoryComparePayload } from '../contract/show.ts';
import { clear, createFrame, html } from './dom.ts';
import { normalizeHistory, lowestIndex } from './history-data.ts';
import { drawHistoryPanels, historyTable, legend } from './history-view.ts';
import { extentOf } from './line-panel.ts';
import { t } from './strings.ts';
import { fmtMetric } from './format.ts';
import type { Rendered } from './types.ts';

export function renderHistoryCompare(element: HTMLElement, payload: HistoryComparePayload, options: { locale: Locale }): Rendered<HistoryComparePayload> {
  const { locale } = options;
  const frame = createFrame(element, 'history-compare', payload.title ?? t(locale, 'compareTitle'));
  const draw = (p: HistoryComparePayload) => {
    frame.caption.textContent = p.title ?? t(locale, 'compareTitle');
    clear(frame.body);
    for (const el of Array.from(frame.alt.children)) if (el.id !== frame.summaryId) el.remove();
    const runs = p.runs.map((r) => ({ label: r.label, h: normalizeHistory(r.series) }));
    const lossDomain = extentOf(runs.flatMap((r) => [r.h.loss, r.h.valLoss]));
    const accDomain = extentOf(runs.flatMap((r) => [r.h.acc, r.h.valAcc]));
    const epochs = Math.max(0, ...runs.map((r) => r.h.epochs));
    const grid = html('div', { class: 'viz-panels viz-compare-grid' });
    frame.body.append(grid);
    const sentences: string[] = [];
    for (const run of runs) {
      drawHistoryPanels(grid, run.h, { locale, caption: run.label, epochs, lossDomain, accDomain, label: run.label }, frame.summaryId);
      frame.alt.append(historyTable(locale, run.h, run.label));
      const best = lowestIndex(run.h.valLoss);
      sentences.push(best >= 0 ? `${run.label}: ${t(locale, 'bestEpochLong', { epoch: best + 1, loss: fmtMetric(run.h.valLoss[best]) })}` : `${run.label}: ${t(locale, 'noValidation')}`);
    }
    frame.body.append(legend(locale));
    frame.setSummary(sentences.join(' '));
  };
  draw(payload);
  return { update: draw, destroy: () => frame.figure.remove() };
}
