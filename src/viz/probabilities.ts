// `probabilities`: one sample's softmax output as bars.
import type { Locale } from '../contract/locale.ts';
import type { ProbabilitiesPayload } from '../contract/show.ts';
import { clear, createFrame, dataTable, html } from './dom.ts';
import { barsKey, drawBars } from './bars.ts';
import { argmax } from './math.ts';
import { t } from './strings.ts';
import { fmtProb } from './format.ts';
import type { Rendered } from './types.ts';

export function renderProbabilities(element: HTMLElement, payload: ProbabilitiesPayload, options: { locale: Locale }): Rendered<ProbabilitiesPayload> {
  const { locale } = options;
  const frame = createFrame(element, 'probabilities', payload.title ?? t(locale, 'probabilitiesTitle'));
  const draw = (p: ProbabilitiesPayload) => {
    if (p.labels.length && p.labels.length !== p.values.length) {
      throw new Error(`probabilities: ${p.values.length} values but ${p.labels.length} labels; give one label per value`);
    }
    const title = p.title ?? t(locale, 'probabilitiesTitle');
    frame.caption.textContent = title;
    clear(frame.body);
    for (const el of Array.from(frame.alt.children)) if (el.id !== frame.summaryId) el.remove();
    const labels = p.values.map((_, i) => p.labels[i] ?? String(i));
    drawBars(frame.body, { values: p.values, labels, title, locale, trueIndex: p.trueIndex, describedBy: frame.summaryId });
    frame.body.append(html('p', { class: 'viz-key', 'aria-hidden': 'true' }, barsKey(locale, p.trueIndex !== undefined)));
    const top = argmax(p.values);
    let summary = top >= 0 ? t(locale, 'probSummary', { label: labels[top], p: fmtProb(p.values[top]) }) : '';
    if (p.trueIndex !== undefined && p.trueIndex >= 0 && p.trueIndex < p.values.length) {
      summary += ` ${t(locale, 'probSummaryTrue', { label: labels[p.trueIndex], p: fmtProb(p.values[p.trueIndex]) })}`;
    }
    frame.setSummary(summary);
    frame.alt.append(dataTable(title, [t(locale, 'class'), t(locale, 'probability')], labels.map((l, i) => [l, fmtProb(p.values[i])])));
  };
  draw(payload);
  return { update: draw, destroy: () => frame.figure.remove() };
}
