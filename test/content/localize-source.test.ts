// localizeSource: one exercise source, one language per page.
import { describe, expect, it } from 'vitest';
import { localizeSource } from '../../src/exercises/localize-source.ts';
import { validateExercise } from '../../src/exercises/catalogue.ts';
import { loadExercise } from '../../src/exercises/registry.node.ts';

const SOURCE = [
  "import * as tf from '@tensorflow/tfjs';",
  '',
  '// ko: TODO: 이미지를 펼치세요.',
  '// en: TODO: flatten the images.',
  '// en:       (one row each)',
  '// Keras: x.reshape((2, 6))',
  '  /** ko: 이미 완성 */',
  '  /** en: done */',
  'export const flat = x; // numpy: x',
  '//ko:붙여 쓴 표시',
  '//en:no space',
  '// ko:',
  '// en:',
].join('\n');

describe('localizeSource', () => {
  it('keeps the Korean comments for ko, without their marker, and every other line as written', () => {
    expect(localizeSource(SOURCE, 'ko')).toBe([
      "import * as tf from '@tensorflow/tfjs';",
      '',
      '// TODO: 이미지를 펼치세요.',
      '// Keras: x.reshape((2, 6))',
      '  /** 이미 완성 */',
      'export const flat = x; // numpy: x',
      '//붙여 쓴 표시',
      '//',
    ].join('\n'));
  });

  it('keeps the English comments for en, with the indentation after the marker', () => {
    expect(localizeSource(SOURCE, 'en')).toBe([
      "import * as tf from '@tensorflow/tfjs';",
      '',
      '// TODO: flatten the images.',
      '//       (one row each)',
      '// Keras: x.reshape((2, 6))',
      '  /** done */',
      'export const flat = x; // numpy: x',
      '//no space',
      '//',
    ].join('\n'));
  });

  it('changes nothing in a source without markers, CRLF line ends included', () => {
    const plain = 'const a = 1;\r\n// Keras: a = 1\r\nconsole.log(a);\r\n';
    expect(localizeSource(plain, 'ko')).toBe(plain);
    expect(localizeSource(plain, 'en')).toBe(plain);
    expect(localizeSource('// ko: 하나\r\n// en: one\r\nx;\r\n', 'en')).toBe('// one\r\nx;\r\n');
  });

  it('leaves words that only look like markers alone', () => {
    const code = "const label = { ko: '개', en: 'dog' };\n// token: en\n";
    expect(localizeSource(code, 'ko')).toBe(code);
  });

  it('refuses a marker after code, naming the line', () => {
    expect(() => localizeSource('const a = 1;\nexport const b = a; // ko: 설명\n', 'en')).toThrow(/line 2: .*own/);
  });
});

describe('the catalogue', () => {
  const definition = async () => (await loadExercise('01-tensor-basics')).definition;

  it('gives each exercise its sources in both languages', async () => {
    const exercise = validateExercise('01-tensor-basics', { definition: await definition(), starter: '// ko: 시작\n// en: start\nx;\n', solution: 'x;\n' });
    expect(exercise.localized).toEqual({ ko: { starter: '// 시작\nx;\n', solution: 'x;\n' }, en: { starter: '// start\nx;\n', solution: 'x;\n' } });
  });

  it('names the file and line of a misplaced marker', async () => {
    const valid = await definition();
    expect(() => validateExercise('01-tensor-basics', { definition: valid, starter: 'x;\n', solution: 'x; // en: done\n' }))
      .toThrow(/src\/exercises\/01-tensor-basics\/: solution\.ts line 1: /);
  });
});
