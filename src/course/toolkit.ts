// The scikit-learn / Keras toolkit of the `course` module: exactly what
// learner code may import (index.ts re-exports it with loadData and show).
export { trainTestSplit } from './split.ts';
export type { TrainTestSplitOptions, Splittable, SplitResult } from './split.ts';
export { toCategorical } from './categorical.ts';
export { MinMaxScaler, RobustScaler, StandardScaler } from './scalers.ts';
export type { MinMaxScalerOptions, RobustScalerOptions, StandardScalerOptions, Scaled } from './scalers.ts';
export { confusionMatrix } from './metrics.ts';
export type { ConfusionMatrixOptions, ZeroDivision } from './metrics.ts';
export { classificationReport } from './report.ts';
export type { ClassificationReportOptions, ReportDict, ReportRow } from './report.ts';
export { kFold, stratifiedKFold } from './kfold.ts';
export type { Fold, KFoldOptions } from './kfold.ts';
export type { Label, LabelsLike, MatrixLike, TypedArray } from './inputs.ts';
