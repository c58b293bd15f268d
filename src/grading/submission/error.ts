// A submission that cannot be used: a CourseError naming the file, the field
// and the fix, in both languages; `message` is the English form for logs and
// stack traces.
import { CourseError } from '../../contract/course-error.ts';
import type { Localized } from '../../contract/locale.ts';

export class SubmissionError extends CourseError {
  /** The file name as given to parseSubmission (or "(new submission)"). */
  declare readonly file: string;
  declare readonly fix: Localized;
  /** Dotted path of the offending field (`results[2].status`), or null for the whole file. */
  readonly field: string | null;

  constructor(fileName: string, field: string | null, problem: Localized, fix: Localized) {
    super({ file: fileName, problem, fix });
    this.name = 'SubmissionError';
    this.field = field;
  }
}
