import { describe, expect, it } from 'vitest';
import { buildCatalog, quizNumbers } from '../../src/progress/catalog.ts';

const lessons = [
  { id: 'lessons/02-mnist', title: 'MNIST', order: 2, body: '<Quiz lesson="02-mnist" n={2} question="b" />\n<Quiz\n  lesson="02-mnist"\n  n={1}\n  question="a" />' },
  { id: 'lessons/01-introduction', title: '시작하기', order: 1, body: '' },
  { id: 'en/lessons/02-mnist', title: 'MNIST (en)', order: 2, body: '<Quiz lesson="02-mnist" n={1} />' },
  { id: 'data', title: 'Data' },
];
const exercises = [
  { id: '02-mnist-shapes', lesson: '02-mnist', title: { ko: '모양', en: 'Shapes' } },
  { id: '01-tensor-basics', lesson: '01-introduction', title: { ko: '텐서', en: 'Tensors' } },
];

describe('progress catalog', () => {
  it('finds quizzes in MDX, multi-line tags included, in order', () => {
    expect(quizNumbers(lessons[0].body!, '02-mnist')).toEqual([1, 2]);
    expect(quizNumbers(lessons[0].body!, '03-other')).toEqual([]);
  });

  it('lists a locale\'s lessons in sidebar order with their exercises and quizzes, links under base', () => {
    const ko = buildCatalog('ko', lessons, exercises, '/mnist-course/');
    expect(ko.map((l) => l.slug)).toEqual(['01-introduction', '02-mnist']);
    expect(ko[1].href).toBe('/mnist-course/lessons/02-mnist/');
    expect(ko[1].items).toEqual([
      { id: '02-mnist-shapes', kind: 'exercise', title: '모양' },
      { id: 'quiz:02-mnist:1', kind: 'quiz', title: '#1' },
      { id: 'quiz:02-mnist:2', kind: 'quiz', title: '#2' },
    ]);
    const en = buildCatalog('en', lessons, exercises, '/');
    expect(en.map((l) => [l.slug, l.href])).toEqual([['02-mnist', '/en/lessons/02-mnist/']]);
    expect(en[0].items.map((i) => i.id)).toEqual(['02-mnist-shapes', 'quiz:02-mnist:1']);
  });
});
