// The one entry the exercise panel calls: draws any ShowPayload.
import type { ShowPayload } from '../contract/show.ts';
import './styles.ts';
import { renderHistory } from './history.ts';
import { renderHistoryCompare } from './history-compare.ts';
import { renderFitProgress } from './fit-progress.ts';
import { renderImages } from './images.ts';
import { renderConfusionMatrix } from './confusion-matrix.ts';
import { renderProbabilities } from './probabilities.ts';
import { renderHistogram } from './histogram.ts';
import { renderModelSummary } from './model-summary.ts';
import { renderModelGraph } from './model-graph.ts';
import { renderCrossEntropy } from './cross-entropy.ts';
import type { Rendered, RenderOptions } from './types.ts';

export type { Rendered, RenderOptions } from './types.ts';
export { createLiveHistory } from './live-history.ts';
export type { LiveHistory } from './live-history.ts';
export { normalizeHistory, lowestIndex, sameHistory } from './history-data.ts';
export {
  renderHistory,
  renderHistoryCompare,
  renderFitProgress,
  renderImages,
  renderConfusionMatrix,
  renderProbabilities,
  renderHistogram,
  renderModelSummary,
  renderModelGraph,
  renderCrossEntropy,
};

/**
 * Draws `payload` into `element`. `update` takes a payload of the same kind
 * (for `fit-progress`, every later event of the run); a payload of another
 * kind is an error, since it needs a new picture.
 */
export function renderShow(element: HTMLElement, payload: ShowPayload, options: RenderOptions): Rendered<ShowPayload> {
  const inner = dispatch(element, payload, options);
  return {
    update(next) {
      if (next.kind !== payload.kind) {
        throw new Error(`renderShow: cannot update a '${payload.kind}' picture with a '${next.kind}' payload; call renderShow again for a new picture`);
      }
      inner.update(next);
    },
    destroy: () => inner.destroy(),
  };
}

function dispatch(element: HTMLElement, payload: ShowPayload, options: RenderOptions): Rendered<ShowPayload> {
  switch (payload.kind) {
    case 'history':
      return renderHistory(element, payload, options);
    case 'history-compare':
      return renderHistoryCompare(element, payload, options);
    case 'fit-progress':
      return renderFitProgress(element, payload, options);
    case 'images':
      return renderImages(element, payload, options);
    case 'confusion-matrix':
      return renderConfusionMatrix(element, payload, options);
    case 'probabilities':
      return renderProbabilities(element, payload, options);
    case 'histogram':
      return renderHistogram(element, payload, options);
    case 'model-summary':
      return renderModelSummary(element, payload, options);
    case 'model-graph':
      return renderModelGraph(element, payload, options);
    case 'cross-entropy':
      return renderCrossEntropy(element, payload, options);
    default: {
      // A ShowPayload kind without a case above fails to compile here.
      const unknown: never = payload;
      throw new Error(`renderShow: unknown payload kind '${String((unknown as { kind?: unknown }).kind)}'; expected one of the ShowPayload kinds in src/contract/show.ts`);
    }
  }
}
