// The layer table of ARCHITECTURE.md as data: which folder under src is which
// layer, and which layers each may import. The main stack, top to bottom:
// content → components → grading → sandbox → exercises → course → data →
// contract; the side layers say themselves what they may import.
export const LAYERS = [
  'content', 'components', 'grading', 'sandbox', 'exercises', 'course', 'data', 'contract',
  'viz', 'i18n', 'progress', 'integrations', 'service-worker', 'notebooks', 'pages',
] as const;
export type Layer = (typeof LAYERS)[number];

const below = (...layers: Layer[]): Layer[] => layers;

export const MAY_IMPORT: Record<Layer, Layer[]> = {
  contract: [],
  i18n: below('contract'),
  // Its labels use the one string system (i18n imports only contract).
  viz: below('i18n', 'contract'),
  progress: below('i18n', 'contract'),
  // The offline layer: the worker itself, its registration and update prompt.
  'service-worker': below('i18n', 'contract'),
  // Build-time Astro/Vite/remark plumbing; only astro.config.mjs imports it.
  // It bundles the service worker's source into dist/sw.js.
  integrations: below('service-worker', 'i18n', 'contract'),
  // The lessons' Keras code as Jupyter notebooks: parsing, the file, its words and address.
  notebooks: below('i18n', 'contract'),
  // Astro routes Starlight does not own (the notebooks); thin, their work is in their layer.
  pages: below('notebooks', 'i18n', 'contract'),
  data: below('i18n', 'contract'),
  course: below('data', 'i18n', 'contract'),
  exercises: below('course', 'data', 'i18n', 'contract'),
  sandbox: below('exercises', 'course', 'data', 'i18n', 'contract'),
  grading: below('sandbox', 'exercises', 'course', 'data', 'i18n', 'contract'),
  components: below('grading', 'sandbox', 'exercises', 'course', 'data', 'contract', 'viz', 'i18n', 'progress', 'service-worker', 'notebooks'),
  content: below('components', 'grading', 'sandbox', 'exercises', 'course', 'data', 'contract', 'viz', 'i18n', 'progress'),
};

/**
 * Parts of an allowed layer that a layer still may not import, with why.
 * Grading runs submissions only in a browser's workers (the gradebook page,
 * and `npm run grade` through headless Chromium); the Node runner is for the
 * project's own trusted code (tests, bench).
 */
export const FORBIDDEN: { from: Layer; path: string; why: string }[] = [
  { from: 'grading', path: 'src/sandbox/node/', why: 'grading must not import the Node sandbox: submissions run only in a browser\'s workers' },
];

/**
 * Violations known and owned by work in progress, as `file → specifier`. The
 * test fails on any other violation, and on an entry here that is gone, so
 * this list only shrinks.
 */
export const PENDING: string[] = [];

/** The layer of a path relative to the project root, or undefined outside every layer. */
export function layerOf(path: string): Layer | undefined {
  if (path === 'src/content.config.ts') return 'content';
  const [top, folder] = path.split('/');
  if (top !== 'src') return undefined;
  return (LAYERS as readonly string[]).includes(folder) ? (folder as Layer) : undefined;
}
