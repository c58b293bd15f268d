// The pad's preprocessing and the viz pieces it draws and speaks with (d3,
// the strings, the chart styles), loaded together on first use so none of
// them is part of the page's first paint.
import '../../viz/styles.ts';
export { drawBitmap } from '../../viz/bitmap.ts';
export { drawBars, barsKey } from '../../viz/bars.ts';
export { clear } from '../../viz/dom.ts';
export { t } from '../../viz/strings.ts';
export { argmax } from '../../viz/math.ts';
export { fmtProb } from '../../viz/format.ts';
export { localeFromLang } from '../../i18n/locale-from-lang.ts';
export { inkFromRgba, preprocessDigit } from '../../viz/digit/preprocess.ts';
