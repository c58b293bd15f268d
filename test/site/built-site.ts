import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { Window } from 'happy-dom';

// Reads the site that `astro build` wrote to dist/. These tests never build it
// themselves (a build takes a while and the README's test command does it).

export const distDir = join(import.meta.dirname, '..', '..', 'dist');

export type BuiltSite = {
  /** The base path every internal URL must start with, e.g. `/mnist-course/`. */
  base: string;
  /** dist-relative paths of every HTML file, with `/` separators. */
  htmlFiles: string[];
  read(file: string): string;
  parse(file: string): Document;
};

export function loadBuiltSite(): BuiltSite {
  const home = join(distDir, 'index.html');
  if (!existsSync(home)) {
    throw new Error(`${relative(process.cwd(), home)} not found: run npm run build first (the test command builds with BASE_PATH=/mnist-course/)`);
  }
  const window = new Window({ settings: { disableJavaScriptFileLoading: true } });
  const parser = new window.DOMParser();
  const read = (file: string) => readFileSync(join(distDir, file), 'utf8');
  const parse = (file: string) => parser.parseFromString(read(file), 'text/html') as unknown as Document;
  return { base: findBase(parse('index.html')), htmlFiles: listFiles(distDir, '.html'), read, parse };
}

/**
 * The base path the site was built with, taken from the favicon link that
 * Starlight puts on every page. When BASE_PATH is set, the build must match it.
 */
function findBase(home: Document): string {
  const href = home.querySelector('link[rel~="icon"]')?.getAttribute('href');
  if (!href?.endsWith('favicon.svg')) throw new Error('dist/index.html has no favicon link to take the base path from: rebuild with npm run build');
  const base = href.slice(0, -'favicon.svg'.length);
  const wanted = process.env.BASE_PATH;
  if (wanted && wanted.replace(/\/?$/, '/') !== base) {
    throw new Error(`dist/ was built with base ${base} but BASE_PATH is ${wanted}: rebuild with npm run build`);
  }
  return base;
}

/** dist-relative paths (with `/`) of the files under `dir` whose names end with `ending`. */
export function listFiles(dir: string, ending: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith(ending))
    .map((file) => relative(distDir, join(dir, file)).split(sep).join('/'))
    .sort();
}
