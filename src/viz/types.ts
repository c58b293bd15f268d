import type { Locale } from '../contract/locale.ts';

/** What every renderer returns: redraw with a new payload, or remove itself. */
export interface Rendered<P> {
  update(payload: P): void;
  destroy(): void;
}

export interface RenderOptions {
  locale: Locale;
}
