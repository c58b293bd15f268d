// Type definitions for the lesson editor's intellisense: the real .d.ts files
// of @tensorflow/tfjs (every file the compiler reaches from its entry point)
// and declarations generated from src/course/index.ts, as one JSON file
// `{ files: { "file:///node_modules/…": text } }` that the page fetches lazily
// and hands to Monaco's addExtraLib.
//
//   node src/integrations/editor-types.mjs [out.json]   (default: .cache/editor-types.json)
//
// The Astro integration in exercise-editor.ts calls buildEditorTypes() during
// `astro build` and serves it in `astro dev`.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const VIRTUAL = 'file:///node_modules/';

const toPosix = (path) => path.split(sep).join('/');

/** Every library .d.ts the compiler loads for `import * as tf from '@tensorflow/tfjs'`. */
function tfjsFiles(files) {
  const entry = resolve(root, 'node_modules/@tensorflow/tfjs/dist/index.d.ts');
  const program = ts.createProgram([entry], {
    noEmit: true, types: [], skipLibCheck: true, target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler,
  });
  const packages = new Set();
  for (const file of program.getSourceFiles()) {
    const path = toPosix(file.fileName);
    const at = path.lastIndexOf('/node_modules/');
    if (at < 0 || program.isSourceFileDefaultLibrary(file)) continue;
    const inside = path.slice(at + '/node_modules/'.length);
    files[VIRTUAL + inside] = file.text;
    const parts = inside.split('/');
    packages.add(parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0]);
  }
  // Monaco's TypeScript resolves modules the Node 10 way; a root index.d.ts
  // per package spares us shipping package.json files as "scripts".
  for (const name of packages) {
    const pkg = JSON.parse(ts.sys.readFile(resolve(root, 'node_modules', name, 'package.json')) ?? '{}');
    const types = (pkg.types ?? pkg.typings ?? 'index.d.ts').replace(/^\.\//, '').replace(/\.d\.ts$/, '');
    if (types !== 'index') files[`${VIRTUAL}${name}/index.d.ts`] = `export * from './${types}';\n`;
  }
  return packages.size;
}

/** Declarations for the `course` module, emitted from its TypeScript sources. */
function courseFiles(files) {
  const entry = resolve(root, 'src/course/index.ts');
  if (!ts.sys.fileExists(entry)) {
    files[`${VIRTUAL}course/index.d.ts`] = '// src/course/index.ts does not exist yet.\nexport {};\n';
    return `no ${relative(root, entry)} yet: the editor will know 'course' as an empty module`;
  }
  const program = ts.createProgram([entry], {
    declaration: true, emitDeclarationOnly: true, allowImportingTsExtensions: true, skipLibCheck: true,
    noCheck: true, strict: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler, types: [], rootDir: root,
  });
  let count = 0;
  const result = program.emit(undefined, (fileName, text) => {
    const path = toPosix(relative(root, fileName));
    if (path.startsWith('..') || path.includes('node_modules/')) return;
    // './random.ts' → './random.js', which TypeScript maps back to random.d.ts.
    const body = text.replace(/(from\s+|import\s*\(\s*)(['"])(\.{1,2}\/[^'"]+)\.ts\2/g, '$1$2$3.js$2');
    files[`${VIRTUAL}course/${path}`] = body;
    count++;
  });
  const errors = result.diagnostics.filter((d) => d.category === ts.DiagnosticCategory.Error);
  if (errors.length > 0) {
    throw new Error(`editor-types: declarations for src/course failed:\n${ts.formatDiagnosticsWithColorAndContext(errors, ts.createCompilerHost({}))}`);
  }
  files[`${VIRTUAL}course/index.d.ts`] = "export * from './src/course/index.js';\n";
  return `${count} declaration files for 'course'`;
}

export function buildEditorTypes() {
  const files = {};
  const packages = tfjsFiles(files);
  const course = courseFiles(files);
  const json = JSON.stringify({ schema: 1, files });
  return { json, summary: `${Object.keys(files).length} files from ${packages} packages; ${course}; ${(json.length / 1e6).toFixed(1)} MB` };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const out = resolve(process.argv[2] ?? resolve(root, '.cache/editor-types.json'));
  const { json, summary } = buildEditorTypes();
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, json);
  console.log(`editor types → ${relative(root, out)}: ${summary}`);
}
