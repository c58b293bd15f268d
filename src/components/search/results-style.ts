// The Pagefind results' styles, loaded with the Pagefind UI (Search.astro).
// The exercise integration turns this CSS import into a <style> injected when
// this module runs, so no page links it.
import './results.css';
