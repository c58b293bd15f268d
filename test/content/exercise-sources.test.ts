// Every exercise's starter and solution as a learner sees them: one language
// per page, the same code in both, comments that fit the editor's width.
import { describe, expect, it } from 'vitest';
import { locales } from '../../src/contract/locale.ts';
import { listExercises, loadExercise } from '../../src/exercises/registry.node.ts';

const HANGUL = /[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]/;
/** Columns a comment line may take in the editor (the content column fits about 80). */
const MAX_COLUMNS = 80;

const isComment = (line: string) => /^\s*(\/\/|\/\*|\*)/.test(line);
const isMarked = (line: string) => /^\s*(\/\/|\/\*\*?)\s*(ko|en):/.test(line);
/**
 * An unmarked comment shows in both languages, so it must be code (the book's
 * Keras line, commented-out code, a value), not prose: no Hangul and no two
 * words in a row.
 */
const isCodeLike = (comment: string) => !HANGUL.test(comment) && !/[A-Za-z]{2,} [A-Za-z]{2,}/.test(comment);
/** Monospace columns: Hangul and other East Asian wide characters take two. */
const columns = (line: string) =>
  [...line].reduce((n, ch) => n + (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1), 0);
const codeLines = (source: string) => source.split('\n').filter((line) => !isComment(line));
/** The comment after code on a line such as `f(x); // numpy: f(x)` (strings holding "//" are not used in exercises). */
const trailingComment = (line: string) => /^\s*[^\s/].*?\/\/(.*)$/.exec(line)?.[1];

for (const id of listExercises()) {
  describe(`exercise ${id} sources`, async () => {
    const exercise = await loadExercise(id);

    for (const file of ['starter', 'solution'] as const) {
      const raw = exercise[file];
      const ko = exercise.localized.ko[file];
      const en = exercise.localized.en[file];

      it(`${file}: the English page shows no Hangul`, () => {
        en.split('\n').forEach((line, i) => expect(line, `en ${file}.ts line ${i + 1}`).not.toMatch(HANGUL));
      });

      it(`${file}: the Korean page's comments are Korean, or code the same in both languages`, () => {
        for (const line of ko.split('\n')) {
          if (isComment(line) && !HANGUL.test(line)) expect(isCodeLike(line.replace(/^\s*(\/\/|\/\*\*?|\*)/, '')), `ko ${file}.ts: ${line}`).toBe(true);
        }
      });

      it(`${file}: comments after code are code, not prose in one language`, () => {
        for (const line of raw.split('\n')) {
          const comment = trailingComment(line);
          if (comment !== undefined) expect(isCodeLike(comment), `${file}.ts: ${line}`).toBe(true);
        }
      });

      it(`${file}: every marked comment has its translation next to it`, () => {
        // Runs of consecutive marked lines: each holds both languages.
        const runs: string[][] = [[]];
        for (const line of raw.split('\n')) {
          if (isMarked(line)) runs.at(-1)!.push(/(ko|en):/.exec(line)![1]);
          else if (runs.at(-1)!.length > 0) runs.push([]);
        }
        for (const run of runs.filter((r) => r.length > 0)) expect(new Set(run), `${file}.ts: ${run.join(' ')}`).toEqual(new Set(locales));
      });

      it(`${file}: the code lines are the file's own, the same in both languages`, () => {
        expect(codeLines(ko)).toEqual(codeLines(raw));
        expect(codeLines(en)).toEqual(codeLines(raw));
      });

      it(`${file}: no comment line is wider than ${MAX_COLUMNS} columns in either language`, () => {
        for (const [locale, text] of [['ko', ko], ['en', en]] as const) {
          for (const line of text.split('\n')) {
            if (isComment(line)) expect(columns(line), `${locale} ${file}.ts: ${line}`).toBeLessThanOrEqual(MAX_COLUMNS);
          }
        }
      });
    }
  });
}
