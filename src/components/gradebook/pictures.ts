// Draws a graded run's pictures with the lessons' renderers, in the
// submission's language (the learner's titles and labels). A payload the
// renderers cannot draw says so in its place; the others still appear.
import type { Locale } from '../../contract/locale.ts';
import type { ShowPayload } from '../../contract/show.ts';
import { renderShow } from '../../viz/index.ts';

export function drawPictures(container: HTMLElement, pictures: ShowPayload[], locale: Locale): void {
  for (const payload of pictures) {
    const holder = document.createElement('div');
    holder.className = 'gradebook-picture';
    container.append(holder);
    try {
      renderShow(holder, payload, { locale });
    } catch (error) {
      holder.textContent = `show.${String(payload.kind)}: ${error instanceof Error ? error.message : String(error)}`;
    }
  }
}
