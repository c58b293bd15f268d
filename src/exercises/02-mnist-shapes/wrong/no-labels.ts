// expect-fail: images-shown
// Draws the images but forgets their labels.
import { loadData, show } from 'course';

const { xTrain, yTrain, xTest, yTest } = await loadData('mnist');

show.images(xTrain, { count: 9 });

export { xTrain, yTrain, xTest, yTest };
