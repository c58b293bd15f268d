// Text from learners (names, file names, error messages, printed output) as
// the grader shows it: characters that reorder or hide text, and control
// characters, become visible `<U+202E>` marks. A right-to-left override in a
// name could otherwise make "evil.json" read as "nosj.live" in the table, a
// zero-width space could make two learners look like one, and an escape
// sequence could rewrite the teacher's terminal. Isomorphic; idempotent (the
// marks are plain ASCII), so every writer may apply it again.

// Bidi controls (LRM, RLM, ALM, embeddings, overrides, isolates), zero-width
// and invisible characters (soft hyphen, ZWSP/ZWNJ/ZWJ, word joiner and
// invisible operators, deprecated format characters, BOM, Mongolian vowel
// separator, Hangul fillers that render as nothing), line/paragraph
// separators, tag characters, and C0/C1 controls other than the line feed.
const HIDDEN = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f\u3164\ufeff\uffa0\ufff9-\ufffb]|[\u{e0000}-\u{e007f}]|[\ud800-\udfff]/gu;

const mark = (ch: string): string => `<U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}>`;

/**
 * `value` as safe text: a non-string becomes '' (or its String() for numbers
 * and booleans), hidden characters become `<U+XXXX>`, and a line feed too
 * unless `multiline` (messages and printed output keep their lines).
 */
export function visibleText(value: unknown, multiline = false): string {
  const text = typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' ? String(value) : '';
  // Lone surrogates (matched by the last class only when unpaired, thanks to the u flag) are marked too.
  const shown = text.replace(HIDDEN, mark);
  return multiline ? shown : shown.replace(/\n/g, mark);
}
