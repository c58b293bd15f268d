// MNIST 불러오기 / Loading MNIST
import { loadData, show } from 'course';

// TODO 1: loadData('mnist')로 MNIST를 불러와 xTrain, yTrain, xTest, yTest를 꺼내세요.
//         Load MNIST with loadData('mnist') and take xTrain, yTrain, xTest, yTest.

// TODO 2: 네 텐서의 모양(.shape)을 console.log로 출력하세요.
//         Print the shape (.shape) of the four tensors with console.log.

// TODO 3: 훈련 이미지 처음 9장을 레이블과 함께 show.images로 그리세요.
//         Draw the first 9 training images with their labels using show.images.

// TODO 4: 채점할 수 있게 네 텐서를 내보내세요: export { xTrain, yTrain, xTest, yTest };
//         Export the four tensors so they can be checked: export { xTrain, yTrain, xTest, yTest };
