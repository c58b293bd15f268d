// Drops KaTeX rules that no built page can match. KaTeX's stylesheet styles
// every construct it can render (sizes, fonts, accents, arrays...), most of
// which the course's formulas never use. Run on the built site, so the set of
// class names is exactly what the pages contain.

/** Every class name in class="…" attributes of an HTML page. */
export function classNames(html: string, into = new Set<string>()): Set<string> {
  for (const m of html.matchAll(/\bclass="([^"]*)"/g)) for (const name of m[1].split(/\s+/)) if (name) into.add(name);
  return into;
}

/** Top-level blocks of a stylesheet: `selector{…}` or `@rule…{…}` / `@rule…;`. */
function blocks(css: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  let quote = '';
  for (let i = 0; i < css.length; i++) {
    const c = css[i];
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) {
      out.push(css.slice(start, i + 1));
      start = i + 1;
    } else if (c === ';' && depth === 0) {
      out.push(css.slice(start, i + 1));
      start = i + 1;
    }
  }
  if (css.slice(start).trim()) out.push(css.slice(start));
  return out;
}

/**
 * Keeps a top-level KaTeX rule (a selector list naming `.katex`) only for the
 * selectors whose class names all occur in `used`; any other block is kept
 * as it is.
 */
export function purgeKatex(css: string, used: Set<string>): string {
  return blocks(css)
    .map((block) => {
      if (block.trimStart().startsWith('@')) return block;
      const brace = block.indexOf('{');
      const selectors = block.slice(0, brace).split(',');
      if (!selectors.some((s) => /\.katex\b/.test(s))) return block;
      const kept = selectors.filter((s) => [...s.matchAll(/\.(-?[_a-zA-Z][\w-]*)/g)].every((m) => used.has(m[1])));
      return kept.length ? kept.join(',') + block.slice(brace) : '';
    })
    .join('');
}
