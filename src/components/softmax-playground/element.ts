// <softmax-playground>: keeps the sliders, the table and the two bar charts
// (sigmoid per score, softmax over all three) in sync. The table works at
// once; the charts' code (d3, strings, styles: charts.ts) loads only when the
// playground nears the viewport or is first used, so a lesson page does not
// pay for it before then.
import { burgerMath, fmtBurger } from './burgers.ts';

type Charts = typeof import('./charts.ts');

class SoftmaxPlayground extends HTMLElement {
  #charts: Charts | null = null;
  #loading = false;
  #observer: IntersectionObserver | null = null;

  connectedCallback(): void {
    const sliders = Array.from(this.querySelectorAll<HTMLInputElement>('input[data-score]'));
    if (sliders.length !== 3 || this.querySelector('[data-charts]') === null) return;
    const used = () => {
      this.redraw();
      this.loadCharts();
    };
    for (const s of sliders) s.addEventListener('input', used);
    for (const button of this.querySelectorAll<HTMLButtonElement>('button[data-preset]')) {
      button.addEventListener('click', () => {
        const scores = (button.dataset.preset ?? '').split(',').map(Number);
        sliders.forEach((s, i) => (s.value = String(scores[i])));
        used();
      });
    }
    if (typeof IntersectionObserver === 'function') {
      // The exercise panel's margin: loaded a little before it scrolls into view.
      this.#observer = new IntersectionObserver((entries) => {
        if (entries.some((e) => e.isIntersecting)) this.loadCharts();
      }, { rootMargin: '800px 0px' });
      this.#observer.observe(this);
    } else {
      this.loadCharts();
    }
    this.redraw();
  }

  disconnectedCallback(): void {
    this.#observer?.disconnect();
  }

  private loadCharts(): void {
    this.#observer?.disconnect();
    if (this.#loading) return;
    this.#loading = true;
    import('./charts.ts').then((charts) => {
      this.#charts = charts;
      this.redraw();
    }, (error: unknown) => console.error('softmax playground: the charts failed to load', error));
  }

  private redraw(): void {
    const scores = Array.from(this.querySelectorAll<HTMLInputElement>('input[data-score]'), (s) => Number(s.value));
    const m = burgerMath(scores);
    const set = (selector: string, text: string) => {
      const el = this.querySelector(selector);
      if (el) el.textContent = text;
    };
    scores.forEach((score, i) => {
      set(`[data-score-out="${i}"]`, score.toFixed(1));
      set(`[data-cell="score"][data-i="${i}"]`, score.toFixed(1));
      set(`[data-cell="sigmoid"][data-i="${i}"]`, fmtBurger(m.sigmoids[i]));
      set(`[data-cell="softmax"][data-i="${i}"]`, fmtBurger(m.softmaxes[i]));
    });
    set('[data-cell="sigmoid-sum"]', fmtBurger(m.sigmoidSum));
    set('[data-cell="softmax-sum"]', fmtBurger(m.softmaxSum));
    const charts = this.querySelector<HTMLElement>('[data-charts]');
    if (charts && this.#charts) this.#charts.drawCharts(charts, this.dataset.locale, scores, m);
  }
}

if (!customElements.get('softmax-playground')) customElements.define('softmax-playground', SoftmaxPlayground);
