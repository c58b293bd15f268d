// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import { penKey } from '../../src/components/digit-pad/keyboard-pen.ts';
import { asProbabilities, inputShapeFor, isMissingModel } from '../../src/components/digit-pad/model-input.ts';
import { burgerMath, PRESETS } from '../../src/components/softmax-playground/burgers.ts';
import '../../src/components/softmax-playground/element.ts';

describe('keyboard pen', () => {
  it('moves without drawing until Space lowers the pen', () => {
    let state = { x: 140, y: 140, down: false };
    let r = penKey(state, 'ArrowUp', false, 280);
    expect(r.action).toEqual({ type: 'move', from: [140, 140], to: [140, 126], draw: false });
    state = r.state;
    r = penKey(state, ' ', false, 280);
    expect(r.action).toEqual({ type: 'pen', down: true });
    r = penKey(r.state, 'ArrowRight', true, 280);
    expect(r.action).toMatchObject({ type: 'move', to: [144, 126], draw: true });
  });
  it('stays on the canvas and clears with Escape', () => {
    const r = penKey({ x: 2, y: 2, down: true }, 'ArrowLeft', false, 280);
    expect(r.state.x).toBe(0);
    expect(penKey(r.state, 'Escape', false, 280)).toEqual({ state: { x: 0, y: 2, down: false }, action: { type: 'clear' } });
    expect(penKey(r.state, 'a', false, 280).action.type).toBe('none');
  });
});

describe('model input for the saved model', () => {
  it('fits the 784 pixels to the model input shape', () => {
    expect(inputShapeFor([null, 784])).toEqual([1, 784]);
    expect(inputShapeFor([null, 28, 28])).toEqual([1, 28, 28]);
    expect(inputShapeFor([null, 28, 28, 1])).toEqual([1, 28, 28, 1]);
    expect(() => inputShapeFor([null, 32, 32, 3])).toThrow(/expects input shape \[null, 32, 32, 3\]/);
  });
  it('softmaxes logits but keeps probabilities', () => {
    expect(asProbabilities([0.1, 0.9])).toEqual([0.1, 0.9]);
    const p = asProbabilities([2, 1, -3]);
    expect(p.reduce((a, b) => a + b)).toBeCloseTo(1, 10);
    expect(p[0]).toBeGreaterThan(p[1]);
  });
  it('recognises tfjs "model not found" errors', () => {
    expect(isMissingModel(new Error("Cannot find model with path 'mnist-course/mnist' in IndexedDB."))).toBe(true);
    expect(isMissingModel(new Error('Out of memory'))).toBe(false);
  });
});

describe('softmax playground', () => {
  it('computes the chapter presets: softmax sums to 1, sigmoids do not', () => {
    const close = burgerMath(PRESETS[0].scores);
    expect(close.softmaxSum).toBeCloseTo(1, 12);
    expect(close.sigmoidSum).toBeGreaterThan(2.8);
    expect(Math.max(...close.softmaxes) - Math.min(...close.softmaxes)).toBeLessThan(0.07);
    const clear = burgerMath(PRESETS[1].scores);
    expect(clear.softmaxes[0]).toBeGreaterThan(0.6);
  });

  it('the element keeps the table in sync at once and loads the bar charts on first use', async () => {
    // The same markup SoftmaxPlayground.astro renders (trimmed to what the element reads).
    // Parsed first, then attached, as when the module script runs after the page is parsed.
    const holder = document.createElement('div');
    holder.innerHTML = `
      <softmax-playground data-locale="en">
        ${[3.1, 3.0, 2.9].map((v, i) => `<input type="range" min="-3" max="6" step="0.1" value="${v}" data-score="${i}"><output data-score-out="${i}"></output>`).join('')}
        <button type="button" data-preset="2,1,0.7">clear</button>
        <div data-charts></div>
        <table>${[0, 1, 2].map((i) => `<tr><td data-cell="score" data-i="${i}"></td><td data-cell="sigmoid" data-i="${i}"></td><td data-cell="softmax" data-i="${i}"></td></tr>`).join('')}
        <tr><td data-cell="sigmoid-sum"></td><td data-cell="softmax-sum"></td></tr></table>
      </softmax-playground>`;
    document.body.append(holder);
    const el = document.querySelector('softmax-playground')!;
    expect(el.querySelector('[data-cell="sigmoid-sum"]')?.textContent).toBe('2.857');
    // happy-dom never reports an intersection: no chart code until the playground is used.
    expect(el.querySelectorAll('[data-charts] svg')).toHaveLength(0);
    (el.querySelector('button[data-preset]') as HTMLButtonElement).click();
    expect(el.querySelector('[data-cell="softmax"][data-i="0"]')?.textContent).toBe('0.610');
    expect(el.querySelector('[data-score-out="2"]')?.textContent).toBe('0.7');
    await vi.waitFor(() => expect(el.querySelectorAll('[data-charts] svg')).toHaveLength(2));
    const charts = el.querySelectorAll('[data-charts] svg');
    expect(charts[0].querySelectorAll('rect.viz-bar')).toHaveLength(3);
    expect(charts[1].getAttribute('aria-label')).toBe('Softmax · Sum 1.000');
    const slider = el.querySelector('input[data-score="2"]') as HTMLInputElement;
    slider.value = '5';
    slider.dispatchEvent(new Event('input'));
    expect(el.querySelector('[data-charts] .viz-bar-argmax')?.getAttribute('data-index')).toBe('2');
    expect(el.querySelector('[data-cell="softmax-sum"]')?.textContent).toBe('1.000');
  });
});
