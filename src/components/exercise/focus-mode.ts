// "Full window": the panel fills the window, above Starlight's header and
// sidebars. It becomes a manual popover while open, which puts it in the
// browser's top layer without moving it in the DOM (Monaco, drafts and
// listeners stay as they are); the page's stacking contexts (Starlight's
// isolated main pane) cannot cover it. Escape or the button leaves, focus
// goes back to the button, and Tab cannot wander to the hidden page behind.
import type { Locale } from '../../contract/locale.ts';
import { text } from './strings.ts';

export function attachFocusMode(root: HTMLElement, toggle: HTMLButtonElement, locale: Locale): void {
  const isOpen = () => root.hasAttribute('data-focus-mode');
  const label = () => {
    toggle.textContent = text(locale, isOpen() ? 'leaveFocusMode' : 'focusMode');
  };
  // Tab from the last control (or Shift+Tab from the first) lands outside: bring it back.
  const keepFocusInside = (event: FocusEvent) => {
    if (event.target instanceof Node && !root.contains(event.target)) toggle.focus();
  };
  const open = () => {
    root.setAttribute('data-focus-mode', '');
    root.popover = 'manual';
    root.showPopover();
    document.addEventListener('focusin', keepFocusInside);
    label();
  };
  const close = () => {
    document.removeEventListener('focusin', keepFocusInside);
    root.hidePopover();
    root.removeAttribute('popover');
    root.removeAttribute('data-focus-mode');
    label();
    toggle.focus();
  };

  label();
  toggle.hidden = false;
  toggle.addEventListener('click', () => (isOpen() ? close() : open()));
  // Monaco handles (and stops) the Escape it uses itself: closing a suggestion list or a search.
  root.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && isOpen() && !event.defaultPrevented) {
      event.preventDefault();
      close();
    }
  });
}
