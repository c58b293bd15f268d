// Messages between the draw-a-digit pad and its prediction worker.

export type PadRequest =
  | { type: 'load'; name: string }
  | { type: 'predict'; id: number; pixels: Float32Array };

export type PadReply =
  | { type: 'ready'; name: string; backend: string; inputShape: (number | null)[]; classes: number }
  | { type: 'no-model'; name: string }
  | { type: 'error'; message: string }
  | { type: 'prediction'; id: number; probabilities: number[] };
