// How an area declares its UI strings and gets its lookup. Each area keeps its
// own strings module, so a page loads only the strings it shows.
import type { Locale } from '../contract/locale.ts';
import { fill, type Params } from './fill.ts';

export type Strings<K extends string> = { ko: Record<K, string>; en: Record<K, string> };

/**
 * One area's UI strings in both languages. The Korean keys fix the set: a key
 * missing from `en`, or present only in `en`, is a type error. Values may
 * hold `{name}` placeholders that the area's translator fills in.
 */
export function defineStrings<const K extends string>(strings: {
  ko: Record<K, string>;
  en: Record<NoInfer<K>, string>;
}): Strings<K> {
  return strings;
}

/** The lookup of one area: the string `key` in `locale`, placeholders filled from `params`. */
export function translator<K extends string>(strings: Strings<K>): (locale: Locale, key: K, params?: Params) => string {
  return (locale, key, params) => {
    const template = strings[locale]?.[key];
    if (template === undefined) throw new Error(`i18n: no ${locale} string for "${key}"`);
    return fill(locale, template, params, `"${key}"`);
  };
}
