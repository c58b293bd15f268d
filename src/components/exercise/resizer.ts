// The bar between the editor and the output in the side-by-side workspace:
// a focusable separator (arrow keys, Home/End) that pointers can drag. It
// sets --exercise-split, the editor column's share of the workspace; Monaco
// follows through automaticLayout (editor.ts).
import type { Locale } from '../../contract/locale.ts';
import { text } from './strings.ts';

const MIN = 25;
const MAX = 75;
const START = 55;
const STEP = 5;

export function attachResizer(separator: HTMLElement, workspace: HTMLElement, locale: Locale): void {
  separator.setAttribute('aria-label', text(locale, 'resizerLabel'));
  separator.setAttribute('aria-valuemin', String(MIN));
  separator.setAttribute('aria-valuemax', String(MAX));
  let value = START;
  const set = (percent: number) => {
    value = Math.round(Math.min(MAX, Math.max(MIN, percent)));
    workspace.style.setProperty('--exercise-split', `${value}%`);
    separator.setAttribute('aria-valuenow', String(value));
    separator.setAttribute('aria-valuetext', text(locale, 'resizerValue', { percent: value }));
  };
  set(START);

  const keys: Record<string, () => number> = {
    ArrowLeft: () => value - STEP,
    ArrowDown: () => value - STEP,
    ArrowRight: () => value + STEP,
    ArrowUp: () => value + STEP,
    Home: () => MIN,
    End: () => MAX,
  };
  separator.addEventListener('keydown', (event) => {
    const next = keys[event.key];
    if (!next) return;
    event.preventDefault();
    set(next());
  });

  const follow = (event: PointerEvent) => {
    const box = workspace.getBoundingClientRect();
    if (box.width > 0) set((100 * (event.clientX - box.left)) / box.width);
  };
  separator.addEventListener('pointerdown', (event) => {
    if (event.button !== 0) return;
    event.preventDefault();
    separator.setPointerCapture(event.pointerId);
    separator.addEventListener('pointermove', follow);
  });
  const release = (event: PointerEvent) => {
    separator.removeEventListener('pointermove', follow);
    if (separator.hasPointerCapture(event.pointerId)) separator.releasePointerCapture(event.pointerId);
  };
  separator.addEventListener('pointerup', release);
  separator.addEventListener('pointercancel', release);
}
