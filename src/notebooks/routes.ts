// The notebook routes' build step (src/pages/notebooks/, src/pages/en/notebooks/):
// one notebook per lesson of a locale that has Python code, made from the
// lesson's own MDX source in the docs collection.
import type { APIRoute } from 'astro';
import { getCollection } from 'astro:content';
import type { Locale } from '../contract/locale.ts';
import { lessonOf } from './address.ts';
import { lessonNotebook, notebookText } from './notebook.ts';
import { pythonBlocks, type PythonBlock } from './python-blocks.ts';

interface Props {
  locale: Locale;
  lesson: string;
  id: string;
  title: string;
  blocks: PythonBlock[];
}

/** `getStaticPaths` for one locale's notebooks: `[lesson].ipynb`. */
export function notebookPaths(locale: Locale) {
  return async () => {
    const entries = await getCollection('docs', (entry) => lessonOf(entry.id, locale) !== undefined);
    return entries.flatMap((entry) => {
      if (entry.body === undefined) throw new Error(`${entry.filePath}: the docs collection kept no source for this lesson`);
      const blocks = pythonBlocks(entry.body, entry.filePath ?? entry.id);
      if (blocks.length === 0) return [];
      const lesson = lessonOf(entry.id, locale)!;
      const props: Props = { locale, lesson, id: entry.id, title: entry.data.title, blocks };
      return [{ params: { lesson }, props }];
    });
  };
}

export const serveNotebook: APIRoute = ({ props, site }) => {
  const { locale, lesson, id, title, blocks } = props as Props;
  // The lesson's page, when the build knows the site's address (the deploy sets SITE).
  const base = import.meta.env.BASE_URL.replace(/\/?$/, '/');
  const pageUrl = site ? new URL(`${base}${id}/`, site).href : undefined;
  const text = notebookText(lessonNotebook({ locale, lesson, title, blocks, pageUrl }));
  return new Response(text, { headers: { 'Content-Type': 'application/x-ipynb+json' } });
};
