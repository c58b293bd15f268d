// Draws loss and accuracy side by side (training vs validation) with the
// lowest-validation-loss epoch marked; shared by the static and live history.
import type { Locale } from '../contract/locale.ts';
import { clear, dataTable, html } from './dom.ts';
import { lowestIndex, type NormalHistory } from './history-data.ts';
import { drawLinePanel } from './line-panel.ts';
import { t } from './strings.ts';
import { fmtMetric } from './format.ts';

export interface HistoryViewTarget {
  body: HTMLElement;
  alt: HTMLElement;
  summaryId: string;
  setSummary(text: string): void;
}

/** The legend under the panels: colour AND line style tell the series apart. */
export function legend(locale: Locale): HTMLElement {
  const list = html('ul', { class: 'viz-legend' });
  for (const [role, key] of [
    ['train', 'train'],
    ['val', 'validation'],
  ] as const) {
    const item = html('li');
    item.append(html('span', { class: `viz-swatch viz-swatch-${role}`, 'aria-hidden': 'true' }), document.createTextNode(t(locale, key)));
    list.append(item);
  }
  return list;
}

/** Rows a history's text table keeps; past it, evenly spaced epochs (plus the best and the last). */
export const MAX_TABLE_ROWS = 100;

/** The epochs (0-based) the table lists: every one up to MAX_TABLE_ROWS, else a readable sample. */
export function tableEpochs(h: NormalHistory): number[] {
  if (h.epochs <= MAX_TABLE_ROWS) return Array.from({ length: h.epochs }, (_, i) => i);
  const stride = Math.ceil(h.epochs / MAX_TABLE_ROWS);
  const chosen = new Set<number>();
  for (let i = 0; i < h.epochs; i += stride) chosen.add(i);
  const best = lowestIndex(h.valLoss);
  if (best >= 0) chosen.add(best);
  chosen.add(h.epochs - 1);
  return [...chosen].sort((a, b) => a - b);
}

export function historyTable(locale: Locale, h: NormalHistory, caption: string): HTMLTableElement {
  // A row per epoch for thousands of epochs would be unreadable, and
  // redrawing it live would stall the page.
  const epochs = tableEpochs(h);
  const rows = epochs.map((i) => [i + 1, ...[h.loss, h.valLoss, h.acc, h.valAcc].filter((s) => s.length > 0).map((s) => (i < s.length ? fmtMetric(s[i]) : '–'))]);
  if (epochs.length < h.epochs) caption = `${caption} ${t(locale, 'tableSampled', { shown: epochs.length, epochs: h.epochs })}`;
  const head = [t(locale, 'epoch')];
  if (h.loss.length) head.push(t(locale, 'trainLoss'));
  if (h.valLoss.length) head.push(t(locale, 'valLoss'));
  if (h.acc.length) head.push(t(locale, 'trainAcc'));
  if (h.valAcc.length) head.push(t(locale, 'valAcc'));
  return dataTable(caption, head, rows);
}

export function historySummary(locale: Locale, h: NormalHistory): string {
  if (h.epochs === 0) return t(locale, 'historyEmpty');
  const best = lowestIndex(h.valLoss);
  if (best < 0) return t(locale, 'noValidation');
  return t(locale, 'bestEpochLong', { epoch: best + 1, loss: fmtMetric(h.valLoss[best]) });
}

export interface DrawHistoryOptions {
  locale: Locale;
  caption: string;
  /** Fix the x axis to this many epochs (live training knows the total). */
  epochs?: number;
  lossDomain?: [number, number];
  accDomain?: [number, number];
  /** Prefix for panel titles, e.g. the model's name in a comparison. */
  label?: string;
}

/** Draws the two panels into `panels` and returns nothing; the caller owns the frame. */
export function drawHistoryPanels(panels: HTMLElement, h: NormalHistory, o: DrawHistoryOptions, describedBy: string): void {
  const best = lowestIndex(h.valLoss);
  const epochs = Math.max(o.epochs ?? 0, h.epochs);
  const prefix = o.label ? `${o.label} · ` : '';
  drawLinePanel(panels, {
    title: prefix + t(o.locale, 'loss'),
    yLabel: t(o.locale, 'loss'),
    series: [
      { key: 'loss', label: t(o.locale, 'trainLoss'), values: h.loss, role: 'train' },
      { key: 'val_loss', label: t(o.locale, 'valLoss'), values: h.valLoss, role: 'val' },
    ],
    epochs,
    yDomain: o.lossDomain,
    best: best >= 0 ? best : undefined,
    bestSeries: 'val_loss',
    locale: o.locale,
    describedBy,
  });
  if (h.acc.length || h.valAcc.length) {
    drawLinePanel(panels, {
      title: prefix + t(o.locale, 'accuracy'),
      yLabel: t(o.locale, 'accuracy'),
      series: [
        { key: 'acc', label: t(o.locale, 'trainAcc'), values: h.acc, role: 'train' },
        { key: 'val_acc', label: t(o.locale, 'valAcc'), values: h.valAcc, role: 'val' },
      ],
      epochs,
      yDomain: o.accDomain,
      best: best >= 0 ? best : undefined,
      locale: o.locale,
      describedBy,
    });
  }
}

/** Redraws a whole history view (panels, legend, hidden table, summary). */
export function drawHistoryView(target: HistoryViewTarget, h: NormalHistory, o: DrawHistoryOptions): void {
  clear(target.body);
  for (const el of Array.from(target.alt.children)) if (el.id !== target.summaryId) el.remove();
  const panels = html('div', { class: 'viz-panels' });
  target.body.append(panels);
  drawHistoryPanels(panels, h, o, target.summaryId);
  target.body.append(legend(o.locale));
  target.setSummary(historySummary(o.locale, h));
  target.alt.append(historyTable(o.locale, h, o.caption));
}
