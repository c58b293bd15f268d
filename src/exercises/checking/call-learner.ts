// For probes: calls a learner's exported function on the exercise's test
// inputs, in the learner's realm, and records what came back (or what it
// threw) as plain data for the checks.

export type CallRecord = { value: unknown } | { threw: string };
export type CallsRecord = { missing: true } | { calls: CallRecord[] };

export async function callEach(fn: unknown, inputs: readonly unknown[][]): Promise<CallsRecord> {
  if (typeof fn !== 'function') return { missing: true };
  const calls: CallRecord[] = [];
  for (const args of inputs) {
    try {
      calls.push({ value: await fn(...structuredClone(args)) });
    } catch (error) {
      calls.push({ threw: String((error as Error)?.message ?? error) });
    }
  }
  return { calls };
}

/** The recorded calls as the check realm rebuilt them, or undefined when the shape is off. */
export function recordedCalls(value: unknown): CallsRecord | undefined {
  if (!value || typeof value !== 'object') return undefined;
  if ((value as { missing?: unknown }).missing === true) return { missing: true };
  const calls = (value as { calls?: unknown }).calls;
  if (!Array.isArray(calls) || !calls.every((c) => c && typeof c === 'object' && ('value' in c || typeof c.threw === 'string'))) return undefined;
  return { calls: calls as CallRecord[] };
}
