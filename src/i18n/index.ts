// UI strings of our own components, in Korean and English.
//
// To add strings for your area: write `strings/<area>.ts` with
// `defineStrings({ ko: {...}, en: {...} })`, prefix its keys with the area
// name, and register it in `dictionaries` below. `t` then accepts its keys.
import { locales, type Locale } from './define.ts';
import { siteStrings } from './strings/site.ts';

export { defineStrings, locales, type Locale } from './define.ts';

export const dictionaries = {
  site: siteStrings,
};

type Dictionaries = typeof dictionaries;
export type StringKey = { [Area in keyof Dictionaries]: keyof Dictionaries[Area]['ko'] }[keyof Dictionaries];
export type Params = Record<string, string | number>;

const merged: Record<Locale, Record<string, string>> = { ko: {}, en: {} };
for (const area of Object.values(dictionaries)) {
  for (const locale of locales) Object.assign(merged[locale], area[locale]);
}

/** The string `key` in `locale`, with `{name}` placeholders filled from `params`. */
export function t(locale: Locale, key: StringKey, params: Params = {}): string {
  const template = merged[locale][key];
  if (template === undefined) throw new Error(`i18n: no ${locale} string for "${key}"; add it to src/i18n/strings/`);
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`i18n: "${key}" needs the parameter {${name}}; pass it in t(locale, key, { ${name} })`);
    return typeof value === 'number' ? formatNumber(locale, value) : value;
  });
}

/** Numbers as the locale writes them (60,000 in both languages). */
export function formatNumber(locale: Locale, value: number): string {
  return value.toLocaleString(locale === 'ko' ? 'ko-KR' : 'en-US');
}

/** The course locale of a page from its `lang` (Starlight: `ko` at the root, `en` under /en/). */
export function localeFromLang(lang: string | undefined): Locale {
  return lang?.toLowerCase().startsWith('en') ? 'en' : 'ko';
}
