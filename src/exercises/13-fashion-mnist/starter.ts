import * as tf from '@tensorflow/tfjs';
import { loadData, trainTestSplit, toCategorical, show } from 'course';

// ko: Fashion-MNIST: MNIST와 같은 형태, 숫자 대신 옷과 신발.
// en: Fashion-MNIST: same shapes as MNIST, clothes and shoes instead of digits.
// Keras: (x_train, y_train), (x_test, y_test) = fashion_mnist.load_data()
export const fashion = await loadData('fashion-mnist');
console.log(fashion.xTrain.shape, fashion.xTest.shape);
console.log(fashion.classNames);

// ko: TODO: 첫 번째 훈련 이미지의 클래스 이름을 구하세요
// ko:       (레이블 숫자로 classNames를 찾습니다).
// en: TODO: the class name of the first training image
// en:       (look the label number up in classNames).
// Keras: class_names[y_train[0]]
export const firstLabelName = '';

// ko: TODO: 처음 9장을 3×3 격자로, 이름과 함께 그리세요.
// en: TODO: draw the first 9 images in a 3×3 grid with their names.
// Keras: plt.subplot(3, 3, i + 1); plt.imshow(x_train[i])
//        plt.xlabel(class_names[y_train[i]])

// ko: TODO: 검증 데이터를 나누고(30%, randomState 777),
// ko:       이미지를 0–1로 스케일링하고, 레이블을 원-핫으로 바꾸세요.
// ko: 이미지는 28×28 그대로 둡니다: 14강의 모델은 Flatten 층으로 펼칩니다.
// en: TODO: split off validation data (30%, randomState 777),
// en:       scale the images to 0–1 and one-hot the labels.
// en: Keep the images 28×28: lesson 14's models flatten them with a Flatten
// en: layer.
export const xTrain = fashion.xTrain;
export const xVal = fashion.xTrain;
export const xTest = fashion.xTest;
export const yTrain = fashion.yTrain;
export const yVal = fashion.yTrain;
export const yTest = fashion.yTest;
console.log(xTrain.shape, xVal.shape, yTrain.shape);
