// The book's Keras code in a lesson's MDX source: every ```python block, in
// order, with the ## / ### heading it sits under. Parsed as the site parses
// it (MDX with math: `$\{0, 1\}$` is no JS expression) rather than scanned
// line by line, so a heading-like line inside a code block cannot fool it.
import type { Code, Heading, Root, RootContent } from 'mdast';
import remarkMath from 'remark-math';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

export interface PythonBlock {
  /** The nearest preceding ## or ### heading as the lesson writes it (`## Training`), if any. */
  heading: string | undefined;
  /** The code exactly as between the fences. */
  code: string;
}

const parser = unified().use(remarkParse).use(remarkMdx).use(remarkMath);

export function pythonBlocks(mdxSource: string, fileName: string): PythonBlock[] {
  let tree: Root;
  try {
    tree = parser.parse(mdxSource);
  } catch (error) {
    throw new Error(`${fileName}: cannot read the lesson as MDX (${(error as Error).message})`, { cause: error });
  }
  const blocks: PythonBlock[] = [];
  let heading: string | undefined;
  // Document order: a depth-first walk visits headings and fences as they stand in the file.
  const visit = (node: RootContent | Root): void => {
    if (node.type === 'heading' && (node.depth === 2 || node.depth === 3)) heading = sourceOf(node, mdxSource);
    else if (node.type === 'code' && node.lang === 'python') blocks.push({ heading, code: (node as Code).value });
    if ('children' in node) for (const child of node.children) visit(child as RootContent);
  };
  visit(tree);
  return blocks;
}

function sourceOf(node: Heading, source: string): string {
  const { start, end } = node.position!;
  return source.slice(start.offset, end.offset).trim();
}
