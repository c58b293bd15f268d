import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { assignmentStrings } from '../../src/components/assignment/strings.ts';
import { exerciseStrings } from '../../src/components/exercise/strings.ts';
import { quizStrings } from '../../src/components/quiz/strings.ts';
import { fill, formatNumber, localeFromLang, siteStrings, t, type Strings } from '../../src/i18n/index.ts';
import { progressStrings } from '../../src/progress/strings.ts';
import { vizStrings } from '../../src/viz/strings.ts';

// Every area's strings module (each is loaded only by the pages that show it).
const areas: Record<string, Strings<string>> = { site: siteStrings, exercise: exerciseStrings, quiz: quizStrings, progress: progressStrings, viz: vizStrings, assignment: assignmentStrings };

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('UI strings', () => {
  it.each(Object.entries(areas))('area %s has the same keys in ko and en, none empty, same placeholders', (_, area) => {
    expect(Object.keys(area.en).sort()).toEqual(Object.keys(area.ko).sort());
    for (const [key, ko] of Object.entries(area.ko)) {
      const en = area.en[key]!;
      expect(ko.trim(), `ko "${key}" is empty`).not.toBe('');
      expect(en.trim(), `en "${key}" is empty`).not.toBe('');
      expect(placeholders(en), `placeholders of "${key}"`).toEqual(placeholders(ko));
    }
  });

  it('t fills placeholders and formats numbers per locale', () => {
    expect(t('ko', 'data.summary', { train: 60000, test: 10000, classes: 10 })).toBe('학습 60,000개, 테스트 10,000개, 클래스 10개');
    expect(t('en', 'data.summary', { train: 60000, test: 10000, classes: 10 })).toBe('60,000 training and 10,000 test examples, 10 classes');
    expect(t('en', 'data.split.seed', { seed: '20261129' })).toBe('Random seed: 20261129');
    expect(formatNumber('ko', 47040016)).toBe('47,040,016');
  });

  it('t names the missing parameter', () => {
    expect(() => t('en', 'data.summary', { train: 1, test: 2 })).toThrow('"data.summary" needs the parameter {classes}');
  });

  it('fill is the one template fill: numbers per locale, a missing value throws', () => {
    expect(fill('ko', '{file}에서 {items}개', { file: 'a.json', items: 1200 })).toBe('a.json에서 1,200개');
    expect(fill('en', 'no placeholders')).toBe('no placeholders');
    expect(() => fill('en', 'Exported to {file}.', {})).toThrow('needs the parameter {file}');
  });

  it('localeFromLang maps page languages to course locales', () => {
    expect(localeFromLang('en')).toBe('en');
    expect(localeFromLang('en-US')).toBe('en');
    expect(localeFromLang('ko')).toBe('ko');
    expect(localeFromLang(undefined)).toBe('ko');
  });

  it('a key missing in one language, or an unknown key, is a type error', () => {
    const dir = mkdtempSync(join(tmpdir(), 'i18n-types-'));
    const define = join(import.meta.dirname, '..', '..', 'src', 'i18n', 'define.ts');
    const index = join(import.meta.dirname, '..', '..', 'src', 'i18n', 'index.ts');
    const file = join(dir, 'fixture.ts');
    writeFileSync(
      file,
      [
        `import { defineStrings } from ${JSON.stringify(define)};`,
        `import { t } from ${JSON.stringify(index)};`,
        `defineStrings({ ko: { 'x.a': '가', 'x.b': '나' }, en: { 'x.a': 'a' } });`,
        `defineStrings({ ko: { 'x.a': '가' }, en: { 'x.a': 'a', 'x.c': 'c' } });`,
        `defineStrings({ ko: { 'x.a': '가' }, en: { 'x.a': 'a' } });`,
        `t('ko', 'no.such.key');`,
        `t('en', 'data.summary', { train: 1, test: 2, classes: 3 });`,
      ].join('\n'),
    );
    const program = ts.createProgram([file], {
      strict: true,
      noEmit: true,
      allowImportingTsExtensions: true,
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      target: ts.ScriptTarget.ESNext,
      types: [],
      lib: ['lib.esnext.d.ts'],
    });
    const errors = ts
      .getPreEmitDiagnostics(program)
      .filter((d) => d.file?.fileName === file)
      .map((d) => `${d.file!.getLineAndCharacterOfPosition(d.start!).line + 1}: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`);
    expect(errors).toHaveLength(3);
    expect(errors[0]).toMatch(/^3: .*x\.b.* is missing/);
    expect(errors[1]).toMatch(/^4: .*x\.c.* does not exist/);
    expect(errors[2]).toMatch(/^6: .*no\.such\.key/);
  });
});
