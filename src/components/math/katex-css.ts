// KaTeX's stylesheet lists every font three times (woff2, woff, ttf). Every
// browser that can run this course (module workers) reads woff2, so the other
// two only add bytes to the CSS and 40 unused files to the build. The fonts
// stay files: inlined as base64 (Vite does that under 4 KB) a font that a page
// may never use would weigh on every page with math.
// (The CSS itself is imported by pages with math: remark-katex-css.ts.)
import type { Plugin } from 'vite';

const KATEX_CSS = /\/katex\/dist\/katex(\.min)?\.css(\?|$)/;
const KATEX_FONTS = '/katex/dist/fonts/';
const FALLBACKS = /,\s*url\([^)]+\.(?:woff|ttf)\)\s*format\("(?:woff|truetype)"\)/g;

export function katexWoff2(): Plugin {
  return {
    name: 'course-katex-woff2',
    enforce: 'pre',
    config(config) {
      const previous = config.build?.assetsInlineLimit;
      return {
        build: {
          assetsInlineLimit: (file: string, content: Buffer) => {
            if (file.includes(KATEX_FONTS)) return false;
            return typeof previous === 'function' ? previous(file, content) : previous === undefined ? undefined : content.length < previous;
          },
        },
      };
    },
    transform(code, id) {
      if (!KATEX_CSS.test(id)) return null;
      const trimmed = code.replace(FALLBACKS, '');
      if (trimmed === code) throw new Error(`${id}: no woff/ttf font fallbacks found to drop; KaTeX's CSS changed its @font-face format (update src/components/math/katex-woff2.ts)`);
      return { code: trimmed, map: null };
    },
  };
}
