// The two DOM helpers the gradebook's results and grids share: an element
// with attributes and children, and learner text (never HTML: a text node in
// <bdi>, isolated from the surrounding direction, hidden characters shown
// as visible-text.ts shows them in every report).
import { visibleText } from '../../grading/grader/visible-text.ts';

export function el<K extends keyof HTMLElementTagNameMap>(tag: K, props: Record<string, string> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) node.setAttribute(name, value);
  node.append(...children);
  return node;
}

/** Learner text: isolated from the surrounding direction, hidden characters shown. */
export const learnerText = (value: unknown, multiline = false): HTMLElement => el('bdi', {}, visibleText(value, multiline));
