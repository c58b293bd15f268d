// The Pagefind results' styles, loaded with the Pagefind UI (Search.astro).
// src/integrations/lazy-css.ts turns this CSS import into a <style> injected when
// this module runs, so no page links it.
import './results.css';
