// Pages with math import KaTeX's stylesheet themselves, so pages without
// formulas never load it (most of its weight is the font faces). The import
// is an MDX ESM node added to the page's tree: Astro then links the CSS,
// bundled from node_modules with its fonts (offline, under the site's base
// path), only from the pages that render such an entry.

interface Node { type: string; children?: Node[] }
interface VFileLike { path?: string }

export const KATEX_CSS = 'katex/dist/katex.min.css';

function containsMath(node: Node): boolean {
  if (node.type === 'math' || node.type === 'inlineMath') return true;
  return node.children?.some(containsMath) ?? false;
}

function importNode(source: string): Node {
  const raw = JSON.stringify(source);
  return {
    type: 'mdxjsEsm',
    value: `import ${raw};`,
    data: {
      estree: {
        type: 'Program',
        sourceType: 'module',
        body: [{ type: 'ImportDeclaration', specifiers: [], attributes: [], source: { type: 'Literal', value: source, raw } }],
      },
    },
  } as Node;
}

export function remarkKatexCss() {
  return (tree: Node, file: VFileLike): void => {
    if (!containsMath(tree)) return;
    if (!file.path?.endsWith('.mdx')) {
      throw new Error(`${file.path ?? 'a Markdown page'}: has math, but only .mdx pages can import KaTeX's stylesheet; rename it to .mdx`);
    }
    tree.children?.unshift(importNode(KATEX_CSS));
  };
}
