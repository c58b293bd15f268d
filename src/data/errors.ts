// The one error type of the data layer: a CourseError that always names the
// file, what is wrong with it and how to fix it. Its English `message` is for
// logs and tests; `text(locale)` is for the learner.
import { CourseError } from '../contract/course-error.ts';
import type { Localized } from '../contract/locale.ts';

export type { Localized };

export interface DataErrorInit {
  /** The file at fault, as the learner would find it (e.g. `mnist/train-images-idx3-ubyte.gz`). */
  file: string;
  /** What is wrong with it. */
  problem: Localized;
  /** What to do about it. */
  fix: Localized;
}

export class DataError extends CourseError {
  declare readonly file: string;
  declare readonly fix: Localized;

  constructor(init: DataErrorInit, options?: { cause?: unknown }) {
    super(init, options);
    this.name = 'DataError';
  }
}

/** The fix when the generated files are missing or damaged on disk. */
export const FIX_REBUILD: Localized = {
  ko: '프로젝트 폴더에서 `npm run data`를 실행해 데이터 파일을 다시 만드세요.',
  en: 'Run `npm run data` in the project folder to rebuild the data files.',
};
