// Lesson pages in both locales agree with each other and with the exercise
// folders: same exercises, same number of quizzes, complete frontmatter,
// relative links only.
import { describe, expect, it } from 'vitest';
import { listExercises } from '../../src/exercises/registry.node.ts';
import { lessonSlugs, parseLesson, readLesson } from './lesson-files.ts';

const SLUGS = ['01-introduction', '02-mnist', '03-validation-split', '04-preprocessing', '05-one-hot', '06-model', '07-sigmoid-softmax', '08-compile', '09-training'];

describe('lesson pages', () => {
  it('lessons 01–09 exist in Korean and English', () => {
    for (const slug of SLUGS) {
      expect(lessonSlugs('ko'), `src/content/docs/lessons/${slug}.mdx`).toContain(slug);
      expect(lessonSlugs('en'), `src/content/docs/en/lessons/${slug}.mdx`).toContain(slug);
    }
  });

  it('every lesson has a counterpart in the other locale', () => {
    expect(lessonSlugs('en')).toEqual(lessonSlugs('ko'));
  });

  for (const slug of lessonSlugs('ko')) {
    describe(slug, () => {
      const ko = readLesson('ko', slug);
      const en = readLesson('en', slug);

      it('has title, description and sidebar order matching its number', () => {
        for (const page of [ko, en]) {
          expect(page.title, page.file).toBeTruthy();
          expect(page.description, page.file).toBeTruthy();
          expect(page.order, page.file).toBe(Number(slug.slice(0, 2)));
        }
      });

      it('has the same exercises, in the same order, in both locales, and at least one', () => {
        expect(ko.exerciseIds.length, ko.file).toBeGreaterThan(0);
        expect(en.exerciseIds, en.file).toEqual(ko.exerciseIds);
      });

      it('has the same quizzes in both locales, numbered 1… and labelled with this slug', () => {
        expect(en.quizzes, en.file).toEqual(ko.quizzes);
        expect(ko.quizzes.map((q) => q.n)).toEqual(ko.quizzes.map((_, i) => i + 1));
        for (const quiz of ko.quizzes) expect(quiz.lesson, ko.file).toBe(slug);
      });

      it('starts with learning goals', () => {
        expect(ko.source).toMatch(/:::note\[학습 목표\]/);
        expect(en.source).toMatch(/:::note\[Learning goals\]/);
      });

      it('links other pages relatively (Markdown links do not get the base path)', () => {
        for (const page of [ko, en]) {
          for (const link of page.internalLinks) expect(link, `${page.file}: ${link}`).not.toMatch(/^\//);
        }
      });

      it('shows code as Keras next to TensorFlow.js in synced tabs', () => {
        for (const page of [ko, en]) {
          const tabs = page.source.match(/<Tabs\b[^>]*>/g) ?? [];
          for (const tag of tabs) expect(tag, page.file).toContain('syncKey="code-lang"');
        }
      });
    });
  }

  it('every referenced exercise exists and every exercise folder is used by a lesson', () => {
    const folders = listExercises();
    const used = lessonSlugs('ko').flatMap((slug) => readLesson('ko', slug).exerciseIds);
    for (const id of used) expect(folders, `<Exercise id="${id}"> has no folder src/exercises/${id}`).toContain(id);
    for (const id of folders) expect(used, `src/exercises/${id} is not used by any lesson`).toContain(id);
  });
});

describe('parseLesson', () => {
  // The parser must not be fooled by examples inside code fences; if it were,
  // the checks above could pass on pages without any real exercise.
  it('ignores components shown inside code fences and reads real ones', () => {
    const page = parseLesson(
      [
        '---',
        'title: T',
        'description: D',
        'sidebar:',
        '  order: 3',
        '---',
        '```mdx',
        '<Exercise id="00-example" />',
        '```',
        '<Exercise id="03-real" />',
        '<Quiz lesson="03-x" n={1} question="q" options={[]} />',
        '<Quiz',
        '  lesson="03-x"',
        '  n={2}',
        '>table</Quiz>',
        'See [next](../04-y/) and [abs](/en/x/) and [ext](https://example.org).',
      ].join('\n'),
    );
    expect(page).toEqual({
      title: 'T',
      description: 'D',
      order: 3,
      exerciseIds: ['03-real'],
      quizzes: [{ lesson: '03-x', n: 1 }, { lesson: '03-x', n: 2 }],
      internalLinks: ['../04-y/', '/en/x/'],
    });
  });
});
