// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { renderShow } from '../../src/viz/index.ts';
import { resetIds } from '../../src/viz/ids.ts';
import { formatParams, formatShape, readableMemorySize } from '../../src/viz/format.ts';
import { cellColor, textColorOn } from '../../src/viz/confusion-matrix.ts';
import type { ShowPayload } from '../../src/contract/show.ts';
import { chapterLayers, chapterSummary, digitOne, mnistConfusion } from './fixtures.ts';
import { expectSnapshot } from './snapshot.ts';

let root: HTMLElement;
beforeEach(() => {
  resetIds();
  document.body.innerHTML = '';
  root = document.createElement('div');
  document.body.append(root);
});

function describedText(el: Element): string {
  return (el.getAttribute('aria-describedby') ?? '')
    .split(' ')
    .map((id) => document.getElementById(id)?.textContent ?? '')
    .join(' ');
}

describe('images', () => {
  const payload: ShowPayload = {
    kind: 'images',
    width: 28,
    height: 28,
    pixels: Array.from({ length: 9 }, (_, i) => digitOne(i % 3)),
    labels: [1, 1, 1, 1, 1, 1, 1, 1, 1],
    predictions: [1, 1, 7, 1, 1, 1, 1, 4, 1],
    classNames: ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'],
  };

  it('draws a 3×3 grid of crisp 28×28 images with labels and predictions', () => {
    renderShow(root, payload, { locale: 'en' });
    const items = root.querySelectorAll('.viz-image');
    expect(items).toHaveLength(9);
    expect((root.querySelector('.viz-image-grid') as HTMLElement).style.getPropertyValue('--viz-cols')).toBe('3');
    const svg = items[0].querySelector('svg')!;
    expect(svg.getAttribute('viewBox')).toBe('0 0 28 28');
    expect(svg.getAttribute('shape-rendering')).toBe('crispEdges');
    // Two ink columns over 20 rows, one rect per row-run: 40 rects.
    expect(svg.querySelectorAll('.viz-bitmap-ink rect')).toHaveLength(40);
    expect(items[0].textContent).toContain('Label: one');
    expect(items[0].textContent).toContain('Predicted: one');
  });

  it('marks misclassified images with a class and a ✗, not only colour', () => {
    renderShow(root, payload, { locale: 'ko' });
    const wrong = root.querySelectorAll('.viz-wrong');
    expect(wrong).toHaveLength(2);
    expect(wrong[0].querySelector('.viz-mark')?.textContent).toBe('✗ ');
    expect(wrong[0].querySelector('svg')?.getAttribute('aria-label')).toBe('3번 이미지, 정답 one, 예측 seven, 틀림');
    expect(root.querySelector('.viz-sr-only p')?.textContent).toBe('이미지 9개, 그중 2개를 잘못 분류했습니다.');
    expect(root.querySelectorAll('.viz-sr-only tbody tr')).toHaveLength(9);
  });

  it('names a pixel count mismatch', () => {
    expect(() => renderShow(root, { kind: 'images', width: 28, height: 28, pixels: [[1, 2, 3]] }, { locale: 'en' })).toThrow(/3 pixels but width × height is 28 × 28 = 784/);
  });
});

describe('confusion matrix', () => {
  it('draws 100 focusable button cells with counts, class labels and a legend', () => {
    renderShow(root, mnistConfusion, { locale: 'en' });
    const cells = root.querySelectorAll('button.viz-cm-cell');
    expect(cells).toHaveLength(100);
    expect(root.querySelectorAll('th.viz-cm-col')).toHaveLength(10);
    expect(root.querySelectorAll('th.viz-cm-row')).toHaveLength(10);
    const cell49 = root.querySelector('button[data-true="4"][data-pred="9"]')!;
    expect(cell49.textContent).toBe('14');
    expect(cell49.getAttribute('aria-label')).toBe('True 4, predicted 9: 14');
    // Roving tabindex: exactly one Tab stop.
    expect(Array.from(cells).filter((c) => c.getAttribute('tabindex') === '0')).toHaveLength(1);
    expect(root.querySelector('.viz-cm-legend')?.getAttribute('role')).toBe('img');
    expect(root.textContent).toContain('Predicted class');
    expect(root.textContent).toContain('True class');
    expect(describedText(root.querySelector('table.viz-cm')!)).toMatch(/Most frequent confusion: true 4 → predicted 9 \(14\)/);
  });

  it('activating a cell announces its count and shows its example images', () => {
    renderShow(root, mnistConfusion, { locale: 'en' });
    const cell = root.querySelector('button[data-true="4"][data-pred="9"]') as HTMLButtonElement;
    cell.click();
    expect(cell.getAttribute('aria-pressed')).toBe('true');
    const live = root.querySelector('.viz-cm-detail [aria-live="polite"]')!;
    expect(live.textContent).toBe('True 4 predicted as 9: 14. 3 example images shown below.');
    expect(root.querySelectorAll('.viz-cm-examples .viz-image')).toHaveLength(3);
    (root.querySelector('button[data-true="0"][data-pred="0"]') as HTMLButtonElement).click();
    expect(cell.getAttribute('aria-pressed')).toBe('false');
    expect(root.querySelectorAll('.viz-cm-examples .viz-image')).toHaveLength(0);
    expect(live.textContent).toContain('No example images');
  });

  it('arrow keys move focus between cells', () => {
    renderShow(root, mnistConfusion, { locale: 'en' });
    const first = root.querySelector('button[data-true="0"][data-pred="0"]') as HTMLButtonElement;
    first.focus();
    first.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));
    first.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true }));
    const target = root.querySelector('button[data-true="1"][data-pred="0"]') as HTMLButtonElement;
    expect(target.tabIndex).toBe(0);
    expect(document.activeElement).toBe(target);
  });

  it('uses cividis colours with readable text on each', () => {
    const color = cellColor(1000);
    expect(color(0)).toBe('#002051');
    expect(textColorOn(color(0))).toBe('#ffffff');
    expect(textColorOn(color(1000))).toBe('#000000');
    // Every cell's text meets WCAG AA (4.5:1) against its fill.
    const luminance = (hex: string) => {
      const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    for (let count = 0; count <= 1000; count += 5) {
      const [a, b] = [luminance(color(count)), luminance(textColorOn(color(count)))].sort((x, y) => y - x);
      expect((a + 0.05) / (b + 0.05), `count ${count}`).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('rejects a non-square matrix with a message', () => {
    expect(() => renderShow(root, { kind: 'confusion-matrix', matrix: [[1, 2], [3]], classNames: ['a', 'b'] }, { locale: 'en' })).toThrow(/square/);
  });
});

describe('probabilities', () => {
  const payload: ShowPayload = {
    kind: 'probabilities',
    values: [0.01, 0.02, 0.03, 0.6, 0.04, 0.2, 0.02, 0.03, 0.03, 0.02],
    labels: ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'],
    trueIndex: 5,
  };
  it('draws one bar per class and highlights argmax and the true class', () => {
    renderShow(root, payload, { locale: 'en' });
    expect(root.querySelectorAll('rect.viz-bar')).toHaveLength(10);
    expect(root.querySelector('.viz-bar-argmax')?.getAttribute('data-index')).toBe('3');
    expect(root.querySelector('.viz-bar-argmax .viz-bar-value')?.textContent).toBe('0.600 ◆');
    expect(root.querySelector('.viz-bar-true')?.getAttribute('data-index')).toBe('5');
    expect(root.querySelector('.viz-bar-true .viz-bar-label')?.textContent).toBe('✓ 5');
    expect(root.querySelectorAll('.viz-bar-true-outline')).toHaveLength(1);
    expect(describedText(root.querySelector('svg')!)).toBe('Highest probability: 3 (0.600). True class: 5 (0.200).');
    expect(root.querySelectorAll('.viz-sr-only tbody tr')).toHaveLength(10);
  });
  it('matches the committed snapshot', () => {
    renderShow(root, payload, { locale: 'ko' });
    expectSnapshot('probabilities', root.querySelector('svg')!);
  });
});

describe('histogram', () => {
  const bins = (lo: number, hi: number, counts: number[]) =>
    counts.map((count, i) => ({ x0: lo + ((hi - lo) * i) / counts.length, x1: lo + ((hi - lo) * (i + 1)) / counts.length, count }));
  const payload: ShowPayload = {
    kind: 'histogram',
    title: 'Scaling',
    series: [
      { label: 'raw', bins: bins(0, 255, [5000, 40, 30, 25, 20, 30, 40, 60, 90, 700]) },
      { label: 'MinMaxScaler', bins: bins(0, 1, [5000, 40, 30, 25, 20, 30, 40, 60, 90, 700]) },
      { label: 'StandardScaler', bins: bins(-0.42, 2.8, [5000, 40, 30, 25, 20, 30, 40, 60, 90, 700]) },
    ],
  };
  it('draws one panel per series with its bins and axis labels', () => {
    renderShow(root, payload, { locale: 'en' });
    const svgs = root.querySelectorAll('svg');
    expect(svgs).toHaveLength(3);
    for (const svg of svgs) {
      expect(svg.querySelectorAll('rect.viz-hist-bar')).toHaveLength(10);
      expect(Array.from(svg.querySelectorAll('.viz-axis-label'), (t) => t.textContent)).toEqual(['Value', 'Count']);
    }
    expect(svgs[2].getAttribute('aria-label')).toBe('StandardScaler');
    expect(root.querySelector('.viz-sr-only p')?.textContent).toContain('raw: range 0 to 255, 6,035 values');
    expect(root.querySelectorAll('.viz-sr-only table')).toHaveLength(3);
  });
});

describe('model summary', () => {
  it('lays out rows like Keras and totals as "101,770 (397.54 KB)"', () => {
    renderShow(root, chapterSummary, { locale: 'ko' });
    expect(root.querySelector('.viz-summary-model')?.textContent).toBe('Model: "sequential"');
    const rows = Array.from(root.querySelectorAll('tbody tr'), (tr) => Array.from(tr.children, (c) => c.textContent));
    expect(rows).toEqual([
      ['flatten (Flatten)', '(None, 784)', '0'],
      ['dense (Dense)', '(None, 128)', '100,480'],
      ['dense_1 (Dense)', '(None, 10)', '1,290'],
    ]);
    const totals = root.querySelector('.viz-summary-totals')!.textContent;
    expect(totals).toContain('Total params:101,770 (397.54 KB)');
    expect(totals).toContain('Trainable params:101,770 (397.54 KB)');
    expect(totals).toContain('Non-trainable params:0 (0.00 Byte)');
    expect(root.querySelector('th')?.getAttribute('scope')).toBe('col');
  });
  it('formats sizes and shapes like Keras', () => {
    expect(formatParams(101770)).toBe('101,770 (397.54 KB)');
    expect(readableMemorySize(0)).toBe('0.00 Byte');
    expect(readableMemorySize(4 * 1_000_000)).toBe('3.81 MB');
    expect(formatShape([null])).toBe('(None,)');
    expect(formatShape([null, 28, 28])).toBe('(None, 28, 28)');
  });
});

describe('model graph', () => {
  it('draws one box per layer with shapes and an arrow per connection', () => {
    renderShow(root, { kind: 'model-graph', modelName: 'sequential', layers: chapterLayers }, { locale: 'en' });
    const nodes = root.querySelectorAll('.viz-node');
    expect(nodes).toHaveLength(3);
    expect(Array.from(nodes[1].querySelectorAll('text'), (t) => t.textContent)).toEqual(['dense (Dense)', 'input: (None, 784)', 'output: (None, 128)']);
    const edges = root.querySelectorAll('.viz-edge');
    expect(edges).toHaveLength(2);
    expect(edges[0].getAttribute('marker-end')).toMatch(/^url\(#viz-arrow-\d+\)$/);
    // A sequential model is one column: boxes go down.
    const ys = Array.from(nodes, (n) => Number(/,([\d.]+)\)/.exec(n.getAttribute('transform')!)![1]));
    expect(ys[0]).toBeLessThan(ys[1]);
    expect(ys[1]).toBeLessThan(ys[2]);
    expect(root.querySelector('.viz-sr-only p')?.textContent).toBe('3 layers: flatten (Flatten) → dense (Dense) → dense_1 (Dense)');
    expectSnapshot('model-graph', root.querySelector('svg')!);
  });
  it('spreads branches side by side', () => {
    const layers = [
      { ...chapterLayers[0] },
      { ...chapterLayers[1], name: 'a' },
      { ...chapterLayers[1], name: 'b' },
      { ...chapterLayers[2], name: 'out', inbound: ['a', 'b'], inputShape: [[null, 128], [null, 128]] },
    ];
    renderShow(root, { kind: 'model-graph', modelName: 'branchy', layers }, { locale: 'en' });
    expect(root.querySelectorAll('.viz-edge')).toHaveLength(4);
    expect(root.querySelector('svg')?.getAttribute('viewBox')).toBe('0 0 560 274');
    expect(root.querySelector('[data-name="out"] .viz-node-shape')?.textContent).toBe('input: [(None, 128), (None, 128)]');
  });
});

describe('cross-entropy', () => {
  it('draws the −log p curve and places each loss at p = e^−loss', () => {
    renderShow(root, { kind: 'cross-entropy', losses: [0.0693, 2.3026], labels: ['good', 'guessing'] }, { locale: 'en' });
    expect(root.querySelectorAll('path.viz-line-curve')).toHaveLength(1);
    const points = root.querySelectorAll('.viz-ce-point');
    expect(points).toHaveLength(2);
    expect(Array.from(points, (p) => p.querySelector('text')?.textContent)).toEqual(['good', 'guessing']);
    // x is linear in p: p=e^−0.0693≈0.933 is right of p=0.1.
    const cx = Array.from(points, (p) => Number(p.querySelector('circle')!.getAttribute('cx')));
    expect(cx[0]).toBeGreaterThan(cx[1]);
    const rows = Array.from(root.querySelectorAll('.viz-sr-only tbody tr'), (tr) => tr.textContent);
    expect(rows).toEqual(['good0.06930.933', 'guessing2.30260.100']);
    expectSnapshot('cross-entropy', root.querySelector('svg')!);
  });
});

describe('renderShow', () => {
  it('names an unknown kind', () => {
    expect(() => renderShow(root, { kind: 'pie' } as unknown as ShowPayload, { locale: 'en' })).toThrow(/unknown payload kind 'pie'/);
  });
});
