// Export submission: the grader's JSON for the current code and the latest
// run's check results, downloaded as a file. The learner's name is asked once
// and remembered.
import { CourseError } from '../../contract/course-error.ts';
import type { CheckResult } from '../../contract/protocol.ts';
import { createSubmission } from '../../grading/submission.ts';
import { safeNamePart } from '../../grading/submission/safe-name.ts';
import { readLearnerName, saveLearnerName } from '../../progress/store.ts';
import type { PanelConfig } from './config.ts';
import { downloadText } from './download.ts';
import { text } from './strings.ts';

export interface ExportInput {
  config: PanelConfig;
  code: string;
  results: CheckResult[];
  backend: string;
  seed?: number;
  startedAt: Date;
}

/** A file name that survives every file system: letters and digits of any script, and dashes. */
export function submissionFileName(exerciseId: string, learnerName: string, date = new Date()): string {
  return `${exerciseId}-${safeNamePart(learnerName, 40, 'learner')}-${date.toISOString().slice(0, 10)}.json`;
}

/** Returns the downloaded file's name, or null when nothing was exported. */
export function exportSubmission(input: ExportInput): string | null {
  const { config } = input;
  if (!input.backend) {
    alert(text(config.locale, 'exportNeedsRun'));
    return null;
  }
  let name = readLearnerName();
  if (!name) {
    name = prompt(text(config.locale, 'askName'))?.trim() || null;
    if (!name) return null;
    saveLearnerName(name);
  }
  try {
    const submission = createSubmission({
      exerciseId: config.id,
      contentVersion: config.contentVersion,
      learnerName: name,
      locale: config.locale,
      code: input.code,
      results: input.results,
      backend: input.backend,
      seed: input.seed,
      startedAt: input.startedAt,
    });
    const fileName = submissionFileName(config.id, name);
    downloadText(fileName, `${JSON.stringify(submission, null, 2)}\n`);
    return fileName;
  } catch (error) {
    alert(CourseError.is(error) ? error.text(config.locale) : String(error));
    return null;
  }
}
