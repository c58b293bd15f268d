// Notes where different learners handed in the same or nearly the same code
// for one exercise: a note for the teacher to look at, never a verdict.
// Code is compared as tokens (comments, spacing and quote style do not
// count) in 5-token shingles, and only on what is the learner's own: every
// shingle of the exercise's starter and reference solution is taken out
// first, so two learners who both wrote the expected lines are not alike,
// while the same unusual variable names, extra steps or mistakes are.
import type { Localized } from '../../contract/locale.ts';

const SHINGLE = 5;
/** Own shingles two identical programs must have before identity says anything. */
const MIN_OWN_IDENTICAL = 3;
/** Own shingles each program needs before "nearly identical" is worth saying. */
const MIN_OWN_NEAR = 12;
/** Share of their own shingles two programs have in common to be "nearly identical" (Jaccard). */
const NEAR = 0.8;

const TOKEN = /\/\/[^\n]*|\/\*[\s\S]*?\*\/|`(?:\\[\s\S]|[^`\\])*`|'(?:\\[\s\S]|[^'\\])*'|"(?:\\[\s\S]|[^"\\])*"|\d[\w.]*|[A-Za-z_$][\w$]*|\S/g;

/** The code's tokens without comments; strings keep their text whatever their quotes. */
export function codeTokens(code: string): string[] {
  const tokens: string[] = [];
  for (const [token] of code.matchAll(TOKEN)) {
    if (token.startsWith('//') || token.startsWith('/*')) continue;
    tokens.push(/^['"]/.test(token) ? `"${token.slice(1, -1)}"` : token);
  }
  return tokens;
}

function shingles(tokens: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i + SHINGLE <= tokens.length; i++) out.add(tokens.slice(i, i + SHINGLE).join('\u0001'));
  return out;
}

export interface HandedIn {
  /** Index in the caller's list. */
  index: number;
  learner: string;
  file: string;
  exercise: string;
  code: string;
}

export interface Likeness {
  a: number;
  b: number;
  kind: 'identical' | 'near';
  /** Share of own shingles in common, 0–1. */
  share: number;
}

/** Pairs of submissions by different learners of one exercise whose own code is the same or nearly so. */
export function similarPairs(items: readonly HandedIn[], givenCode: (exercise: string) => readonly string[]): Likeness[] {
  const given = new Map<string, Set<string>>();
  const givenOf = (exercise: string): Set<string> => {
    if (!given.has(exercise)) given.set(exercise, new Set(givenCode(exercise).flatMap((code) => [...shingles(codeTokens(code))])));
    return given.get(exercise)!;
  };
  const prepared = items.map((item) => {
    const tokens = codeTokens(item.code);
    const known = givenOf(item.exercise);
    return { item, text: tokens.join('\u0001'), own: new Set([...shingles(tokens)].filter((s) => !known.has(s))) };
  });
  const pairs: Likeness[] = [];
  for (let i = 0; i < prepared.length; i++) {
    for (let j = i + 1; j < prepared.length; j++) {
      const [p, q] = [prepared[i], prepared[j]];
      if (p.item.exercise !== q.item.exercise || p.item.learner.trim().toLowerCase() === q.item.learner.trim().toLowerCase()) continue;
      if (p.text === q.text) {
        if (p.own.size >= MIN_OWN_IDENTICAL) pairs.push({ a: p.item.index, b: q.item.index, kind: 'identical', share: 1 });
        continue;
      }
      if (p.own.size < MIN_OWN_NEAR || q.own.size < MIN_OWN_NEAR) continue;
      let common = 0;
      for (const s of p.own) if (q.own.has(s)) common++;
      const share = common / (p.own.size + q.own.size - common);
      if (share >= NEAR) pairs.push({ a: p.item.index, b: q.item.index, kind: 'near', share });
    }
  }
  return pairs;
}

/** The note on one submission of a pair, naming the other. */
export function likenessNote(kind: Likeness['kind'], share: number, other: { learner: string; file: string }): Localized {
  const percent = Math.round(share * 100);
  return kind === 'identical'
    ? {
        en: `the same code as ${other.learner}'s (${other.file}), apart from comments and spacing: a note to look at, not a verdict`,
        ko: `${other.learner}의 코드(${other.file})와 주석과 공백을 빼면 같습니다: 판정이 아니라 살펴볼 점입니다`,
      }
    : {
        en: `nearly the same code as ${other.learner}'s (${other.file}): ${percent} % of what each wrote beyond the starter and the usual answer is shared; a note to look at, not a verdict`,
        ko: `${other.learner}의 코드(${other.file})와 거의 같습니다: 시작 코드와 흔한 정답을 뺀 각자의 코드 중 ${percent}%가 겹칩니다. 판정이 아니라 살펴볼 점입니다`,
      };
}
