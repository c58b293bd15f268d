// What a run printed, as the grader keeps it: at most MAX_OUTPUT_LINES
// entries (one per console call) and MAX_OUTPUT_CHARS characters in all, the
// last kept entry cut to fit. Past the cap it only counts that more came, so
// a flood of output costs the page nothing but the messages themselves.
import { capString } from './valid-checks.ts';

export const MAX_OUTPUT_LINES = 200;
export const MAX_OUTPUT_CHARS = 64 * 1024;

export class OutputBuffer {
  readonly lines: string[] = [];
  truncated = false;
  #chars = 0;

  /** Anything that is not a string (a forged console event) is dropped. */
  push(text: unknown): void {
    if (typeof text !== 'string' || this.truncated) return;
    const room = MAX_OUTPUT_CHARS - this.#chars;
    if (this.lines.length >= MAX_OUTPUT_LINES || room <= 0) {
      this.truncated = true;
      return;
    }
    const kept = text.length > room ? capString(text, room) : text;
    if (kept !== text) this.truncated = true;
    this.lines.push(kept);
    this.#chars += kept.length;
  }
}
