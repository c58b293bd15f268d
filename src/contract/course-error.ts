// The one error type the course throws at people: what is wrong and how to
// fix it, in both languages, naming the file at fault where there is one.
// Each area subclasses it (DataError, SubmissionError, …); whoever shows an
// error renders any of them the same way, with `text(locale)`.
import type { Locale, Localized } from './locale.ts';

export interface CourseErrorInit {
  /** What is wrong. */
  problem: Localized;
  /** What to do about it. */
  fix?: Localized;
  /** The file at fault, as the reader would find it. */
  file?: string;
}

// Symbol.for is shared by every realm, so an error from another copy of this
// module (another bundle, a vm context) is still recognised.
const BRAND = Symbol.for('mnist-course.CourseError');

const FIX_LABEL: Localized = { ko: '해결', en: 'Fix' };

export class CourseError extends Error {
  readonly problem: Localized;
  readonly fix?: Localized;
  readonly file?: string;
  readonly [BRAND] = true;

  constructor(init: CourseErrorInit, options?: { cause?: unknown }) {
    super('', options);
    this.name = 'CourseError';
    this.problem = init.problem;
    if (init.fix) this.fix = init.fix;
    if (init.file !== undefined) this.file = init.file;
    // English, for logs, stack traces and tests.
    this.message = this.text('en');
  }

  /** "file: problem. Fix: fix" in one language; the file and fix only where given. */
  text(locale: Locale): string {
    const problem = this.problem[locale];
    let text = this.file === undefined ? problem : `${this.file}: ${problem}`;
    if (this.fix) text += `${/[.!?]$/.test(problem) ? ' ' : '. '}${FIX_LABEL[locale]}: ${this.fix[locale]}`;
    return text;
  }

  /** True for any CourseError, also one made by another realm's copy of this class. */
  static is(value: unknown): value is CourseError {
    return value instanceof CourseError || (typeof value === 'object' && value !== null && (value as { [BRAND]?: unknown })[BRAND] === true);
  }
}
