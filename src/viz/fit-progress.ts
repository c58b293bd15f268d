// `fit-progress` payloads: one live history per fit (fitId), so two models
// trained in one run get two pictures.
import type { Locale } from '../contract/locale.ts';
import type { FitProgressPayload } from '../contract/show.ts';
import { html } from './dom.ts';
import { createLiveHistory, type LiveHistory } from './live-history.ts';
import type { Rendered } from './types.ts';

export function renderFitProgress(element: HTMLElement, payload: FitProgressPayload, options: { locale: Locale }): Rendered<FitProgressPayload> {
  const container = html('div', { class: 'viz-fits' });
  element.append(container);
  const fits = new Map<number, LiveHistory>();
  const push = (p: FitProgressPayload) => {
    let live = fits.get(p.fitId);
    if (!live) {
      const slot = html('div', { class: 'viz-fit', 'data-fit-id': p.fitId });
      container.append(slot);
      live = createLiveHistory(slot, { locale: options.locale, title: p.title });
      fits.set(p.fitId, live);
    }
    live.push(p);
  };
  push(payload);
  return {
    update: push,
    destroy: () => {
      for (const live of fits.values()) live.destroy();
      container.remove();
    },
  };
}
