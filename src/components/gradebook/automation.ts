// What `npm run grade` calls on the gradebook page in headless Chromium
// (grading/headless/lane.ts): run one submission through the same browser
// Runner the page uses, and stop a run that the grader measured over its
// memory limit. Only the page's own code is here; learner code runs in the
// workers startRun creates and cannot reach this object.
import type { LearnerError, RunReport, RunRequest } from '../../contract/protocol.ts';
import type { GradebookAutomation } from '../../grading/browser/automation-api.ts';
import { startBrowserRun, type BrowserRun } from '../../grading/browser/run-in-browser.ts';
import { dataBaseUrl } from '../exercise/runner.ts';

declare global {
  interface Window {
    mnistGradebook?: GradebookAutomation;
  }
}

export function exposeAutomation(contentVersions: Readonly<Record<string, string>>): void {
  const runs = new Map<string, BrowserRun>();
  window.mnistGradebook = Object.freeze({
    contentVersions: Object.freeze({ ...contentVersions }),
    async run(request: RunRequest, limits: { timeoutMs: number }): Promise<RunReport> {
      // The page knows where its data lives; the grader's guess is not needed.
      const run = startBrowserRun({ ...request, dataBase: dataBaseUrl() }, { timeoutMs: limits.timeoutMs });
      runs.set(request.runId, run);
      try {
        // The command line's reports carry no pictures: they stay in the page.
        return { ...(await run.report), shows: [] };
      } finally {
        runs.delete(request.runId);
      }
    },
    stop(runId: string, error: LearnerError): boolean {
      const run = runs.get(runId);
      run?.stop(error);
      return run !== undefined;
    },
  });
}
