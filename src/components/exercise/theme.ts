// Starlight keeps the theme in <html data-theme="dark|light">; follow it live.
export function followSiteTheme(apply: (dark: boolean) => void): MutationObserver {
  const root = document.documentElement;
  const read = () => apply(root.dataset.theme !== 'light');
  read();
  const observer = new MutationObserver(read);
  observer.observe(root, { attributes: true, attributeFilter: ['data-theme'] });
  return observer;
}
