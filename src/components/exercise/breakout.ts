// On wide screens Starlight gives the text a ~630 px column and keeps the
// right of the window for "On this page". A workspace (editor beside output)
// needs more: the panel widens to the right over that column, up to a small
// margin from the window's edge, and covers it while it is on screen. Without
// that column (narrower windows, pages without contents) it keeps the text's
// width. Measured, not computed from Starlight's CSS variables, which differ
// between its layouts.
const EDGE_PX = 16;

export function breakOutToTheRight(root: HTMLElement): void {
  const measure = () => {
    const column = root.parentElement?.getBoundingClientRect();
    const contents = document.querySelector('.right-sidebar')?.getBoundingClientRect();
    const beside = column && contents && contents.width > 0 && contents.left >= column.right - 1;
    const room = beside ? document.documentElement.clientWidth - column.right - EDGE_PX : 0;
    root.style.setProperty('--exercise-breakout', `${Math.max(0, Math.floor(room))}px`);
  };
  measure();
  addEventListener('resize', measure);
}
