// Stylesheets imported by Monaco, the charts (drawn only by client code, so
// they need their styles only once that code runs), the live exercise
// panel's workspace and output, and the search results (rendered by the
// Pagefind UI) become JS that injects a <style> when the
// importing code loads (inject-css.ts). Imported as CSS, Astro would link all
// ~175 KB of Monaco's, render-blocking, on every page that can load an
// exercise. The virtual ids end in `.js` so the CSS pipeline (lightningcss)
// never sees them.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const PREFIX = '\0lazy-css:';
/** The part of Vite's plugin context the @import inlining needs. */
interface Resolver { resolve(source: string, importer: string): Promise<{ id: string } | null> }
// Whose CSS imports become injected styles.
const LAZY_CSS_IMPORTERS = ['/node_modules/monaco-editor/', '/src/viz/', '/src/components/search/', '/src/components/exercise/'];
// `@import url('…') layer(name);` is inlined (wrapped in that layer): an
// injected <style> would resolve the URL against the page, not the file.
const IMPORT = /@import\s+url\((['"]?)([^'")]+)\1\)\s*(layer\(([\w.-]+)\))?\s*([^;]*);/g;
const injector = fileURLToPath(new URL('./inject-css.ts', import.meta.url));

export function lazyCss() {
  return {
    name: 'course-lazy-css',
    enforce: 'pre' as const,
    resolveId(source: string, importer: string | undefined) {
      if (!importer || !source.endsWith('.css') || !LAZY_CSS_IMPORTERS.some((part) => importer.includes(part))) return null;
      // A component's own <style> (an Astro virtual module, `?astro&type=style`) stays a stylesheet.
      if (source.includes('?') || importer.includes('.astro')) return null;
      return `${PREFIX}${resolve(dirname(importer), source)}.js`;
    },
    async load(this: Resolver, id: string) {
      if (!id.startsWith(PREFIX)) return null;
      const file = id.slice(PREFIX.length, -'.js'.length);
      const imports: string[] = [];
      const parts: string[] = [];
      let rest = await inlineImports(this, readFileSync(file, 'utf8'), file);
      // Relative url()s (the codicon font) become asset imports so they keep working under `base`.
      for (let m = /url\((['"]?)(\.{1,2}\/[^'")]+)\1\)/.exec(rest); m; m = /url\((['"]?)(\.{1,2}\/[^'")]+)\1\)/.exec(rest)) {
        const name = `u${imports.length}`;
        imports.push(`import ${name} from ${JSON.stringify(resolve(dirname(file), m[2]) + '?url')};`);
        parts.push(JSON.stringify(rest.slice(0, m.index) + 'url('), name, JSON.stringify(')'));
        rest = rest.slice(m.index + m[0].length);
      }
      parts.push(JSON.stringify(rest));
      return `${imports.join('\n')}\nimport { injectCss } from ${JSON.stringify(injector)};\ninjectCss(${parts.join(' + ')});\n`;
    },
  };
}

async function inlineImports(context: Resolver, css: string, file: string): Promise<string> {
  let out = '';
  let last = 0;
  for (const m of css.matchAll(IMPORT)) {
    const [statement, , source, , layer, condition] = m;
    if (condition.trim()) throw new Error(`${file}: "${statement}": a lazily injected stylesheet cannot keep an @import condition; move the rules into a @media/@supports block`);
    const resolved = await context.resolve(source, file);
    if (!resolved) throw new Error(`${file}: "${statement}": cannot resolve ${source}; install the package or fix the path`);
    const text = readFileSync(resolved.id.split('?')[0], 'utf8');
    out += css.slice(last, m.index) + (layer ? `@layer ${layer}{${text}}` : text);
    last = m.index + statement.length;
  }
  return out + css.slice(last);
}
