// Reads lesson pages (both locales) into the few facts the content tests
// compare: frontmatter, exercise ids, quizzes, links. Plain regexes suffice
// because the authoring guide fixes how these components are written.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const LESSON_DIRS = {
  ko: path.join(ROOT, 'src/content/docs/lessons'),
  en: path.join(ROOT, 'src/content/docs/en/lessons'),
} as const;
export type Locale = keyof typeof LESSON_DIRS;

export interface LessonFacts {
  slug: string;
  file: string;
  title?: string;
  description?: string;
  order?: number;
  exerciseIds: string[];
  quizzes: { lesson: string; n: number }[];
  /** Targets of Markdown links `[text](target)` that are not external. */
  internalLinks: string[];
  source: string;
}

export function lessonSlugs(locale: Locale): string[] {
  const dir = LESSON_DIRS[locale];
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => /^\d\d-[a-z0-9-]+\.mdx$/.test(name))
    .map((name) => name.replace(/\.mdx$/, ''))
    .sort();
}

export function readLesson(locale: Locale, slug: string): LessonFacts {
  const file = path.join(LESSON_DIRS[locale], `${slug}.mdx`);
  const source = readFileSync(file, 'utf8');
  return { slug, file, source, ...parseLesson(source) };
}

export function parseLesson(source: string): Omit<LessonFacts, 'slug' | 'file' | 'source'> {
  const front = /^---\n([\s\S]*?)\n---/.exec(source)?.[1] ?? '';
  const field = (name: string) => new RegExp(`^${name}:\\s*(.+)$`, 'm').exec(front)?.[1]?.trim();
  const order = /^sidebar:\s*\n\s+order:\s*(\d+)/m.exec(front)?.[1];
  const body = source.slice(front.length);
  // Code fences may show component syntax as an example; only real uses count.
  const prose = body.replace(/```[\s\S]*?```/g, '');
  return {
    title: field('title'),
    description: field('description'),
    order: order === undefined ? undefined : Number(order),
    exerciseIds: [...prose.matchAll(/<Exercise\s+id="([^"]+)"/g)].map((m) => m[1]),
    // Each use starts with `<Quiz`; its first lesson= and n= are its own.
    quizzes: prose.split(/<Quiz\b/).slice(1).map((use) => ({
      lesson: /lesson="([^"]+)"/.exec(use)?.[1] ?? '',
      n: Number(/n=\{(\d+)\}/.exec(use)?.[1] ?? NaN),
    })),
    internalLinks: [...prose.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]).filter((t) => !/^[a-z]+:/.test(t)),
  };
}
