// The string system: every area declares its UI strings with `defineStrings`
// in its own module and looks them up through `translator` (one `fill` for
// all). This entry also serves the site shell's own strings (`t`), for Astro
// pages; client modules import `define.ts` or `fill.ts` directly so they do
// not carry the site strings.
import { translator } from './define.ts';
import { siteStrings } from './strings/site.ts';

export { locales, type Locale, type Localized } from '../contract/locale.ts';
export { defineStrings, translator, type Strings } from './define.ts';
export { fill, formatNumber, type Params } from './fill.ts';
export { localeFromLang } from './locale-from-lang.ts';
export { siteStrings };

export type StringKey = keyof (typeof siteStrings)['ko'];

/** A site-shell string in `locale`, with `{name}` placeholders filled from `params`. */
export const t = translator(siteStrings);
