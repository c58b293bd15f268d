// <digit-pad>: draw a digit (pointer or keyboard), see the 28×28 input the
// model gets and its probabilities. Nothing heavy loads until the pad is
// used: the preprocessing, the viz code, its strings and styles on first
// focus or stroke (pictures.ts), and tfjs inside the worker.
import type { Locale } from '../../contract/locale.ts';
import type { StringKey } from '../../viz/strings.ts';
import { penKey, type PenState } from './keyboard-pen.ts';
import type { PadReply, PadRequest } from './messages.ts';

type Pictures = typeof import('./pictures.ts');

const LINE_WIDTH = 20;

class DigitPad extends HTMLElement {
  private locale: Locale = 'ko';
  private canvas!: HTMLCanvasElement;
  private ctx!: CanvasRenderingContext2D;
  private cursor!: HTMLElement;
  private worker: Worker | null = null;
  private pictures: Promise<Pictures> | null = null;
  private loaded: Pictures | null = null;
  private modelReady = false;
  private inFlight = false;
  private dirty = false;
  private announce = false;
  private requestId = 0;
  private pen: PenState = { x: 140, y: 140, down: false };
  private last: [number, number] | null = null;

  connectedCallback(): void {
    const canvas = this.querySelector<HTMLCanvasElement>('canvas[data-pad]');
    const ctx = canvas?.getContext('2d', { willReadFrequently: true });
    const cursor = this.querySelector<HTMLElement>('[data-cursor]');
    if (!canvas || !ctx || !cursor) return;
    this.canvas = canvas;
    this.ctx = ctx;
    this.cursor = cursor;

    canvas.addEventListener('pointerdown', (e) => this.pointerDown(e));
    canvas.addEventListener('pointermove', (e) => this.pointerMove(e));
    for (const type of ['pointerup', 'pointercancel'] as const) canvas.addEventListener(type, () => this.strokeEnd());
    canvas.addEventListener('keydown', (e) => this.key(e));
    canvas.addEventListener('focus', () => {
      this.start();
      this.showCursor(true);
    });
    canvas.addEventListener('blur', () => this.showCursor(false));
    this.querySelector('[data-clear]')?.addEventListener('click', () => this.clearPad());
    this.querySelector('[data-reload]')?.addEventListener('click', () => this.loadModel());
  }

  disconnectedCallback(): void {
    this.worker?.terminate();
    this.worker = null;
  }

  /**
   * The viz code and strings; every use waits on the same promise, so texts keep their order.
   * The locale is read with them: only their texts need it, and the page's first script stays smaller.
   */
  private view(): Promise<Pictures> {
    return (this.pictures ??= import('./pictures.ts').then((pictures) => {
      this.locale = pictures.localeFromLang(this.dataset.locale);
      return (this.loaded = pictures);
    }));
  }

  /** First use: load the pictures module and start the worker (and with it tfjs). */
  private start(): void {
    void this.view();
    if (!this.worker) {
      this.worker = new Worker(new URL('./predict-worker.ts', import.meta.url), { type: 'module' });
      this.worker.addEventListener('message', (e: MessageEvent<PadReply>) => this.onReply(e.data));
      this.worker.addEventListener('error', (e) => this.setStatus('padError', { message: e.message || 'worker failed to start' }, 'error'));
      this.loadModel();
    }
  }

  private loadModel(): void {
    if (!this.worker) return this.start();
    this.modelReady = false;
    this.setStatus('padLoading', {}, 'loading');
    this.post({ type: 'load', name: this.dataset.modelName || 'mnist' });
  }

  private post(message: PadRequest): void {
    this.worker?.postMessage(message);
  }

  private onReply(reply: PadReply): void {
    if (reply.type === 'ready') {
      this.modelReady = true;
      this.setStatus('padReady', { backend: reply.backend }, 'ready');
      this.querySelector<HTMLElement>('[data-reload]')!.hidden = false;
      this.dirty = true;
      this.update();
    } else if (reply.type === 'no-model') {
      this.setStatus('padNoModel', { name: reply.name }, 'missing');
      this.querySelector<HTMLElement>('[data-reload]')!.hidden = false;
    } else if (reply.type === 'error') {
      this.inFlight = false;
      this.setStatus('padError', { message: reply.message }, 'error');
    } else if (reply.type === 'prediction' && reply.id === this.requestId) {
      this.inFlight = false;
      // A newer drawing is waiting: show this result, but announce only the final one.
      const final = !this.dirty;
      void this.showProbabilities(reply.probabilities, final);
      if (!final) this.update();
    }
  }

  private setStatus(key: StringKey, vars: Record<string, string>, state: string): void {
    void this.view().then(({ t }) => {
      const status = this.querySelector<HTMLElement>('[data-status]');
      if (!status) return;
      status.textContent = t(this.locale, key, vars);
      status.dataset.state = state;
    });
  }

  private point(e: PointerEvent): [number, number] {
    const rect = this.canvas.getBoundingClientRect();
    return [((e.clientX - rect.left) / rect.width) * this.canvas.width, ((e.clientY - rect.top) / rect.height) * this.canvas.height];
  }

  private pointerDown(e: PointerEvent): void {
    if (e.button !== 0) return;
    e.preventDefault();
    this.start();
    this.canvas.setPointerCapture(e.pointerId);
    this.last = this.point(e);
    this.segment(this.last, this.last);
  }

  private pointerMove(e: PointerEvent): void {
    if (!this.last) return;
    // Coalesced events keep fast strokes smooth on high-rate pens.
    const events = typeof e.getCoalescedEvents === 'function' ? e.getCoalescedEvents() : [e];
    for (const ev of events.length ? events : [e]) {
      const p = this.point(ev);
      this.segment(this.last, p);
      this.last = p;
    }
  }

  private strokeEnd(): void {
    if (!this.last) return;
    this.last = null;
    this.announce = true;
    this.update();
  }

  private segment(from: [number, number], to: [number, number]): void {
    const ctx = this.ctx;
    ctx.strokeStyle = getComputedStyle(this.canvas).color || '#000';
    ctx.lineWidth = LINE_WIDTH;
    ctx.lineCap = 'round';
    ctx.lineJoin = 'round';
    ctx.beginPath();
    ctx.moveTo(from[0], from[1]);
    ctx.lineTo(to[0], to[1]);
    ctx.stroke();
    this.update();
  }

  private key(e: KeyboardEvent): void {
    const { state, action } = penKey(this.pen, e.key, e.shiftKey, this.canvas.width);
    if (action.type === 'none') return;
    e.preventDefault();
    this.pen = state;
    if (action.type === 'move' && action.draw) this.segment(action.from, action.to);
    if (action.type === 'pen' && action.down) this.segment([state.x, state.y], [state.x, state.y]);
    if (action.type === 'clear') this.clearPad();
    if (action.type === 'pen' && !action.down) {
      this.announce = true;
      this.update();
    }
    this.showCursor(true);
  }

  private showCursor(visible: boolean): void {
    this.cursor.hidden = !visible;
    this.cursor.style.left = `${(this.pen.x / this.canvas.width) * 100}%`;
    this.cursor.style.top = `${(this.pen.y / this.canvas.height) * 100}%`;
    this.cursor.dataset.down = String(this.pen.down);
    const down = this.pen.down;
    void this.view().then(({ t }) => (this.cursor.title = t(this.locale, down ? 'padPenDown' : 'padPenUp')));
  }

  private clearPad(): void {
    this.ctx.clearRect(0, 0, this.canvas.width, this.canvas.height);
    this.pen = { ...this.pen, down: false };
    this.announce = true;
    this.update();
  }

  /** Preprocess and predict; at most one prediction in flight, the latest drawing wins. */
  private update(): void {
    this.dirty = true;
    if (this.inFlight) return;
    const pictures = this.loaded;
    if (!pictures) {
      // The preprocessing comes with the pictures (first use): read the drawing once they are here.
      void this.view().then(() => {
        if (this.dirty) this.update();
      });
      return;
    }
    this.dirty = false;
    const { width, height } = this.canvas;
    const result = pictures.preprocessDigit(pictures.inkFromRgba(this.ctx.getImageData(0, 0, width, height).data, width, height));
    void this.showPreview(result.pixels, result.empty);
    if (result.empty) {
      void this.showProbabilities(null, true);
      return;
    }
    if (!this.modelReady) return;
    this.inFlight = true;
    this.requestId += 1;
    this.post({ type: 'predict', id: this.requestId, pixels: result.pixels });
  }

  private async showPreview(pixels: Float32Array, empty: boolean): Promise<void> {
    const { drawBitmap, clear, t } = await this.view();
    const box = this.querySelector<HTMLElement>('[data-preview]');
    if (!box) return;
    clear(box);
    drawBitmap(box, 28, 28, pixels, empty ? t(this.locale, 'padEmpty') : t(this.locale, 'padPreview'), 1);
  }

  private async showProbabilities(probabilities: number[] | null, final: boolean): Promise<void> {
    const { drawBars, clear, t, argmax, fmtProb } = await this.view();
    const box = this.querySelector<HTMLElement>('[data-probabilities]');
    const result = this.querySelector<HTMLElement>('[data-result]');
    if (!box || !result) return;
    clear(box);
    if (!probabilities) {
      if (this.announce) result.textContent = t(this.locale, 'padEmpty');
      this.announce = false;
      return;
    }
    const names = (this.dataset.labels ?? '').split(',').filter(Boolean);
    const labels = probabilities.map((_, i) => names[i] ?? String(i));
    drawBars(box, { values: probabilities, labels, locale: this.locale, title: t(this.locale, 'probabilitiesTitle') });
    const top = argmax(probabilities);
    const text = t(this.locale, 'padPrediction', { label: labels[top], p: fmtProb(probabilities[top]) });
    // The live region speaks when a stroke ends, not on every pointer move.
    if (this.announce && final) {
      result.textContent = text;
      this.announce = false;
    }
  }
}

if (!customElements.get('digit-pad')) customElements.define('digit-pad', DigitPad);
