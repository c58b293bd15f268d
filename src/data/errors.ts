// The one error type of the data layer. Its message always names the file,
// what is wrong with it and how to fix it, in English (for logs and tests);
// `text` carries the same in Korean and English for the learner.

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

export class DataError extends Error {
  readonly file: string;
  readonly problem: Localized;
  readonly fix: Localized;

  constructor(init: DataErrorInit, options?: { cause?: unknown }) {
    super(`${init.file}: ${init.problem.en} Fix: ${init.fix.en}`, options);
    this.name = 'DataError';
    this.file = init.file;
    this.problem = init.problem;
    this.fix = init.fix;
  }

  /** The whole message in one language. */
  text(locale: keyof Localized): string {
    const fixLabel = locale === 'ko' ? '해결 방법' : 'Fix';
    return `${this.file}: ${this.problem[locale]} ${fixLabel}: ${this.fix[locale]}`;
  }
}

/** The fix when the generated files are missing or damaged on disk. */
export const FIX_REBUILD: Localized = {
  ko: '프로젝트 폴더에서 `npm run data`를 실행해 데이터 파일을 다시 만드세요.',
  en: 'Run `npm run data` in the project folder to rebuild the data files.',
};
