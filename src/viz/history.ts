// `history` payload: loss and accuracy curves of one finished fit.
import type { Locale } from '../contract/locale.ts';
import type { HistoryPayload } from '../contract/show.ts';
import { createFrame } from './dom.ts';
import { normalizeHistory } from './history-data.ts';
import { drawHistoryView } from './history-view.ts';
import { t } from './strings.ts';
import type { Rendered } from './types.ts';

export function renderHistory(element: HTMLElement, payload: HistoryPayload, options: { locale: Locale }): Rendered<HistoryPayload> {
  const { locale } = options;
  const title = payload.title ?? t(locale, 'historyTitle');
  const frame = createFrame(element, 'history', title);
  const draw = (p: HistoryPayload) => {
    frame.caption.textContent = p.title ?? t(locale, 'historyTitle');
    drawHistoryView(frame, normalizeHistory(p.series), { locale, caption: frame.caption.textContent });
  };
  draw(payload);
  return {
    update: draw,
    destroy: () => frame.figure.remove(),
  };
}
