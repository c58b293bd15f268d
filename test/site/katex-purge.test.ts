// The post-build trimming of KaTeX's stylesheet (src/integrations/katex-purge.ts).
// The browser test (test/browser/page-styles.test.ts) checks that no formula
// moves; these pin the rules of the trimming itself.
import { describe, expect, it } from 'vitest';
import { classNames, purgeKatex } from '../../src/integrations/katex-purge.ts';

describe('purgeKatex', () => {
  const used = classNames('<span class="katex"><span class="katex-html"><span class="mord mathnormal">x</span></span></span>');

  it('keeps the KaTeX selectors whose classes all occur, drops the others', () => {
    const css = '.katex{font:normal 1.21em KaTeX_Main}.katex .mfrac .frac-line{border-bottom-style:solid}.katex .mord,.katex .mop{color:red}';
    expect(purgeKatex(css, used)).toBe('.katex{font:normal 1.21em KaTeX_Main}.katex .mord{color:red}');
  });

  it('leaves @-rules (font faces) and rules of other stylesheets alone', () => {
    const css = '@font-face{font-family:KaTeX_AMS;src:url(/a.woff2)format("woff2")}.card .title{color:blue}@media (min-width:50em){.katex .mfrac{margin:0}}';
    expect(purgeKatex(css, used)).toBe(css);
  });

  it('reads braces inside strings as text', () => {
    const css = '.katex .mord:after{content:"}"}.katex .mop{content:"{"}';
    expect(purgeKatex(css, used)).toBe('.katex .mord:after{content:"}"}');
  });
});
