// The layer table is true: every .ts/.mjs/.astro file under src imports only
// from the layers its own layer may import (test/architecture/layers.ts,
// ARCHITECTURE.md "Layers"), statically, dynamically, by import.meta.glob or
// as a worker URL. A failure lists each offending file → import.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { astroScripts, importsOf, importsOfScript } from './extract-imports.ts';
import { FORBIDDEN, LAYERS, layerOf, MAY_IMPORT, PENDING } from './layers.ts';

const root = resolve(import.meta.dirname, '../..');
const toPosix = (path: string) => path.split(sep).join('/');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(?:[cm]?ts|mjs|js|astro)$/.test(entry.name) ? [toPosix(relative(root, path))] : [];
  });
}

/** The project path an import names, or undefined for a package. */
function target(file: string, specifier: string): string | undefined {
  // Learner code's `course` module (tsconfig paths; the sandbox resolves it).
  if (specifier === 'course') return 'src/course/index.ts';
  if (!specifier.startsWith('.') && !specifier.startsWith('/')) return undefined;
  const path = specifier.split('?')[0];
  const absolute = path.startsWith('/') ? join(root, path) : resolve(root, dirname(file), path);
  return toPosix(relative(root, absolute));
}

const files = sourceFiles(join(root, 'src'));

describe('the import extractor', () => {
  it('finds every kind of import', () => {
    const source = [
      "import a from './a.ts';",
      "import type { B } from '../b.ts';",
      "export { c } from './c.ts';",
      "import './side-effect.ts';",
      "const d = await import('./d.ts');",
      "type E = typeof import('./e.ts');",
      "const f = import.meta.glob(['../f/*/x.ts', '!../f/skip/x.ts'], { eager: true });",
      "new Worker(new URL('./g.ts', import.meta.url));",
      "const notAModule = new URL('../../', import.meta.url);",
      "// import h from './h.ts';",
    ].join('\n');
    expect(importsOfScript(source).map((i) => `${i.kind} ${i.specifier}`)).toEqual([
      'import ./a.ts', 'import ../b.ts', 'import ./c.ts', 'import ./side-effect.ts', 'dynamic ./d.ts',
      'import ./e.ts', 'glob ../f/*/x.ts', 'glob ../f/skip/x.ts', 'url ./g.ts',
    ]);
  });

  it("reads an .astro file's frontmatter and JavaScript scripts, not JSON ones or its template", () => {
    const source = [
      '---', "import A from './A.astro';", '---',
      "<p>import x from './not-code.ts';</p>",
      '<script type="application/json" set:html={JSON.stringify(x).replace(/</g, "")} />',
      "<script>import './client.ts';</script>",
    ].join('\n');
    expect(astroScripts(source).flatMap((s) => importsOfScript(s).map((i) => i.specifier))).toEqual(['./A.astro', './client.ts']);
  });
});

describe('the layer table', () => {
  it('puts every file under src in a layer', () => {
    expect(files.filter((file) => layerOf(file) === undefined)).toEqual([]);
  });

  it('lets each layer import only from the layers below it', () => {
    const violations: string[] = [];
    for (const file of files) {
      const from = layerOf(file)!;
      for (const { specifier, kind } of importsOf(readFileSync(join(root, file), 'utf8'), file)) {
        const to = target(file, specifier);
        if (to === undefined || to.startsWith('node_modules/')) continue;
        const toLayer = layerOf(to);
        const why = toLayer === undefined
          ? `${to} is outside src (move what src needs into its layer)`
          : toLayer !== from && !MAY_IMPORT[from].includes(toLayer)
            ? `${from} may not import ${toLayer} (may: ${MAY_IMPORT[from].join(', ') || 'nothing'})`
            : FORBIDDEN.find((rule) => rule.from === from && to.startsWith(rule.path))?.why;
        if (why) violations.push(`${file} → ${specifier} (${kind}): ${why}`);
      }
    }
    const isPending = (violation: string) => PENDING.some((known) => violation.startsWith(`${known} (`));
    const unexpected = violations.filter((violation) => !isPending(violation));
    expect(unexpected, unexpected.join('\n')).toEqual([]);
    const fixed = PENDING.filter((known) => !violations.some((violation) => violation.startsWith(`${known} (`)));
    expect(fixed, 'fixed: remove these from PENDING in test/architecture/layers.ts').toEqual([]);
  });

  it('matches the table in ARCHITECTURE.md', () => {
    const markdown = readFileSync(join(root, 'ARCHITECTURE.md'), 'utf8');
    const section = markdown.slice(markdown.indexOf('## Layers'), markdown.indexOf('\n## ', markdown.indexOf('## Layers') + 1));
    const rows = new Map(
      section.split('\n')
        .filter((line) => /^\| [a-z0-9]+(-[a-z0-9]+)* \|/.test(line) && !line.startsWith('| layer |'))
        .map((line) => line.split('|').map((cell) => cell.trim()))
        .map(([, layer, , mayImport]) => [layer, mayImport === 'nothing' ? [] : mayImport.split(/,\s*/).sort()]),
    );
    expect([...rows.keys()].sort()).toEqual([...LAYERS].sort());
    for (const layer of LAYERS) expect(rows.get(layer), layer).toEqual([...MAY_IMPORT[layer]].sort());
  });
});
