// What the gradebook page exposes as `window.mnistGradebook` for
// `npm run grade` (components/gradebook/automation.ts implements it,
// grading/headless/lane.ts calls it through page.evaluate).
import type { LearnerError, RunReport, RunRequest } from '../../contract/protocol.ts';

export interface GradebookAutomation {
  /** Exercise id → content version, as this build computed them (the grader compares them with its own). */
  contentVersions: Readonly<Record<string, string>>;
  run(request: RunRequest, limits: { timeoutMs: number }): Promise<RunReport>;
  /** Ends run `runId` now, reporting `error`; false when no such run is going. */
  stop(runId: string, error: LearnerError): boolean;
}

/** The page's global, as page.evaluate sees it. */
export type WithAutomation = { mnistGradebook?: GradebookAutomation };
