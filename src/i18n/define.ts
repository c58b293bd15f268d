import { locales, type Locale } from '../contract/locale.ts';

export { locales, type Locale };

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
