// A RunReport that crossed a boundary (from the page to the command line),
// rebuilt with the same rules the page's runner applied to the run's events:
// checks field by field, the error printable, the output capped. Whatever
// arrives, what leaves is a report every writer can print.
import type { RunEvent, RunReport } from '../../contract/protocol.ts';
import { OutputBuffer } from './output-buffer.ts';
import { MalformedChecks, validCheckResults } from './valid-checks.ts';
import { validLearnerError } from './valid-learner-error.ts';

export function validRunReport(value: unknown, runId: string): RunReport {
  const raw = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  const output = new OutputBuffer();
  for (const line of Array.isArray(raw.console) ? raw.console : []) output.push(line);
  const events = Array.isArray(raw.events) ? raw.events : [];
  if (events.some((e) => (e as RunEvent | null)?.type === 'output-truncated')) output.truncated = true;
  let error = raw.error === undefined ? undefined : validLearnerError(raw.error);
  let checks: RunReport['checks'] = [];
  try {
    checks = validCheckResults(raw.checks ?? []);
  } catch (problem) {
    if (!(problem instanceof MalformedChecks)) throw problem;
    error ??= { kind: 'worker-lost', message: `The checks' answer could not be used (${problem.message}).` };
  }
  const report: RunReport = {
    runId,
    events: output.truncated ? [{ type: 'output-truncated', runId, limit: output.lines.length }] : [],
    console: output.lines,
    shows: [],
    checks,
    ok: raw.ok === true && error === undefined,
  };
  if (typeof raw.backend === 'string') report.backend = raw.backend.slice(0, 40);
  if (error) report.error = error;
  return report;
}
