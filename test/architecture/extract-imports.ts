// Every module a source file names: static imports and re-exports, dynamic
// import() and `typeof import()` with a literal, import.meta.glob patterns
// and `new URL('./x.ts', import.meta.url)` (workers). An .astro file's
// frontmatter and its <script> blocks are read as TypeScript.
import ts from 'typescript';

export interface FoundImport {
  specifier: string;
  kind: 'import' | 'dynamic' | 'glob' | 'url';
}

const MODULE_FILE = /\.(?:[cm]?[jt]s|astro)(?:\?.*)?$/;

const literal = (node: ts.Node | undefined): string | undefined =>
  node && (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) ? node.text : undefined;

const isImportMeta = (node: ts.Node): boolean =>
  ts.isMetaProperty(node) && node.keywordToken === ts.SyntaxKind.ImportKeyword && node.name.text === 'meta';

export function importsOfScript(source: string, fileName = 'source.ts'): FoundImport[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const found: FoundImport[] = [];
  const add = (specifier: string | undefined, kind: FoundImport['kind']) => {
    if (specifier !== undefined) found.push({ specifier, kind });
  };
  const visit = (node: ts.Node): void => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier) {
      add(literal(node.moduleSpecifier), 'import');
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) {
      add(literal(node.argument.literal), 'import');
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      add(literal(node.arguments[0]), 'dynamic');
    } else if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === 'glob' && isImportMeta(node.expression.expression)) {
      const first = node.arguments[0];
      const patterns = first && ts.isArrayLiteralExpression(first) ? [...first.elements] : [first];
      for (const pattern of patterns) add(literal(pattern)?.replace(/^!/, ''), 'glob');
    } else if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'URL') {
      const [target, base] = node.arguments ?? [];
      const url = literal(target);
      if (url && MODULE_FILE.test(url) && base && ts.isPropertyAccessExpression(base) && base.name.text === 'url' && isImportMeta(base.expression)) add(url, 'url');
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

/** The frontmatter and every JavaScript <script> of an .astro file. */
export function astroScripts(source: string): string[] {
  const scripts: string[] = [];
  const frontmatter = /^\s*---\r?\n([\s\S]*?)\r?\n---/.exec(source);
  if (frontmatter) scripts.push(frontmatter[1]);
  const rest = frontmatter ? source.slice(frontmatter[0].length) : source;
  for (let at = rest.indexOf('<script'); at !== -1; at = rest.indexOf('<script', at + 1)) {
    const end = tagEnd(rest, at + '<script'.length);
    const attributes = rest.slice(at + '<script'.length, end);
    if (attributes.endsWith('/') || /\btype\s*=\s*["'](?!module\b|text\/javascript\b)/.test(attributes)) continue;
    const close = rest.indexOf('</script>', end);
    if (close !== -1) scripts.push(rest.slice(end + 1, close));
  }
  return scripts;
}

// Where a tag's `>` is, past quoted values and {…} expressions (which may hold `>`).
function tagEnd(text: string, from: number): number {
  let depth = 0;
  let quote = '';
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'" || (c === '`' && depth > 0)) quote = c;
    else if (c === '{') depth++;
    else if (c === '}') depth--;
    else if (c === '>' && depth === 0) return i;
  }
  return text.length;
}

export function importsOf(source: string, fileName: string): FoundImport[] {
  if (!fileName.endsWith('.astro')) return importsOfScript(source, fileName);
  return astroScripts(source).flatMap((script) => importsOfScript(script, `${fileName}.ts`));
}
