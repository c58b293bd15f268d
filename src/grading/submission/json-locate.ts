// Finds where JSON text first goes wrong, as a 1-based line and column.
// JSON.parse's messages differ between engines (V8 names a position, others do
// not), so teachers and learners get the same answer everywhere from this
// small grammar walk, run only after JSON.parse has already failed.

export interface JsonProblem {
  line: number;
  column: number;
  /** What was found there, in English and Korean. */
  found: { en: string; ko: string };
}

class Stop {
  index: number;
  constructor(index: number) {
    this.index = index;
  }
}

export function locateJsonError(text: string): JsonProblem | null {
  let i = 0;
  const ws = (): void => {
    while (i < text.length && ' \t\n\r'.includes(text[i])) i++;
  };
  const expect = (ch: string): void => {
    if (text[i] !== ch) throw new Stop(i);
    i++;
  };
  const literal = (word: string): void => {
    for (const ch of word) expect(ch);
  };
  const string = (): void => {
    expect('"');
    for (;;) {
      if (i >= text.length) throw new Stop(i);
      const ch = text[i];
      if (ch === '"') { i++; return; }
      if (ch < ' ') throw new Stop(i);
      if (ch === '\\') {
        i++;
        if (text[i] === 'u') {
          for (let k = 1; k <= 4; k++) if (!/[0-9a-fA-F]/.test(text[i + k] ?? '')) throw new Stop(i + k);
          i += 5;
        } else if ('"\\/bfnrt'.includes(text[i] ?? 'x')) i++;
        else throw new Stop(i);
      } else i++;
    }
  };
  const number = (): void => {
    const match = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (!match) throw new Stop(i);
    i += match[0].length;
  };
  const value = (depth: number): void => {
    if (depth > 512) throw new Stop(i);
    ws();
    const ch = text[i];
    if (ch === '{') {
      i++; ws();
      if (text[i] === '}') { i++; return; }
      for (;;) {
        ws(); string(); ws(); expect(':'); value(depth + 1); ws();
        if (text[i] === ',') { i++; continue; }
        expect('}');
        return;
      }
    }
    if (ch === '[') {
      i++; ws();
      if (text[i] === ']') { i++; return; }
      for (;;) {
        value(depth + 1); ws();
        if (text[i] === ',') { i++; continue; }
        expect(']');
        return;
      }
    }
    if (ch === '"') return string();
    if (ch === 't') return literal('true');
    if (ch === 'f') return literal('false');
    if (ch === 'n') return literal('null');
    number();
  };
  try {
    value(0);
    ws();
    if (i < text.length) throw new Stop(i);
    return null;
  } catch (error) {
    if (!(error instanceof Stop)) throw error;
    return at(text, error.index);
  }
}

function at(text: string, index: number): JsonProblem {
  const before = text.slice(0, index);
  const line = before.split('\n').length;
  const column = index - (before.lastIndexOf('\n') + 1) + 1;
  if (index >= text.length) return { line, column, found: { en: 'the text ends too early', ko: '내용이 중간에 끝남' } };
  const ch = JSON.stringify(text[index]);
  return { line, column, found: { en: `unexpected ${ch}`, ko: `예상하지 못한 문자 ${ch}` } };
}
