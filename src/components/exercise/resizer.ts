// The bar between the editor and the output in the side-by-side workspace:
// a focusable separator (arrow keys, Home/End) that pointers can drag. It
// sets --exercise-split, the editor column's share of the workspace; Monaco
// follows through automaticLayout (editor.ts). The learner's last split is
// kept for every exercise of the course, outside the progress (it is a
// preference, not work to export).
import type { Locale } from '../../contract/locale.ts';
import { readItem, writeItem } from '../../progress/storage.ts';
import { text } from './strings.ts';

const MIN = 25;
const MAX = 75;
const START = 55;
const STEP = 5;
const SAVED_SPLIT_KEY = 'mnist-course:workspace-split';

function savedSplit(): number {
  const saved = Number(readItem(SAVED_SPLIT_KEY));
  return Number.isFinite(saved) && saved >= MIN && saved <= MAX ? saved : START;
}

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
  set(savedSplit());
  // Where storage is blocked, the split lasts for this page (drafts already say so).
  const keep = () => void writeItem(SAVED_SPLIT_KEY, String(value));

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
    keep();
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
    keep();
    if (separator.hasPointerCapture(event.pointerId)) separator.releasePointerCapture(event.pointerId);
  };
  separator.addEventListener('pointerup', release);
  separator.addEventListener('pointercancel', release);
}
