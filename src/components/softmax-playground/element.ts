// <softmax-playground>: keeps the sliders, the table and the two bar charts
// (sigmoid per score, softmax over all three) in sync.
import '../../viz/viz.css';
import { drawBars } from '../../viz/bars.ts';
import { clear } from '../../viz/dom.ts';
import { fmtProb } from '../../viz/format.ts';
import { t } from '../../viz/strings.ts';
import { vizLocale } from '../../viz/locale.ts';
import { argmax } from '../../viz/math.ts';
import { BURGERS, burgerMath } from './burgers.ts';

class SoftmaxPlayground extends HTMLElement {
  connectedCallback(): void {
    const locale = vizLocale(this.dataset.locale);
    const sliders = Array.from(this.querySelectorAll<HTMLInputElement>('input[data-score]'));
    const charts = this.querySelector<HTMLElement>('[data-charts]');
    if (sliders.length !== 3 || charts === null) return;
    const labels = BURGERS.map((key) => t(locale, key));
    const set = (selector: string, text: string) => {
      const el = this.querySelector(selector);
      if (el) el.textContent = text;
    };

    const redraw = () => {
      const scores = sliders.map((s) => Number(s.value));
      const m = burgerMath(scores);
      scores.forEach((score, i) => {
        set(`[data-score-out="${i}"]`, score.toFixed(1));
        set(`[data-cell="score"][data-i="${i}"]`, score.toFixed(1));
        set(`[data-cell="sigmoid"][data-i="${i}"]`, fmtProb(m.sigmoids[i]));
        set(`[data-cell="softmax"][data-i="${i}"]`, fmtProb(m.softmaxes[i]));
      });
      set('[data-cell="sigmoid-sum"]', fmtProb(m.sigmoidSum));
      set('[data-cell="softmax-sum"]', fmtProb(m.softmaxSum));
      // The charts repeat the table, which is the text alternative (aria-hidden here).
      clear(charts);
      const top = argmax(scores);
      drawBars(charts, { values: m.sigmoids, labels, locale, highlight: top, title: `${t(locale, 'sigmoid')} · ${t(locale, 'sumIs', { sum: fmtProb(m.sigmoidSum) })}` });
      drawBars(charts, { values: m.softmaxes, labels, locale, highlight: top, title: `${t(locale, 'softmax')} · ${t(locale, 'sumIs', { sum: fmtProb(m.softmaxSum) })}` });
    };

    for (const s of sliders) s.addEventListener('input', redraw);
    for (const button of this.querySelectorAll<HTMLButtonElement>('button[data-preset]')) {
      button.addEventListener('click', () => {
        const scores = (button.dataset.preset ?? '').split(',').map(Number);
        sliders.forEach((s, i) => (s.value = String(scores[i])));
        redraw();
      });
    }
    redraw();
  }
}

if (!customElements.get('softmax-playground')) customElements.define('softmax-playground', SoftmaxPlayground);
