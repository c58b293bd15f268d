// A submission that cannot be used. Names the file, the field and the fix, in
// both languages; `message` is the English form for logs and stack traces.
import type { Locale, Localized } from '../../contract/locale.ts';

export class SubmissionError extends Error {
  /** The file name as given to parseSubmission (or "(new submission)"). */
  readonly fileName: string;
  /** Dotted path of the offending field (`results[2].status`), or null for the whole file. */
  readonly field: string | null;
  readonly problem: Localized;
  readonly fix: Localized;

  constructor(fileName: string, field: string | null, problem: Localized, fix: Localized) {
    super(`${fileName}: ${problem.en}. Fix: ${fix.en}`);
    this.name = 'SubmissionError';
    this.fileName = fileName;
    this.field = field;
    this.problem = problem;
    this.fix = fix;
  }

  /** "file: problem. Fix: …" in the given language. */
  describe(locale: Locale): string {
    return locale === 'ko'
      ? `${this.fileName}: ${this.problem.ko}. 해결: ${this.fix.ko}`
      : this.message;
  }
}
