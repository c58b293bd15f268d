// What a run hands back is data to validate: check results rebuilt field by
// field, any error made printable, output capped; a report that crossed from
// the page to the command line is rebuilt the same way.
import { describe, expect, it } from 'vitest';
import { OutputBuffer, MAX_OUTPUT_CHARS, MAX_OUTPUT_LINES } from '../../src/grading/browser/output-buffer.ts';
import { capString, MalformedChecks, validCheckResults } from '../../src/grading/browser/valid-checks.ts';
import { validLearnerError } from '../../src/grading/browser/valid-learner-error.ts';
import { validRunReport } from '../../src/grading/browser/valid-report.ts';

const good = { id: 'flat-shape', title: { ko: '펼치기', en: 'Flatten' }, status: 'failed', message: { ko: '틀림', en: 'wrong' }, graded: true };

describe('validCheckResults', () => {
  it('keeps valid results, drops unknown fields and caps long strings', () => {
    const [result] = validCheckResults([{ ...good, extra: 'x', title: { ko: 'k'.repeat(10_000), en: 'e' } }]);
    expect(Object.keys(result).sort()).toEqual(['graded', 'id', 'message', 'status', 'title']);
    expect(result.title.ko.length).toBe(500);
    expect(result.title.ko.endsWith('…')).toBe(true);
  });

  it('refuses every malformed field, naming it', () => {
    const cases: [unknown, RegExp][] = [
      [{ not: 'an array' }, /must be an array/],
      [[null], /results\[0\] must be an object/],
      [[{ ...good, id: 42 }], /results\[0\]\.id/],
      [[{ ...good, id: '   ' }], /results\[0\]\.id/],
      [[good, good], /repeats/],
      [[{ ...good, status: 'passed!' }], /status/],
      [[{ ...good, graded: 'yes' }], /graded/],
      [[{ ...good, title: 'Flatten' }], /title must be/],
      [[{ ...good, title: { ko: 'x', en: { toString: 1 } } }], /title must be/],
      [[{ ...good, message: { en: 'only english' } }], /message must be/],
      [Array.from({ length: 201 }, (_, i) => ({ ...good, id: `c${i}` })), /at most 200/],
    ];
    for (const [value, problem] of cases) expect(() => validCheckResults(value)).toThrow(problem);
    expect(() => validCheckResults(null)).toThrow(MalformedChecks);
  });
});

describe('validLearnerError', () => {
  it('always gives a printable error', () => {
    expect(validLearnerError({ kind: 'nonsense', message: { toString: 'x' }, line: 'one', explanation: 7 }))
      .toEqual({ kind: 'runtime', message: '(the run reported an error without a readable message)' });
    expect(validLearnerError(undefined).kind).toBe('runtime');
    expect(validLearnerError({ kind: 'syntax', message: 'x'.repeat(10_000), line: 3, column: 1.5 })).toMatchObject({ kind: 'syntax', line: 3 });
    expect(validLearnerError({ kind: 'syntax', message: 'x'.repeat(10_000) }).message.length).toBe(4000);
  });
});

describe('OutputBuffer', () => {
  it('keeps at most 200 entries and 64 KB, and drops what is not text', () => {
    const lines = new OutputBuffer();
    for (let i = 0; i < 1000; i++) lines.push(`line ${i}`);
    lines.push({ not: 'text' });
    expect(lines.lines.length).toBe(MAX_OUTPUT_LINES);
    expect(lines.truncated).toBe(true);
    const big = new OutputBuffer();
    big.push({ not: 'text' });
    big.push('x'.repeat(100_000));
    big.push('more');
    expect(big.lines.length).toBe(1);
    expect(big.lines[0].length).toBe(MAX_OUTPUT_CHARS);
    expect(big.truncated).toBe(true);
  });

  it('never cuts a surrogate pair in half', () => {
    expect(capString('ab😀cd', 4)).toBe('ab…');
  });
});

describe('validRunReport', () => {
  it('rebuilds a report from anything', () => {
    expect(validRunReport('nonsense', 'r1')).toEqual({ runId: 'r1', events: [], console: [], shows: [], checks: [], ok: false });
    const report = validRunReport({ ok: true, checks: [good], console: ['a', 7, 'b'], shows: [{ huge: true }], backend: 'wasm'.repeat(20) }, 'r2');
    expect(report).toMatchObject({ runId: 'r2', ok: true, console: ['a', 'b'], shows: [], backend: 'wasm'.repeat(10) });
    const bad = validRunReport({ ok: true, checks: [{ ...good, graded: 1 }] }, 'r3');
    expect(bad.ok).toBe(false);
    expect(bad.error?.message).toMatch(/graded/);
  });
});
