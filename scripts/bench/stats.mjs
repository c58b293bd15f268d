// Small number helpers for the bench: median/min/max of the epochs after the
// warm-up epoch, and formatting.
export function summarize(epochTimes, samples) {
  const measured = epochTimes.length > 1 ? epochTimes.slice(1) : epochTimes;
  const sorted = [...measured].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { median, min: sorted[0], max: sorted[sorted.length - 1], measuredEpochs: measured.length, samplesPerSecond: samples / median };
}
export const mb = (bytes) => `${(bytes / 2 ** 20).toFixed(0)} MB`;
export const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
export const s = (x) => (x == null || Number.isNaN(x) ? '—' : `${x.toFixed(2)} s`);
