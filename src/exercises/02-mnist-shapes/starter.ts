// ko: MNIST 불러오기
// en: Loading MNIST
import { loadData, show } from 'course';

// ko: TODO 1: loadData('mnist')로 MNIST를 불러와
// ko:         xTrain, yTrain, xTest, yTest를 꺼내세요.
// en: TODO 1: load MNIST with loadData('mnist') and take
// en:         xTrain, yTrain, xTest, yTest.

// ko: TODO 2: 네 텐서의 모양(.shape)을 console.log로 출력하세요.
// en: TODO 2: print the shape (.shape) of the four tensors with console.log.

// ko: TODO 3: 훈련 이미지 처음 9장을 레이블과 함께 show.images로 그리세요.
// en: TODO 3: draw the first 9 training images with their labels
// en:         using show.images.

// ko: TODO 4: 채점할 수 있게 네 텐서를 내보내세요:
// en: TODO 4: export the four tensors so they can be checked:
//         export { xTrain, yTrain, xTest, yTest };
