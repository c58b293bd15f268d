// The two languages of the course. Korean is the site's root locale.
export type Locale = 'ko' | 'en';

export const locales: readonly Locale[] = ['ko', 'en'];

/**
 * One area's UI strings in both languages. The Korean keys fix the set: a key
 * missing from `en`, or present only in `en`, is a type error. Values may
 * hold `{name}` placeholders that `t` fills in.
 */
export function defineStrings<const K extends string>(strings: {
  ko: Record<K, string>;
  en: Record<NoInfer<K>, string>;
}): { ko: Record<K, string>; en: Record<K, string> } {
  return strings;
}
