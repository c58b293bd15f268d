// The trainer-coverage table of npm run bench (--variants all|a,b): each
// variant of chapter-model.ts trained on Node WASM's fast path and by its
// PyTorch peer with the same variant (torch_mlp.py), PyTorch before and after
// the tfjs run so the ratio uses the mean of two measurements that bracket
// it (the machine is shared), with whether the fit was lean (or why not) and
// which layer inputs the trainer read dense.
import { s, summarize } from './stats.mjs';

const ALL = ['chapter', 'dense-inputs', 'sgd', 'rmsprop', 'sigmoid-bce', 'dropout'];

export async function runVariants({ list, epochs, runNodeEngine, runPyTorch }) {
  const variants = list === 'all' ? ALL : list.split(',');
  const rows = [];
  for (const variant of variants) {
    const before = runPyTorch(epochs, variant);
    const fast = await runNodeEngine('wasm', 'fast', epochs, false, 'split', variant);
    const after = runPyTorch(epochs, variant);
    const torch = [before, after].filter((t) => t.epochTimes).map((t) => summarize(t.epochTimes, 42000).median);
    const torchMedian = torch.length ? torch.reduce((a, b) => a + b, 0) / torch.length : undefined;
    const fastMedian = fast.epochTimes ? summarize(fast.epochTimes, fast.samples).median : undefined;
    rows.push({
      variant,
      fast: { median: fastMedian, epochTimes: fast.epochTimes, valAccuracy: fast.valAccuracy, leanFit: fast.leanFit, denseInputs: fast.denseInputs, error: fast.error },
      pytorch: { medians: torch, valAccuracy: after.valAccuracy ?? before.valAccuracy, blas: after.blas ?? before.blas, note: before.skipped ?? before.error },
      ratio: fastMedian && torchMedian ? fastMedian / torchMedian : undefined,
    });
  }
  console.log('\ntrainer coverage (Node WASM fast path vs PyTorch, same variant, same run)');
  console.log('variant        fast s/epoch  PyTorch s/epoch (before, after)  ×PyTorch  val acc fast / torch  lean?');
  for (const r of rows) {
    const lean = r.fast.leanFit ? (r.fast.leanFit.lean ? `yes${r.fast.denseInputs ? ` (dense inputs: ${r.fast.denseInputs.map((d) => (d ? 'D' : 'S')).join('')})` : ''}` : `no: ${r.fast.leanFit.reason}`) : r.fast.error;
    const torch = r.pytorch.medians.length ? r.pytorch.medians.map((m) => s(m)).join(', ') : r.pytorch.note;
    const acc = (v) => (Number.isFinite(v) ? v.toFixed(4) : '—');
    console.log(
      `${r.variant.padEnd(14)} ${(r.fast.median ? s(r.fast.median) : '—').padStart(12)}  ${String(torch).padEnd(31)}  ${r.ratio ? `${r.ratio.toFixed(2)}×`.padStart(8) : '       —'}  ${acc(r.fast.valAccuracy)} / ${acc(r.pytorch.valAccuracy)}  ${lean}`,
    );
  }
  return rows;
}
