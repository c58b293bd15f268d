// The bench's predict / evaluate lines: one per engine, from node-predict.ts
// ({ seconds, cpuSeconds } per measure) or the page's predictProgram
// (seconds only), marking a run on tfjs's stock Slice.
import { s } from './stats.mjs';

const cpu = (t) => (t.cpuSeconds === undefined ? '' : ` (CPU ${s(t.cpuSeconds)})`);

export function predictLines(predictions) {
  const lines = ['predict / evaluate, 10,000 MNIST test rows, default batch size 32 (median; CPU time of the process in Node):'];
  for (const p of predictions) {
    if (p.error || !(p.predict ?? p.predictSeconds)) {
      lines.push(`  ${p.engine.padEnd(20)} ${p.error ?? 'no result'}`);
      continue;
    }
    const [predict, evaluate, oneBatch] = p.predict ? [p.predict, p.evaluate, p.predictOneBatch] : [{ seconds: p.predictSeconds }, { seconds: p.evaluateSeconds }, { seconds: p.predictOneBatchSeconds }];
    const stockSlice = p.fastKernels ? !p.fastKernels.includes('Slice') : p.fastSlice === false;
    const where = p.engine.startsWith('chromium') ? `${p.engine} (lessons' Worker, ${p.backend})` : p.engine;
    lines.push(`  ${where.padEnd(20)} predict ${s(predict.seconds)}${cpu(predict)}, evaluate ${s(evaluate.seconds)}${cpu(evaluate)}; predict in one batch ${s(oneBatch.seconds)}${stockSlice ? '  ← stock Slice (tfjs 4.22)' : ''}`);
  }
  return lines;
}
