// Realistic payloads: numbers shaped like the chapter's MNIST runs (30 epochs,
// validation loss lowest at epoch 12, then rising while training loss falls).
import type { ConfusionMatrixPayload, HistoryPayload, ModelLayerRow, ModelSummaryPayload } from '../../src/contract/show.ts';

const round = (v: number) => Math.round(v * 1e4) / 1e4;

export function mnistHistory(epochs = 30, accKey: 'acc' | 'accuracy' = 'acc'): HistoryPayload {
  const loss: number[] = [];
  const valLoss: number[] = [];
  const acc: number[] = [];
  const valAcc: number[] = [];
  for (let i = 0; i < epochs; i++) {
    loss.push(round(0.02 + 0.3 * Math.exp(-i / 4)));
    // A parabola with its minimum at index 11 (epoch 12).
    valLoss.push(round(0.1 + 0.0004 * (i - 11) ** 2 + 0.05 * Math.exp(-i)));
    acc.push(round(0.999 - 0.09 * Math.exp(-i / 4)));
    valAcc.push(round(0.969 - 0.03 * Math.exp(-i / 3) - 0.00002 * (i - 11) ** 2));
  }
  const valAccKey = accKey === 'acc' ? 'val_acc' : 'val_accuracy';
  return { kind: 'history', title: 'MNIST', series: { loss, val_loss: valLoss, [accKey]: acc, [valAccKey]: valAcc } };
}

export const chapterLayers: ModelLayerRow[] = [
  { name: 'flatten', className: 'Flatten', inputShape: [[null, 28, 28]], outputShape: [null, 784], params: 0, trainable: true, inbound: [] },
  { name: 'dense', className: 'Dense', inputShape: [[null, 784]], outputShape: [null, 128], params: 100480, trainable: true, inbound: ['flatten'] },
  { name: 'dense_1', className: 'Dense', inputShape: [[null, 128]], outputShape: [null, 10], params: 1290, trainable: true, inbound: ['dense'] },
];

export const chapterSummary: ModelSummaryPayload = {
  kind: 'model-summary',
  modelName: 'sequential',
  layers: chapterLayers,
  totalParams: 101770,
  trainableParams: 101770,
  nonTrainableParams: 0,
};

/** A 28×28 "1": a vertical bar, grey levels 0–255. */
export function digitOne(offset = 0): number[] {
  const px = new Array(784).fill(0);
  for (let y = 4; y < 24; y++) {
    px[y * 28 + 13 + offset] = 255;
    px[y * 28 + 14 + offset] = 180;
  }
  return px;
}

export const mnistConfusion: ConfusionMatrixPayload = {
  kind: 'confusion-matrix',
  classNames: ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'],
  // A 10×10 matrix with a strong diagonal and a few typical confusions (4→9, 7→2, 3→5).
  matrix: Array.from({ length: 10 }, (_, i) =>
    Array.from({ length: 10 }, (_, j) => {
      if (i === j) return 950 + i * 7;
      if (i === 4 && j === 9) return 14;
      if (i === 7 && j === 2) return 11;
      if (i === 3 && j === 5) return 9;
      return (i * 3 + j * 7) % 4;
    }),
  ),
  cellImages: { '4,9': { width: 28, height: 28, pixels: [digitOne(), digitOne(1), digitOne(-1)] } },
};
