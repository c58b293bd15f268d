// Every exercise's starter on its built lesson pages: the static highlighted
// copy and the editor's first text (the panel's config) are the starter in
// the page's language only, while the content version and the drafts' hash
// are the same on both pages (they read the one source file).
import { beforeAll, describe, expect, it } from 'vitest';
import { listExercises, loadExercise } from '../../src/exercises/registry.node.ts';
import type { PanelConfig } from '../../src/components/exercise/config.ts';
import { loadBuiltSite, type BuiltSite } from './built-site.ts';

const HANGUL = /[\uac00-\ud7a3]/;

let site: BuiltSite;
beforeAll(() => {
  site = loadBuiltSite();
});

/** The panel of exercise `id` on a built page: its static code, line by line, and its config. */
function panelOf(file: string, id: string): { lines: string[]; config: PanelConfig } {
  const panel = site.parse(file).querySelector(`course-exercise[data-exercise-id="${id}"]`);
  if (!panel) throw new Error(`${file} has no panel for ${id}`);
  const lines = [...panel.querySelectorAll('[data-part="static"] .ec-line .code')].map((line) => line.textContent!.replace(/\n$/, ''));
  const config = JSON.parse(panel.querySelector('script[data-part="config"]')!.textContent!) as PanelConfig;
  return { lines, config };
}

for (const id of listExercises()) {
  describe(`exercise ${id} on its lesson pages`, async () => {
    const { definition, localized } = await loadExercise(id);
    const files = { ko: `lessons/${definition.lesson}/index.html`, en: `en/lessons/${definition.lesson}/index.html` };

    for (const locale of ['ko', 'en'] as const) {
      it(`${locale}: the static starter and the editor's first text are the ${locale} starter`, () => {
        const { lines, config } = panelOf(files[locale], id);
        expect(config.locale).toBe(locale);
        expect(config.starter).toBe(localized[locale].starter);
        expect(lines).toEqual(localized[locale].starter.replace(/\n$/, '').split('\n'));
      });
    }

    it('the Korean page shows Korean comments and the English page no Hangul', () => {
      const ko = panelOf(files.ko, id).lines.join('\n');
      const en = panelOf(files.en, id).lines.join('\n');
      expect(ko).toMatch(HANGUL);
      expect(en).not.toMatch(HANGUL);
    });

    it('both pages give the same content version and starter hash', () => {
      const ko = panelOf(files.ko, id).config;
      const en = panelOf(files.en, id).config;
      expect(en.contentVersion).toBe(ko.contentVersion);
      expect(en.starterHash).toBe(ko.starterHash);
    });
  });
}
