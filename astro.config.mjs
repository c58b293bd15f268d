// @ts-check
import { existsSync } from 'node:fs';
import { defineConfig } from 'astro/config';
import starlight from '@astrojs/starlight';
import { unified } from '@astrojs/markdown-remark';
import remarkCjkFriendly from 'remark-cjk-friendly';
import remarkMath from 'remark-math';
import rehypeKatex from 'rehype-katex';
import { exerciseEditor } from './src/integrations/exercise-editor.ts';
import { remarkKatexCss } from './src/integrations/remark-katex-css.ts';
import { katexCss } from './src/integrations/katex-css.ts';
import { contentSecurityPolicy } from './src/integrations/content-security-policy.ts';
import { serviceWorker } from './src/integrations/service-worker.ts';

// GitHub Pages serves the site under /<repository>/: the deploy workflow sets
// SITE and BASE_PATH; locally the site lives at the root.
const site = process.env.SITE || undefined;
const base = process.env.BASE_PATH || '/';

// The progress page belongs to another part of the course. A sidebar `slug`
// pointing at a page that does not exist fails the whole build, so the link
// appears only once the page is there.
const hasProgressPage = ['md', 'mdx'].some((ext) =>
  existsSync(new URL(`./src/content/docs/progress.${ext}`, import.meta.url)),
);

export default defineConfig({
  site,
  base,
  markdown: {
    // Astro 7 renders Markdown with Sätteri by default, which runs no
    // remark/rehype plugins; math needs the unified processor (Starlight adds
    // its own asides and heading links to it).
    processor: unified({
      // remarkCjkFriendly: CommonMark's emphasis rules fail next to Hangul
      // (`**정답이 $i$**인` keeps its `**`); the plugin lets emphasis close
      // before a Korean particle. It applies to .md and .mdx alike (MDX uses
      // this processor).
      // remarkKatexCss: only pages with formulas load KaTeX's CSS (katexCss below trims it).
      remarkPlugins: [remarkCjkFriendly, remarkMath, remarkKatexCss],
      rehypePlugins: [rehypeKatex],
    }),
  },
  integrations: [
    // Monaco's CSS loaded with the editor, not on every page; editor-types.json.
    exerciseEditor(),
    // KaTeX's stylesheet: woff2 fonts, trimmed to the rules the pages use.
    katexCss(),
    // A Content-Security-Policy <meta> on every page: the sandbox worker inherits it.
    contentSecurityPolicy(),
    starlight({
      title: {
        ko: '4장 · 신경망 적용해보기',
        en: 'Chapter 4 · Neural networks in practice',
      },
      description:
        'MNIST와 Fashion-MNIST로 배우는 다중 분류: 브라우저에서 바로 실행하는 TensorFlow.js 실습',
      defaultLocale: 'root',
      locales: {
        root: { label: '한국어', lang: 'ko' },
        en: { label: 'English', lang: 'en' },
      },
      favicon: '/favicon.svg',
      // The course's one button look (src/components/buttons.css), in the stylesheet every page links.
      customCss: ['./src/components/buttons.css', './src/components/korean-text.css'],
      // No lesson marks lines or words in code blocks ({2-3}, ins=, del=):
      // without the text-marker plugin every page with code loads less CSS.
      expressiveCode: { textMarkers: false },
      // Starlight's search, but the results' styles load with the Pagefind UI.
      components: {
        Search: './src/components/search/Search.astro',
        // Starlight's <head> plus the service worker's boot script.
        Head: './src/components/head/Head.astro',
      },
      sidebar: [
        {
          label: 'Course',
          translations: { ko: '과정' },
          items: [{ autogenerate: { directory: 'lessons' } }],
        },
        { slug: 'data', label: 'About the data', translations: { ko: '데이터 소개' } },
        ...(hasProgressPage
          ? [{ slug: 'progress', label: 'Progress', translations: { ko: '진행 상황' } }]
          : []),
        // For teachers: assignment links (src/components/AssignmentMaker.astro; learners
        // open them on the assignment page, AssignmentView.astro, not in the sidebar).
        { slug: 'assignments', label: 'Assignment links (teachers)', translations: { ko: '과제 링크 (교사용)' } },
        // For teachers: grade exported submissions in the browser (src/components/Gradebook.astro).
        { slug: 'gradebook', label: 'Gradebook (teachers)', translations: { ko: '채점 (교사용)' } },
      ],
    }),
    // Offline after the first visit (src/service-worker/): last, so that it
    // sees every file the others write, Pagefind's index included.
    serviceWorker(),
  ],
  vite: {
    // Monaco's editor and TypeScript workers are ES modules.
    worker: { format: 'es' },
    build: {
      rolldownOptions: {
        // Astro marks every MDX module with this directive on purpose; the
        // bundler's notice about it is noise repeated for each page.
        onwarn(warning, warn) {
          if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && warning.message.includes('astro:head-inject')) return;
          warn(warning);
        },
        output: {
          codeSplitting: {
            // The string helpers (translator, template fill, locale from lang)
            // load together on every lazy path (exercise panel, charts, digit
            // pad): one chunk instead of three tiny ones, each another entry in
            // the preload lists of the page's first scripts (page weight).
            groups: [{ name: 'i18n', test: /[\\/]src[\\/]i18n[\\/](define|fill|locale-from-lang)\.ts$/ }],
          },
        },
      },
    },
    // Without these, `astro dev` discovers tfjs through the sandbox worker on
    // the first Run and reloads the page mid-run.
    optimizeDeps: {
      include: [
        '@tensorflow/tfjs',
        '@tensorflow/tfjs-backend-wasm',
        '@tensorflow/tfjs-backend-webgpu',
        'd3',
        // The sandbox worker's transpiler: without these `astro dev` discovers
        // them on the first Run and reloads the page.
        'sucrase',
        'sucrase/dist/parser/index.js',
        'sucrase/dist/parser/tokenizer/types.js',
        'sucrase/dist/parser/tokenizer/keywords.js',
      ],
    },
  },
});
