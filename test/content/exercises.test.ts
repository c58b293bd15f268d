// Every exercise speaks both languages: title, hints (same count, two or
// more, progressive), check titles; and it belongs to a lesson that embeds it.
import { describe, expect, it } from 'vitest';
import { listExercises, loadExercise } from '../../src/exercises/registry.node.ts';
import { lessonSlugs, readLesson } from './lesson-files.ts';

const lessons = new Map(lessonSlugs('ko').map((slug) => [slug, readLesson('ko', slug)]));

for (const id of listExercises()) {
  describe(`exercise ${id}`, async () => {
    const { definition, localized } = await loadExercise(id);

    it('has a title in both languages', () => {
      expect(definition.title.ko.trim()).not.toBe('');
      expect(definition.title.en.trim()).not.toBe('');
      expect(definition.title.ko).not.toBe(definition.title.en);
    });

    it('has two or more hints in each language, the same number in both, none empty', () => {
      expect(definition.hints.ko.length).toBeGreaterThanOrEqual(2);
      expect(definition.hints.en.length).toBe(definition.hints.ko.length);
      for (const hint of [...definition.hints.ko, ...definition.hints.en]) expect(hint.trim()).not.toBe('');
      // A Korean hint is written in Korean, an English one is not.
      for (const hint of definition.hints.ko) expect(hint).toMatch(/[가-힣]/);
      for (const hint of definition.hints.en) expect(hint).not.toMatch(/[가-힣]/);
    });

    it('gives every check a title in both languages', () => {
      for (const check of definition.checks) {
        expect(check.title.ko.trim(), check.id).not.toBe('');
        expect(check.title.en.trim(), check.id).not.toBe('');
        expect(check.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      }
    });

    it('belongs to an existing lesson that embeds it, and is numbered like it', () => {
      const lesson = lessons.get(definition.lesson);
      expect(lesson, `lesson "${definition.lesson}" of ${id} has no page`).toBeDefined();
      expect(lesson!.exerciseIds).toContain(id);
      expect(id.slice(0, 2)).toBe(definition.lesson.slice(0, 2));
    });

    it('marks the new step in the starter with a TODO, in both languages', () => {
      if (definition.id === '02-mnist-shapes') return; // the sandbox engineer's worked example
      expect(localized.ko.starter).toMatch(/\/\/ TODO/);
      expect(localized.en.starter).toMatch(/\/\/ TODO/);
    });
  });
}
