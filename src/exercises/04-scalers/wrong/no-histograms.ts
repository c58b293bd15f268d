// expect-fail: histograms
import { loadData, trainTestSplit, MinMaxScaler, RobustScaler, StandardScaler } from 'course';

const mnist = await loadData('mnist');
const [xTrain, xVal] = trainTestSplit(mnist.xTrain, { testSize: 0.3, randomState: 777 });
export const inkTrain = xTrain.mean([1, 2]).reshape([-1, 1]);
export const inkVal = xVal.mean([1, 2]).reshape([-1, 1]);
export const minMaxVal = new MinMaxScaler().fit(inkTrain).transform(inkVal);
export const robustVal = new RobustScaler().fit(inkTrain).transform(inkVal);
export const standardVal = new StandardScaler().fit(inkTrain).transform(inkVal);
