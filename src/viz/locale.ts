import type { Locale } from '../contract/locale.ts';

/** Starlight's page `lang` ("ko", "en", "en-US"…) to one of ours; Korean is the root locale. */
export function vizLocale(lang: string | undefined): Locale {
  return lang?.toLowerCase().startsWith('en') ? 'en' : 'ko';
}
