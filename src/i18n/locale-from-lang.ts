import type { Locale } from '../contract/locale.ts';

/** The course locale of a page from its `lang` (Starlight: `ko` at the root, `en` under /en/, maybe `en-US`). */
export function localeFromLang(lang: string | undefined): Locale {
  return lang?.toLowerCase().startsWith('en') ? 'en' : 'ko';
}
