// A lesson's Keras code as a Jupyter notebook (nbformat 4.5, the version whose
// cells carry ids): an opening markdown cell in the page's language, then for
// each Python block the heading it sits under and the code, unchanged.
import type { Locale } from '../contract/locale.ts';
import { translator } from '../i18n/define.ts';
import type { PythonBlock } from './python-blocks.ts';
import { notebookStrings } from './strings.ts';

const t = translator(notebookStrings);

type Cell =
  | { id: string; cell_type: 'markdown'; metadata: Record<string, never>; source: string[] }
  | { id: string; cell_type: 'code'; metadata: Record<string, never>; source: string[]; execution_count: null; outputs: [] };

export interface Notebook {
  nbformat: 4;
  nbformat_minor: 5;
  metadata: {
    kernelspec: { name: 'python3'; display_name: 'Python 3'; language: 'python' };
    language_info: { name: 'python' };
  };
  cells: Cell[];
}

export interface LessonCode {
  locale: Locale;
  /** The lesson's slug, `09-training`: its number opens it. */
  lesson: string;
  title: string;
  blocks: PythonBlock[];
  /** The lesson page's absolute address, when the build knows the site's. */
  pageUrl?: string;
}

export function lessonNotebook({ locale, lesson, title, blocks, pageUrl }: LessonCode): Notebook {
  const about = [
    `# ${title}`,
    t(locale, 'notebook.about', { number: Number.parseInt(lesson, 10), title }),
    t(locale, 'notebook.needs'),
    ...(pageUrl ? [t(locale, 'notebook.page', { url: pageUrl })] : []),
  ].join('\n\n');
  const cells: Cell[] = [markdown('about', about)];
  blocks.forEach(({ heading, code }, i) => {
    if (heading !== undefined) cells.push(markdown(`heading-${i + 1}`, heading));
    cells.push({ id: `code-${i + 1}`, cell_type: 'code', metadata: {}, source: lines(code), execution_count: null, outputs: [] });
  });
  return {
    nbformat: 4,
    nbformat_minor: 5,
    metadata: {
      kernelspec: { name: 'python3', display_name: 'Python 3', language: 'python' },
      language_info: { name: 'python' },
    },
    cells,
  };
}

/** The file's text as Jupyter writes it: one-space indent, a final newline. */
export const notebookText = (notebook: Notebook): string => `${JSON.stringify(notebook, null, 1)}\n`;

const markdown = (id: string, text: string): Cell => ({ id, cell_type: 'markdown', metadata: {}, source: lines(text) });

// Jupyter's multiline strings: a list of lines, each keeping its newline.
const lines = (text: string): string[] => text.split(/(?<=\n)/).filter((line) => line !== '');
