// The charts' stylesheets. The exercise integration turns CSS imported from
// src/viz into a <style> injected when this module runs, so the rules arrive
// with the code that draws, never as a render-blocking link on every page.
import './viz-theme.css';
import './viz.css';
