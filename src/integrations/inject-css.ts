// Receives the stylesheets lazy-css.ts turns into modules (Monaco's, the
// charts', the search results') when the code that imports them loads, so
// pages that never run that code never pay for them.
let sheet: HTMLStyleElement | null = null;

export function injectCss(css: string): void {
  if (!sheet) {
    sheet = document.createElement('style');
    sheet.dataset.lazyCss = '';
    document.head.append(sheet);
  }
  sheet.append(document.createTextNode(css));
}
