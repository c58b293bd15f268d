// The pictures a run drew (`show` payloads), as the gradebook page keeps them
// for a teacher to open on demand: at most MAX_PICTURES, MAX_PICTURE_CHARS of
// JSON in all; the live training stream (fit-progress) is not a picture of
// its own. Payloads arrive as structured clones (data, no code); anything
// that is not an object with a string `kind` is dropped, and the renderers
// draw what is left inside a try (components/gradebook/pictures.ts).
import type { ShowPayload } from '../../contract/show.ts';

export const MAX_PICTURES = 12;
export const MAX_PICTURE_CHARS = 2 * 1024 * 1024;

export class PictureBuffer {
  readonly pictures: ShowPayload[] = [];
  #chars = 0;

  push(payload: unknown): void {
    if (this.pictures.length >= MAX_PICTURES || typeof payload !== 'object' || payload === null) return;
    const kind = (payload as { kind?: unknown }).kind;
    if (typeof kind !== 'string' || kind === 'fit-progress') return;
    let size: number;
    try {
      size = JSON.stringify(payload).length;
    } catch {
      return;
    }
    if (this.#chars + size > MAX_PICTURE_CHARS) return;
    this.#chars += size;
    this.pictures.push(payload as ShowPayload);
  }
}
