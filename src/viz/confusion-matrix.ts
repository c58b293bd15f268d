// `confusion-matrix`: a heatmap built as a real HTML table whose cells are
// buttons, so the picture is its own text alternative and keyboard-operable
// (arrow keys move between cells, Enter/Space shows a cell's examples).
import * as d3 from 'd3';
import type { Locale } from '../contract/locale.ts';
import type { ConfusionMatrixPayload } from '../contract/show.ts';
import { clear, createFrame, createSvg, html } from './dom.ts';
import { drawImageGrid } from './images.ts';
import { uid } from './ids.ts';
import { t } from './strings.ts';
import { fmtInt, fmtPercent } from './format.ts';
import type { Rendered } from './types.ts';

/** Cividis (blue→yellow) on a symlog scale: the few errors stay visible next to a large diagonal. */
export function cellColor(max: number): (count: number) => string {
  const scale = d3.scaleSequentialSymlog(d3.interpolateCividis).domain([0, Math.max(1, max)]);
  return (count) => d3.color(scale(count))!.formatHex();
}

/** Relative luminance (WCAG 2) of an sRGB colour. */
function luminance(fill: string): number {
  const { r, g, b } = d3.rgb(fill);
  const lin = (c: number) => (c / 255 <= 0.04045 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4);
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** Black or white, whichever contrasts more with the cell (always at least 4.58:1, WCAG AA). */
export function textColorOn(fill: string): string {
  const l = luminance(fill);
  return (l + 0.05) / 0.05 >= 1.05 / (l + 0.05) ? '#000000' : '#ffffff';
}

function drawLegend(parent: HTMLElement, max: number, locale: Locale): void {
  const width = 260;
  const svg = createSvg(parent, width, 44, `${t(locale, 'colorLegend')}: 0 – ${fmtInt(max)}`);
  svg.attr('class', 'viz-svg viz-cm-legend');
  const scale = d3.scaleSequentialSymlog(d3.interpolateCividis).domain([0, Math.max(1, max)]);
  const gradientId = uid('gradient');
  const gradient = svg.append('defs').append('linearGradient').attr('id', gradientId);
  const x = d3.scaleSymlog().domain([0, Math.max(1, max)]).range([10, width - 10]);
  for (let i = 0; i <= 10; i++) {
    const v = x.invert(10 + ((width - 20) * i) / 10);
    gradient.append('stop').attr('offset', `${i * 10}%`).attr('stop-color', d3.color(scale(v))!.formatHex());
  }
  svg.append('rect').attr('x', 10).attr('y', 4).attr('width', width - 20).attr('height', 12).attr('fill', `url(#${gradientId})`);
  // Powers of ten, but none so close to the maximum that their labels collide.
  const ticks = [0, ...[1, 10, 100, 1000, 10000].filter((v) => v < max / 2), max];
  svg
    .append('g')
    .attr('class', 'viz-axis')
    .attr('transform', 'translate(0,16)')
    .call(d3.axisBottom(x).tickValues(ticks).tickFormat((d) => fmtInt(d as number)));
}

export function renderConfusionMatrix(element: HTMLElement, payload: ConfusionMatrixPayload, options: { locale: Locale }): Rendered<ConfusionMatrixPayload> {
  const { locale } = options;
  const frame = createFrame(element, 'confusion-matrix', payload.title ?? t(locale, 'confusionTitle'));

  const draw = (p: ConfusionMatrixPayload) => {
    frame.caption.textContent = p.title ?? t(locale, 'confusionTitle');
    clear(frame.body);
    const n = p.matrix.length;
    for (const row of p.matrix) {
      if (row.length !== n) throw new Error(`confusion matrix must be square: it has ${n} rows but a row with ${row.length} columns`);
    }
    const names = Array.from({ length: n }, (_, i) => p.classNames[i] ?? String(i));
    const max = Math.max(0, ...p.matrix.flat());
    const color = cellColor(max);

    const helpId = uid('help');
    frame.body.append(html('p', { class: 'viz-help', id: helpId }, t(locale, 'confusionHelp')));
    const wrap = html('div', { class: 'viz-cm-wrap' });
    wrap.append(html('div', { class: 'viz-cm-xlabel', 'aria-hidden': 'true' }, `${t(locale, 'predictedLabel')} →`));
    wrap.append(html('div', { class: 'viz-cm-ylabel', 'aria-hidden': 'true' }, `${t(locale, 'trueLabel')} →`));
    const table = html('table', { class: 'viz-cm', 'aria-describedby': `${frame.summaryId} ${helpId}` });
    table.append(html('caption', { class: 'viz-sr-only' }, `${frame.caption.textContent}: ${t(locale, 'trueLabel')} × ${t(locale, 'predictedLabel')}`));
    const headRow = html('tr');
    headRow.append(html('th', { scope: 'col', class: 'viz-cm-corner' }, `${t(locale, 'trueLabel')} \\ ${t(locale, 'predictedLabel')}`));
    for (const name of names) headRow.append(html('th', { scope: 'col', class: 'viz-cm-col' }, name));
    const thead = html('thead');
    thead.append(headRow);
    const tbody = html('tbody');
    const buttons: HTMLButtonElement[][] = [];
    p.matrix.forEach((row, i) => {
      const tr = html('tr');
      tr.append(html('th', { scope: 'row', class: 'viz-cm-row' }, names[i]));
      buttons.push([]);
      row.forEach((count, j) => {
        const td = html('td');
        const fill = color(count);
        const button = html(
          'button',
          {
            type: 'button',
            class: `viz-cm-cell${i === j ? ' viz-cm-diagonal' : ''}${count >= 1000 ? ' viz-cm-wide' : ''}`,
            'data-true': i,
            'data-pred': j,
            'aria-pressed': 'false',
            // The count as the cell shows it, so the spoken name contains the visible text (WCAG 2.5.3).
            'aria-label': t(locale, 'cellLabel', { true: names[i], pred: names[j], count: String(count) }),
            tabindex: i === 0 && j === 0 ? 0 : -1,
          },
          // No thousands separator inside cells: four digits must fit a 30 px cell.
          String(count),
        );
        button.style.setProperty('--viz-cell', fill);
        button.style.setProperty('--viz-cell-text', textColorOn(fill));
        td.append(button);
        tr.append(td);
        buttons[i].push(button);
      });
      tbody.append(tr);
    });
    table.append(thead, tbody);
    wrap.append(table);
    frame.body.append(wrap);
    drawLegend(frame.body, max, locale);

    const detail = html('div', { class: 'viz-cm-detail' });
    const announce = html('p', { class: 'viz-cm-detail-text', 'aria-live': 'polite' });
    const examples = html('div', { class: 'viz-cm-examples' });
    detail.append(announce, examples);
    frame.body.append(detail);

    const select = (i: number, j: number) => {
      for (const b of buttons.flat()) b.setAttribute('aria-pressed', 'false');
      buttons[i][j].setAttribute('aria-pressed', 'true');
      clear(examples);
      const images = p.cellImages?.[`${i},${j}`];
      let text = t(locale, 'cellSelected', { true: names[i], pred: names[j], count: fmtInt(p.matrix[i][j]) });
      if (images && images.pixels.length > 0) {
        drawImageGrid(examples, { ...images, cols: Math.min(images.pixels.length, 5) }, locale);
        text += ` ${t(locale, 'cellImagesShown', { n: images.pixels.length })}`;
      } else if (p.cellImages) {
        text += ` ${t(locale, 'cellNoImages')}`;
      }
      announce.textContent = text;
    };
    // Roving tabindex: one Tab stop for the grid, arrows move within it.
    const focus = (i: number, j: number) => {
      const ni = Math.min(n - 1, Math.max(0, i));
      const nj = Math.min(n - 1, Math.max(0, j));
      for (const b of buttons.flat()) b.tabIndex = -1;
      buttons[ni][nj].tabIndex = 0;
      buttons[ni][nj].focus();
    };
    tbody.addEventListener('click', (event) => {
      const b = (event.target as Element).closest('button');
      if (b) select(Number(b.dataset.true), Number(b.dataset.pred));
    });
    tbody.addEventListener('keydown', (event) => {
      const b = (event.target as Element).closest('button');
      if (!b) return;
      const i = Number(b.dataset.true);
      const j = Number(b.dataset.pred);
      const moves: Record<string, [number, number]> = {
        ArrowUp: [i - 1, j],
        ArrowDown: [i + 1, j],
        ArrowLeft: [i, j - 1],
        ArrowRight: [i, j + 1],
        Home: [i, 0],
        End: [i, n - 1],
      };
      const to = moves[event.key];
      if (to) {
        event.preventDefault();
        focus(to[0], to[1]);
      }
    });

    // Summary: accuracy and the most frequent off-diagonal confusion.
    let total = 0;
    let correct = 0;
    let worst: [number, number, number] = [-1, -1, -1];
    p.matrix.forEach((row, i) =>
      row.forEach((c, j) => {
        total += c;
        if (i === j) correct += c;
        else if (c > worst[2]) worst = [i, j, c];
      }),
    );
    frame.setSummary(
      t(locale, 'confusionSummary', {
        total: fmtInt(total),
        correct: fmtInt(correct),
        acc: fmtPercent(total ? correct / total : 0),
        true: worst[0] >= 0 ? names[worst[0]] : '–',
        pred: worst[1] >= 0 ? names[worst[1]] : '–',
        count: fmtInt(Math.max(0, worst[2])),
      }),
    );
  };
  draw(payload);
  return { update: draw, destroy: () => frame.figure.remove() };
}
