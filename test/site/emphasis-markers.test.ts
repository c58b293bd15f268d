import { Window } from 'happy-dom';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadBuiltSite, type BuiltSite } from './built-site.ts';

// Markdown emphasis that failed to parse shows up as literal `**` or `__` in
// the page. CommonMark's flanking rules fail next to Hangul particles
// (`**정답이 $i$**인`), which remark-cjk-friendly fixes; this catches any page
// where a marker still survives, in both languages.

/** Where `**` and `__` mean something else: code, scripts, styles, KaTeX's MathML and TeX source. */
const SKIPPED = new Set(['CODE', 'PRE', 'SCRIPT', 'STYLE', 'TEMPLATE', 'TEXTAREA', 'MATH', 'ANNOTATION']);
const MARKER = /\*\*|__/;

/** Each visible text run of `doc` that holds `**` or `__`, with a little context. Attribute values are not text. */
function literalMarkers(doc: Document): string[] {
  const found: string[] = [];
  const visit = (node: Node) => {
    if (node.nodeType === 3) {
      const text = node.textContent ?? '';
      const at = text.search(MARKER);
      if (at >= 0) found.push(text.slice(Math.max(0, at - 30), at + 32).replace(/\s+/g, ' ').trim());
      return;
    }
    if (node.nodeType === 1) {
      const element = node as Element;
      if (SKIPPED.has(element.tagName.toUpperCase()) || element.classList.contains('katex-mathml')) return;
    }
    node.childNodes.forEach(visit);
  };
  visit(doc.documentElement);
  return found;
}

describe('literalMarkers', () => {
  const parse = (html: string) => new new Window().DOMParser().parseFromString(html, 'text/html') as unknown as Document;

  it('finds markers in prose, headings and the title', () => {
    const doc = parse('<html><head><title>a __b__</title></head><body><h2>x</h2><p>**정답이 <span>i</span>**인</p></body></html>');
    expect(literalMarkers(doc)).toEqual(['a __b__', '**정답이', '**인']);
  });

  it('ignores code, scripts, styles, KaTeX source and attribute values', () => {
    const doc = parse(
      '<html><body><p title="2**3">fine <code>x ** 2</code></p><pre>__init__</pre><script>a**b</script><style>/* __ */</style>' +
        '<span class="katex"><span class="katex-mathml"><math><semantics><mi>x</mi><annotation encoding="application/x-tex">x^{**}</annotation></semantics></math></span></span></body></html>',
    );
    expect(literalMarkers(doc)).toEqual([]);
  });
});

describe('built pages', () => {
  let site: BuiltSite;
  beforeAll(() => {
    site = loadBuiltSite();
  });

  it('every page of both languages is checked', () => {
    const pages = site.htmlFiles;
    expect(pages.filter((file) => file.startsWith('en/')).length).toBeGreaterThan(10);
    expect(pages.filter((file) => !file.startsWith('en/') && file.startsWith('lessons/')).length).toBeGreaterThan(10);
  });

  it('no page shows a literal ** or __ outside code', () => {
    const offenders = site.htmlFiles.flatMap((file) => literalMarkers(site.parse(file)).map((text) => `${file}: ${text}`));
    expect(offenders).toEqual([]);
  });
});
