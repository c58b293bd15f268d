// One source per exercise file, one language per page. starter.ts and
// solution.ts are written once; each prose comment line is marked with its
// language (`// ko: …`, `// en: …`, also `/** ko: … */`) and the learner sees
// only the page's. Code lines and unmarked comments (the book's Keras line,
// commented-out code) pass through untouched, so both languages run the same
// program. The format is described in docs/authoring.md.
import type { Locale } from '../contract/locale.ts';

/** A whole-line comment whose text starts with a language marker: opener, space, language, text. */
const MARKED_LINE = /^(\s*(?:\/\/|\/\*\*?))([ \t]*)(ko|en):[ \t]?(.*)$/s;
/** A marker after code on the same line: it would reach both languages, so it is refused. */
const TRAILING_MARKER = /\S.*?(?:\/\/|\/\*)[ \t]*(?:ko|en):/;

/**
 * `source` as the learner sees it on a `locale` page: the other language's
 * comment lines removed, the marker dropped from this language's, every
 * other line as written. Throws (naming the line) on a marker after code.
 */
export function localizeSource(source: string, locale: Locale): string {
  const out: string[] = [];
  for (const [index, line] of source.split('\n').entries()) {
    const marked = MARKED_LINE.exec(line);
    if (!marked) {
      if (TRAILING_MARKER.test(line)) {
        throw new Error(`line ${index + 1}: a "ko:"/"en:" comment must stand on a line of its own (put it above the code)`);
      }
      out.push(line);
      continue;
    }
    const [, opener, space, language, text] = marked;
    if (language !== locale) continue;
    // An empty marked line keeps no dangling space ("// ko:" → "//").
    out.push(text.trim() === '' ? opener + text : opener + space + text);
  }
  return out.join('\n');
}
