// pythonBlocks reads a lesson's MDX as the site does: the Python fences in
// order, each with the ## / ### heading above it, the code byte for byte.
import { describe, expect, it } from 'vitest';
import { pythonBlocks } from '../../src/notebooks/python-blocks.ts';

const lesson = [
  "import { Tabs, TabItem } from '@astrojs/starlight/components';",
  '',
  '# Not a section',
  '',
  '## Loading',
  '',
  'Math that is no JS expression: $\\{0, 1\\}$ and $x_{min}$.',
  '',
  '<Tabs syncKey="code-lang">',
  '<TabItem label="Keras (Python)">',
  '',
  '```python',
  '# ## a comment, not a heading',
  'x = 1',
  '',
  '',
  'print(x)  # trailing spaces   ',
  '```',
  '',
  '</TabItem>',
  '<TabItem label="TensorFlow.js">',
  '',
  '```ts',
  'const x = 1;',
  '```',
  '',
  '</TabItem>',
  '</Tabs>',
  '',
  '#### Too deep to count',
  '',
  '### `fit` and more',
  '',
  '````md',
  '```python',
  'shown as an example, not code',
  '```',
  '````',
  '',
  '```python',
  'y = 2',
  '```',
].join('\n');

describe('pythonBlocks', () => {
  it('finds each Python fence, in order, under its nearest ## or ### heading', () => {
    expect(pythonBlocks(lesson, 'lesson.mdx')).toEqual([
      { heading: '## Loading', code: '# ## a comment, not a heading\nx = 1\n\n\nprint(x)  # trailing spaces   ' },
      { heading: '### `fit` and more', code: 'y = 2' },
    ]);
  });

  it('has no heading for a block before the first section', () => {
    expect(pythonBlocks('```python\nz = 3\n```\n\n## Later\n', 'x.mdx')).toEqual([{ heading: undefined, code: 'z = 3' }]);
  });

  it('names the file when the lesson is not valid MDX', () => {
    expect(() => pythonBlocks('<Tabs>\n\n## unclosed {\n', 'broken.mdx')).toThrow(/^broken\.mdx: cannot read the lesson as MDX/);
  });
});
