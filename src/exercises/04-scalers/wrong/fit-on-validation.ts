// expect-fail: fitted-on-train
import { loadData, trainTestSplit, MinMaxScaler, RobustScaler, StandardScaler, show } from 'course';

const mnist = await loadData('mnist');
const [xTrain, xVal] = trainTestSplit(mnist.xTrain, { testSize: 0.3, randomState: 777 });
export const inkTrain = xTrain.mean([1, 2]).reshape([-1, 1]);
export const inkVal = xVal.mean([1, 2]).reshape([-1, 1]);

// Fitting on the validation data lets it leak into the preprocessing.
export const minMaxVal = new MinMaxScaler().fitTransform(inkVal);
export const robustVal = new RobustScaler().fitTransform(inkVal);
export const standardVal = new StandardScaler().fitTransform(inkVal);
show.histogram({ 'min-max': minMaxVal, robust: robustVal, standard: standardVal }, { bins: 40 });
