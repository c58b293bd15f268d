// @vitest-environment happy-dom
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { renderShow, createLiveHistory } from '../../src/viz/index.ts';
import { normalizeHistory, lowestIndex, sameHistory } from '../../src/viz/history-data.ts';
import { resetIds } from '../../src/viz/ids.ts';
import { MAX_TABLE_ROWS } from '../../src/viz/history-view.ts';
import type { FitProgressPayload, HistoryComparePayload } from '../../src/contract/show.ts';
import { mnistHistory } from './fixtures.ts';
import { expectSnapshot } from './snapshot.ts';

let root: HTMLElement;
beforeEach(() => {
  resetIds();
  document.body.innerHTML = '';
  root = document.createElement('div');
  document.body.append(root);
});

describe('history data', () => {
  it('accepts acc and accuracy alike', () => {
    const a = normalizeHistory(mnistHistory(5, 'acc').series);
    const b = normalizeHistory(mnistHistory(5, 'accuracy').series);
    expect(a.acc).toHaveLength(5);
    expect(b.acc).toEqual(a.acc);
    expect(b.valAcc).toEqual(a.valAcc);
  });
  it('tells the same history apart from another, whatever the metric is called', () => {
    const h = mnistHistory(5, 'acc').series;
    expect(sameHistory(h, mnistHistory(5, 'accuracy').series)).toBe(true);
    expect(sameHistory(h, { loss: h.loss })).toBe(true);
    expect(sameHistory(h, { loss: h.loss.map((v) => Math.fround(v)) })).toBe(true);
    expect(sameHistory(h, { loss: h.loss.slice(0, 4) })).toBe(false);
    expect(sameHistory(h, { loss: h.loss.map((v, i) => (i === 2 ? v + 0.01 : v)) })).toBe(false);
    expect(sameHistory(h, {})).toBe(false);
  });
  it('finds the lowest finite value', () => {
    expect(lowestIndex([0.5, NaN, 0.2, 0.3])).toBe(2);
    expect(lowestIndex([])).toBe(-1);
  });
});

describe('renderHistory', () => {
  it('draws loss and accuracy panels, train and validation lines, and marks epoch 12', () => {
    renderShow(root, mnistHistory(30), { locale: 'en' });
    const svgs = root.querySelectorAll('svg.viz-svg');
    expect(svgs).toHaveLength(2);
    expect(root.querySelectorAll('path.viz-line-train')).toHaveLength(2);
    expect(root.querySelectorAll('path.viz-line-val')).toHaveLength(2);
    const markers = root.querySelectorAll('.viz-best');
    expect(markers).toHaveLength(2);
    for (const m of markers) expect(m.getAttribute('data-epoch')).toBe('12');
    expect(root.querySelector('.viz-best text')?.textContent).toBe('Lowest val. loss: epoch 12');
    // 30 points per series.
    expect(root.querySelectorAll('.viz-series-train circle')).toHaveLength(60);
  });

  it('accepts accuracy/val_accuracy too', () => {
    renderShow(root, mnistHistory(8, 'accuracy'), { locale: 'ko' });
    const acc = root.querySelectorAll('svg.viz-svg')[1];
    expect(acc.querySelector('[data-key="acc"] path')?.getAttribute('d')).toMatch(/^M/);
    expect(acc.querySelector('[data-key="val_acc"] path')?.getAttribute('d')).toMatch(/^M/);
    expect(acc.getAttribute('aria-label')).toBe('정확도');
  });

  it('is accessible: figure caption, role=img with title, described by a summary, hidden table', () => {
    renderShow(root, mnistHistory(30), { locale: 'ko' });
    const figure = root.querySelector('figure')!;
    expect(document.getElementById(figure.getAttribute('aria-labelledby')!)?.textContent).toBe('MNIST');
    const svg = root.querySelector('svg')!;
    expect(svg.getAttribute('role')).toBe('img');
    expect(svg.querySelector('title')?.textContent).toBe('손실');
    const summary = document.getElementById(svg.getAttribute('aria-describedby')!)!;
    expect(summary.textContent).toContain('에포크 12');
    const table = root.querySelector('.viz-sr-only table')!;
    expect(table.querySelectorAll('tbody tr')).toHaveLength(30);
    expect(table.querySelector('tbody tr:nth-child(12) th')?.textContent).toBe('12');
    expect(svg.getAttribute('viewBox')).toBe('0 0 320 220');
    expect(svg.getAttribute('width')).toBe('100%');
  });

  it('keeps the text table readable for thousands of epochs: an even sample with the best and the last epoch', () => {
    const epochs = 5000;
    const loss = Array.from({ length: epochs }, (_, i) => 1 / (i + 1));
    const valLoss = loss.map((v, i) => (i === 4321 ? 0 : v + 0.01));
    renderShow(root, { kind: 'history', series: { loss, val_loss: valLoss } }, { locale: 'en' });
    const rows = [...root.querySelectorAll('.viz-sr-only table tbody tr th')].map((th) => Number(th.textContent));
    expect(rows.length).toBeLessThanOrEqual(MAX_TABLE_ROWS + 2);
    expect(rows[0]).toBe(1);
    expect(rows).toContain(4322);
    expect(rows.at(-1)).toBe(epochs);
    expect(root.querySelector('.viz-sr-only table caption')?.textContent).toContain(`${rows.length} of ${epochs.toLocaleString('en')} epochs`);
  });

  it('without validation data says so and draws no marker', () => {
    renderShow(root, { kind: 'history', series: { loss: [0.5, 0.3, 0.2], acc: [0.8, 0.9, 0.95] } }, { locale: 'en' });
    expect(root.querySelector('.viz-best')).toBeNull();
    expect(root.querySelector('.viz-sr-only p')?.textContent).toMatch(/No validation data/);
  });

  it('update redraws with the new series', () => {
    const r = renderShow(root, mnistHistory(5), { locale: 'en' });
    r.update(mnistHistory(20));
    expect(root.querySelectorAll('figure')).toHaveLength(1);
    expect(root.querySelector('.viz-best')?.getAttribute('data-epoch')).toBe('12');
    r.destroy();
    expect(root.innerHTML).toBe('');
  });

  it('matches the committed snapshot', () => {
    renderShow(root, mnistHistory(15), { locale: 'en' });
    expectSnapshot('history-loss', root.querySelector('svg')!);
  });
});

describe('live history from fit-progress', () => {
  const event = (phase: FitProgressPayload['phase'], epoch: number, extra: Partial<FitProgressPayload> = {}): FitProgressPayload => ({
    kind: 'fit-progress',
    fitId: 1,
    phase,
    epoch,
    epochs: 20,
    elapsedMs: 1000 * (epoch + 1),
    ...extra,
  });

  it('redraws per epoch and moves the marker as validation loss bottoms out', () => {
    const live = createLiveHistory(root, { locale: 'en' });
    const h = mnistHistory(20).series;
    live.push(event('begin', 0));
    for (let e = 0; e < 20; e++) {
      live.push(event('batch', e, { batch: 99, batches: 329, logs: { loss: h.loss[e] } }));
      live.push(event('epoch', e, { logs: { loss: h.loss[e], val_loss: h.val_loss[e], acc: h.acc[e], val_acc: h.val_acc[e] } }));
      const best = Math.min(e, 11) + 1;
      expect(root.querySelector('.viz-best')?.getAttribute('data-epoch')).toBe(String(best));
      expect(root.querySelector('.viz-sr-only table tbody')?.children).toHaveLength(e + 1);
    }
    expect(live.series().val_loss).toEqual(h.val_loss);
    expect(root.querySelector('[aria-live]')?.textContent).toMatch(/^Epoch 20\/20 done: loss/);
    live.push(event('end', 19, { elapsedMs: 65_000 }));
    expect(root.querySelector('.viz-status')?.textContent).toBe('Training finished: 20 epochs in 1 min 5 s');
    expect((root.querySelector('progress') as HTMLProgressElement).value).toBe(1);
  });

  it('settles when the run ends: a fit cut short loses its time estimate, one without an epoch says so', () => {
    const live = createLiveHistory(root, { locale: 'ko' });
    const h = mnistHistory(3).series;
    live.push(event('begin', 0));
    live.push(event('epoch', 0, { logs: { loss: h.loss[0] } }));
    live.push(event('batch', 1, { batch: 9, batches: 329, elapsedMs: 4000 }));
    expect(root.querySelector('.viz-status')?.textContent).toMatch(/남은 시간/);
    expect(live.settle()).toBe(true);
    expect(root.querySelector('.viz-status')?.textContent).toBe('학습이 끝나기 전에 실행이 끝났습니다: 1 에포크까지 기록');

    root.replaceChildren();
    const empty = createLiveHistory(root, { locale: 'en' });
    empty.push(event('begin', 0));
    empty.push(event('batch', 0, { batch: 3, batches: 329 }));
    expect(empty.settle()).toBe(false);

    root.replaceChildren();
    const finished = createLiveHistory(root, { locale: 'en' });
    finished.push(event('begin', 0));
    finished.push(event('epoch', 0, { logs: { loss: h.loss[0] } }));
    finished.push(event('end', 0, { elapsedMs: 5000 }));
    expect(finished.settle()).toBe(true);
    expect(root.querySelector('.viz-status')?.textContent).toBe('Training finished: 1 epochs in 5 s');
  });

  it('takes the epochs an event carries along (a fast fit sends epochs in bunches)', () => {
    const live = createLiveHistory(root, { locale: 'en' });
    const h = mnistHistory(5).series;
    const logsOf = (e: number) => ({ loss: h.loss[e]!, val_loss: h.val_loss[e]! });
    live.push(event('begin', 0));
    live.push(event('epoch', 0, { logs: logsOf(0) }));
    live.push(event('epoch', 3, { logs: logsOf(3), earlier: [1, 2].map((e) => ({ epoch: e, logs: logsOf(e) })) }));
    expect(live.series().loss).toEqual(h.loss.slice(0, 4));
    expect(root.querySelector('.viz-sr-only table tbody')?.children).toHaveLength(4);
    expect(root.querySelector('[aria-live]')?.textContent).toMatch(/^Epoch 4\/20 done: loss/);
  });

  it('past 200 epochs redraws at most every 250 ms, and the last redraw shows every epoch', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    try {
      const live = createLiveHistory(root, { locale: 'en' });
      const EPOCHS = 1000;
      const BUNCH = 50;
      // The last epoch the text table shows: what the latest redraw covered.
      const rows = () => Number(root.querySelector('.viz-sr-only table tbody tr:last-child th')?.textContent ?? 0);
      const drawn: number[] = [];
      live.push({ ...event('begin', 0), epochs: EPOCHS });
      for (let last = BUNCH - 1; last < EPOCHS; last += BUNCH) {
        const earlier = Array.from({ length: BUNCH - 1 }, (_, i) => ({ epoch: last - BUNCH + 1 + i, logs: { loss: 1 / (last - BUNCH + 2 + i) } }));
        live.push({ ...event('epoch', last, { logs: { loss: 1 / (last + 1) }, earlier }), epochs: EPOCHS });
        drawn.push(rows());
      }
      // Every event redraws up to 200 epochs; after that the clock has not moved, so they wait.
      expect(drawn.slice(0, 4)).toEqual([50, 100, 150, 200]);
      expect(new Set(drawn.slice(4))).toEqual(new Set([200]));
      vi.advanceTimersByTime(250);
      expect(rows()).toBe(EPOCHS);
      expect(live.series().loss).toHaveLength(EPOCHS);
    } finally {
      vi.useRealTimers();
    }
  });

  it('shows batch progress and an ETA', () => {
    const r = renderShow(root, event('begin', 0), { locale: 'ko' });
    r.update(event('batch', 1, { batch: 163, batches: 329, elapsedMs: 6000 }));
    const status = root.querySelector('.viz-status')?.textContent ?? '';
    expect(status).toContain('에포크 2/20');
    expect(status).toContain('배치 164/329');
    expect(status).toContain('남은 시간');
  });

  it('keeps two fits apart', () => {
    const r = renderShow(root, event('begin', 0), { locale: 'en' });
    r.update({ ...event('begin', 0), fitId: 2 });
    r.update(event('epoch', 0, { logs: { loss: 0.3 } }));
    r.update({ ...event('epoch', 0, { logs: { loss: 0.4 } }), fitId: 2 });
    expect(root.querySelectorAll('.viz-fit')).toHaveLength(2);
  });

  it('refuses to update a picture with another kind', () => {
    const r = renderShow(root, event('begin', 0), { locale: 'en' });
    expect(() => r.update(mnistHistory(3))).toThrow(/new picture/);
  });
});

describe('history-compare', () => {
  const payload: HistoryComparePayload = {
    kind: 'history-compare',
    runs: [
      { label: 'first_model', series: mnistHistory(30).series },
      { label: 'second_model', series: mnistHistory(30, 'accuracy').series },
    ],
  };

  it('draws a 2×2 grid with shared y scales', () => {
    const second = payload.runs[1].series;
    second.val_loss = second.val_loss.map((v) => v * 2);
    renderShow(root, payload, { locale: 'en' });
    const svgs = root.querySelectorAll('svg.viz-svg');
    expect(svgs).toHaveLength(4);
    expect(Array.from(svgs, (s) => s.getAttribute('aria-label'))).toEqual([
      'first_model · Loss',
      'first_model · Accuracy',
      'second_model · Loss',
      'second_model · Accuracy',
    ]);
    // The loss axes of both models carry the same ticks (shared scale).
    const ticks = (svg: Element) => Array.from(svg.querySelectorAll('.viz-axis-y .tick text'), (t) => t.textContent).join();
    expect(ticks(svgs[0])).toBe(ticks(svgs[2]));
    expect(ticks(svgs[1])).toBe(ticks(svgs[3]));
    expect(root.querySelectorAll('.viz-sr-only table')).toHaveLength(2);
  });
});
