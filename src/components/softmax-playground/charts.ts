// The playground's two bar charts (sigmoid per score, softmax over all three),
// with d3, the chart strings and the chart styles: loaded by element.ts only
// when the playground nears the viewport or is first used.
import '../../viz/styles.ts';
import { drawBars } from '../../viz/bars.ts';
import { clear } from '../../viz/dom.ts';
import { fmtProb } from '../../viz/format.ts';
import { t } from '../../viz/strings.ts';
import { argmax } from '../../viz/math.ts';
import { localeFromLang } from '../../i18n/locale-from-lang.ts';
import { BURGERS, type BurgerMath } from './burgers.ts';

/** `lang` is the element's `data-locale`, read into a Locale here, off the page's first script. */
export function drawCharts(charts: HTMLElement, lang: string | undefined, scores: readonly number[], m: BurgerMath): void {
  const locale = localeFromLang(lang);
  const labels = BURGERS.map((key) => t(locale, key));
  // The charts repeat the table, which is the text alternative (aria-hidden here).
  clear(charts);
  const top = argmax(scores);
  drawBars(charts, { values: m.sigmoids, labels, locale, highlight: top, title: `${t(locale, 'sigmoid')} · ${t(locale, 'sumIs', { sum: fmtProb(m.sigmoidSum) })}` });
  drawBars(charts, { values: m.softmaxes, labels, locale, highlight: top, title: `${t(locale, 'softmax')} · ${t(locale, 'sumIs', { sum: fmtProb(m.softmaxSum) })}` });
}
