// The `course` module learner code imports: data, pictures, saving, and the
// Keras/scikit-learn style toolkit.
import * as show from './show.ts';

export { show };
export { loadData, type CourseDataset, type CourseSplitDataset, type LoadDataOptions, type LoadDataValidation } from './load-data.ts';
export { saveModel } from './save-model.ts';
export * from './toolkit.ts';
