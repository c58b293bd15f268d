// ko: MNIST 불러오기
// en: Loading MNIST
import { loadData, show } from 'course';

const { xTrain, yTrain, xTest, yTest, classNames } = await loadData('mnist');

console.log('xTrain', xTrain.shape, 'yTrain', yTrain.shape);
console.log('xTest', xTest.shape, 'yTest', yTest.shape);

show.images(xTrain, { labels: yTrain, classNames, count: 9, title: 'MNIST' });

export { xTrain, yTrain, xTest, yTest };
