// Live training picture fed by `fit-progress` events: a progress bar updated
// per batch and the loss/accuracy curves redrawn once per epoch event. A
// redraw is a whole view (panels and the text table, a row per epoch), so
// past 200 epochs (a tiny model trains thousands a second) redraws come at
// most every 250 ms, and never take more than a tenth of the time; the last
// one always happens.
import type { Locale } from '../contract/locale.ts';
import type { FitProgressPayload, HistorySeries } from '../contract/show.ts';
import { createFrame, html } from './dom.ts';
import { normalizeHistory } from './history-data.ts';
import { drawHistoryView } from './history-view.ts';
import { t } from './strings.ts';
import { fmtMetric } from './format.ts';

export interface LiveHistory {
  /** Feed one fit-progress event (begin, batch, epoch or end). */
  push(payload: FitProgressPayload): void;
  /** The history gathered so far, Keras-style. */
  series(): HistorySeries;
  /**
   * The run is over (finished, stopped or failed). A fit cut short loses its
   * time estimate, which nothing will update any more. False when no epoch
   * was recorded: an empty chart is noise, the caller drops it.
   */
  settle(): boolean;
  destroy(): void;
}

const LIVE_EPOCHS = 200;
const LONG_EVERY_MS = 250;

export function formatDuration(locale: Locale, ms: number): string {
  const total = Math.max(0, Math.round(ms / 1000));
  const m = Math.floor(total / 60);
  const s = total % 60;
  return m > 0 ? t(locale, 'minutesSeconds', { m, s }) : t(locale, 'seconds', { n: s });
}

export function createLiveHistory(element: HTMLElement, options: { locale: Locale; title?: string }): LiveHistory {
  const { locale } = options;
  const frame = createFrame(element, 'live-history', options.title ?? t(locale, 'progressTitle'));
  const progress = html('progress', { class: 'viz-progress', max: 1, value: 0 });
  const status = html('p', { class: 'viz-status' });
  // Announce once per epoch only: per-batch announcements would drown the reader.
  const announcer = html('p', { class: 'viz-sr-only', 'aria-live': 'polite' });
  const chart = html('div', { class: 'viz-live-chart' });
  frame.body.before(progress, status, announcer);
  frame.body.append(chart);
  progress.setAttribute('aria-label', t(locale, 'progressTitle'));

  let series: HistorySeries = {};
  let epochs = 0;
  let ended = false;

  const draw = () => drawHistoryView(frame, normalizeHistory(series), { locale, caption: frame.caption.textContent ?? '', epochs });
  let cost = 0;
  let drawnAt = -Infinity;
  let pending: ReturnType<typeof setTimeout> | undefined;
  const redrawNow = () => {
    clearTimeout(pending);
    pending = undefined;
    const start = performance.now();
    draw();
    drawnAt = performance.now();
    cost = drawnAt - start;
  };
  const redraw = () => {
    const long = Object.values(series).some((values) => values.length > LIVE_EPOCHS);
    const wait = long ? drawnAt + Math.max(LONG_EVERY_MS, cost * 10) - performance.now() : 0;
    if (wait <= 0) redrawNow();
    else pending ??= setTimeout(redrawNow, wait);
  };

  const statusText = (p: FitProgressPayload, fraction: number) => {
    const parts = [t(locale, 'progressStatus', { epoch: Math.min(p.epoch + 1, p.epochs), epochs: p.epochs })];
    if (p.batch !== undefined && p.batches) parts.push(t(locale, 'progressBatch', { batch: p.batch + 1, batches: p.batches }));
    if (fraction > 0 && fraction < 1 && p.elapsedMs > 0) {
      parts.push(t(locale, 'progressEta', { eta: formatDuration(locale, (p.elapsedMs / fraction) * (1 - fraction)) }));
    }
    return parts.join(' · ');
  };

  redrawNow();
  return {
    push(p) {
      if (p.title) frame.caption.textContent = p.title;
      epochs = Math.max(epochs, p.epochs);
      if (p.phase === 'begin') {
        series = {};
        progress.value = 0;
        status.textContent = statusText(p, 0);
        redraw();
        return;
      }
      if (p.phase === 'batch') {
        const perEpoch = p.batches && p.batches > 0 ? ((p.batch ?? 0) + 1) / p.batches : 0;
        const fraction = Math.min(1, (p.epoch + perEpoch) / Math.max(1, p.epochs));
        progress.value = fraction;
        status.textContent = statusText(p, fraction);
        return;
      }
      if (p.phase === 'epoch') {
        for (const { epoch, logs } of [...(p.earlier ?? []), { epoch: p.epoch, logs: p.logs }]) {
          for (const [key, value] of Object.entries(logs ?? {})) {
            const values = (series[key] ??= []);
            values[epoch] = value;
          }
        }
        const fraction = Math.min(1, (p.epoch + 1) / Math.max(1, p.epochs));
        progress.value = fraction;
        status.textContent = statusText({ ...p, batch: undefined }, fraction);
        const metrics = Object.entries(p.logs ?? {})
          .map(([k, v]) => `${k} ${fmtMetric(v)}`)
          .join(', ');
        announcer.textContent = t(locale, 'progressEpochDone', { epoch: p.epoch + 1, epochs: p.epochs, metrics });
        redraw();
        return;
      }
      // end
      ended = true;
      if (pending !== undefined) redrawNow();
      progress.value = 1;
      const done = normalizeHistory(series).epochs;
      status.textContent = t(locale, 'progressDone', { epochs: done, time: formatDuration(locale, p.elapsedMs) });
      announcer.textContent = status.textContent;
    },
    series: () => structuredClone(series),
    settle() {
      if (pending !== undefined) redrawNow();
      const recorded = normalizeHistory(series).epochs;
      if (!ended && recorded > 0) status.textContent = t(locale, 'progressEnded', { epochs: recorded });
      ended = true;
      return recorded > 0;
    },
    destroy: () => {
      clearTimeout(pending);
      frame.figure.remove();
    },
  };
}
