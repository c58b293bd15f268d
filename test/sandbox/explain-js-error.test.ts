// The page's words for JavaScript's own errors, on the messages the engine
// really produces: each case provokes the error, then explains it.
import { describe, expect, it } from 'vitest';
import { explainEngineError, explainSyntaxError, explainUnknownError, withoutInternalNames } from '../../src/sandbox/explain-js-error.ts';

function thrownBy(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    return `${(e as Error).name}: ${(e as Error).message}`;
  }
  throw new Error('expected a throw');
}

const hangul = /[가-힣]/;

describe('explainEngineError on real engine messages', () => {
  const cases: [string, () => unknown, string][] = [
    ['not a function', () => new Function('const flat = {}; flat.dvi(255);')(), '`flat.dvi`'],
    ['property of undefined', () => (undefined as unknown as { shape: number }).shape, '`shape`'],
    ['not defined', () => new Function('return xTrian;')(), '`xTrian`'],
    ['before initialization', () => new Function('x; let x = 1;')(), '`x`'],
    ['assignment to const', () => new Function('const a = 1; a = 2;')(), 'const'],
  ];
  for (const [name, provoke, names] of cases) {
    it(`explains "${name}" in both languages, naming the learner's own name`, () => {
      const explained = explainEngineError(thrownBy(provoke));
      expect(explained?.en).toContain(names);
      expect(explained?.ko).toContain(names);
      expect(explained?.ko).toMatch(hangul);
      expect(explained?.en).not.toMatch(hangul);
    });
  }

  it('says nothing about a message it does not know, and the fallback still speaks both languages', () => {
    expect(explainEngineError('Error: something else')).toBeUndefined();
    expect(explainUnknownError(3).ko).toMatch(hangul);
    expect(explainUnknownError(undefined).en).toMatch(/failed/);
  });
});

describe('syntax errors and internal names', () => {
  it('drops the sandbox names the learner never wrote', () => {
    expect(withoutInternalNames('TypeError: exports.flat.dvi is not a function')).toBe('TypeError: flat.dvi is not a function');
    expect(withoutInternalNames('Error transforming learner-code.ts: Unexpected token')).toBe('Unexpected token');
  });

  it('names the expected token when the parser says it', () => {
    expect(explainSyntaxError('Unexpected token, expected ","').en).toContain('`,`');
    expect(explainSyntaxError('Unexpected token').ko).toMatch(hangul);
  });
});
