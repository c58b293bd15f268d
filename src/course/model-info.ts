// Layer rows of a tfjs LayersModel in Keras notation (`null` for the batch
// dimension), for show.summary and show.modelGraph.
import type * as tf from '@tensorflow/tfjs';
import type { ModelLayerRow } from '../contract/show.ts';
import { fail } from './inputs.ts';

type Shape = (number | null)[];

function asShapes(shape: unknown): Shape[] {
  if (!Array.isArray(shape)) return [];
  if (shape.length > 0 && Array.isArray(shape[0])) return shape as Shape[];
  return [shape as Shape];
}

function weightCount(weights: { shape: readonly (number | null)[] }[]): number {
  return weights.reduce((sum, w) => sum + w.shape.reduce<number>((a, b) => a * (b ?? 0), 1), 0);
}

export interface ModelInfo {
  modelName: string;
  layers: ModelLayerRow[];
  totalParams: number;
  trainableParams: number;
  nonTrainableParams: number;
}

export function modelInfo(model: tf.LayersModel): ModelInfo {
  if (!model || !Array.isArray((model as { layers?: unknown }).layers)) {
    fail(
      'show.summary/modelGraph: expected a tfjs model (tf.sequential() or tf.model()).',
      'show.summary/modelGraph: tfjs 모델(tf.sequential()이나 tf.model())을 넘기세요.',
    );
  }
  const layers: ModelLayerRow[] = model.layers.map((layer) => {
    const node = layer.inboundNodes[0];
    let outputShape: Shape = [];
    try {
      outputShape = asShapes(layer.outputShape)[0] ?? [];
    } catch {
      outputShape = node ? asShapes(node.outputShapes)[0] ?? [] : [];
    }
    return {
      name: layer.name,
      className: layer.getClassName(),
      inputShape: node ? asShapes(node.inputShapes) : [],
      outputShape,
      params: layer.countParams(),
      trainable: layer.trainable,
      inbound: node ? node.inboundLayers.map((l) => l.name) : [],
    };
  });
  const trainableParams = weightCount(model.trainableWeights);
  const nonTrainableParams = weightCount(model.nonTrainableWeights);
  return {
    modelName: model.name,
    layers,
    totalParams: trainableParams + nonTrainableParams,
    trainableParams,
    nonTrainableParams,
  };
}
