import { loadData, trainTestSplit } from 'course';

const { xTrain: xAll, yTrain: yAll } = await loadData('mnist');

const [xTrain, xVal, yTrain, yVal] = trainTestSplit(xAll, yAll, { testSize: 0.3, randomState: 777 });

console.log(`train ${xTrain.shape} labels ${yTrain.shape}`);
console.log(`val   ${xVal.shape} labels ${yVal.shape}`);
console.log(yTrain);

export { xTrain, xVal, yTrain, yVal };
