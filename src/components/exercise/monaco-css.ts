// Receives Monaco's stylesheets (see integration.ts) when the editor's code
// loads, so pages without an open editor never pay for them.
let sheet: HTMLStyleElement | null = null;

export function injectMonacoCss(css: string): void {
  if (!sheet) {
    sheet = document.createElement('style');
    sheet.dataset.monaco = '';
    document.head.append(sheet);
  }
  sheet.append(document.createTextNode(css));
}
