// The one template fill for every UI string: `{name}` placeholders from
// `params`, numbers written as the locale writes them. A missing value throws,
// so a forgotten parameter fails a test or the build instead of showing "{name}".
import type { Locale } from '../contract/locale.ts';

export type Params = Readonly<Record<string, string | number>>;

/** `template` with each `{name}` replaced by `params.name`; `what` names the template in the error. */
export function fill(locale: Locale, template: string, params: Params = {}, what = JSON.stringify(template)): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`i18n: ${what} needs the parameter {${name}}; pass { ${name}: … }`);
    return typeof value === 'number' ? formatNumber(locale, value) : value;
  });
}

/** Numbers as the locale writes them (60,000 in both languages). */
export function formatNumber(locale: Locale, value: number): string {
  return value.toLocaleString(locale === 'ko' ? 'ko-KR' : 'en-US');
}
