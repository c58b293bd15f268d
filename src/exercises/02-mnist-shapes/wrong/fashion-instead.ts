// expect-fail: first-labels
// Loads Fashion-MNIST: same shapes, different labels.
import { loadData, show } from 'course';

const { xTrain, yTrain, xTest, yTest } = await loadData('fashion-mnist');

show.images(xTrain, { labels: yTrain, count: 9 });

export { xTrain, yTrain, xTest, yTest };
