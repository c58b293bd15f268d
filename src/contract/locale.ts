// The two languages of the course (Korean is the site's root locale), text in
// both, and the datasets every layer names.
export type Locale = 'ko' | 'en';

export const locales: readonly Locale[] = ['ko', 'en'];

/** A learner-facing text in both languages. */
export type Localized = { ko: string; en: string };

export type DatasetName = 'mnist' | 'fashion-mnist';

export const DATASET_NAMES: readonly DatasetName[] = ['mnist', 'fashion-mnist'];
