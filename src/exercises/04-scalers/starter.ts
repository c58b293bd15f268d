import { loadData, trainTestSplit, MinMaxScaler, RobustScaler, StandardScaler, show } from 'course';

const mnist = await loadData('mnist');
const [xTrain, xVal] = trainTestSplit(mnist.xTrain, { testSize: 0.3, randomState: 777 });

// ko: 이미지마다 특성 하나: 평균 밝기(0–255).
// ko: 스케일러가 받는 2차원 [개수, 1] 형태로 만듭니다.
// en: One feature per image: its mean brightness (0–255),
// en: as the 2-D column [count, 1] scalers take.
export const inkTrain = xTrain.mean([1, 2]).reshape([-1, 1]);
export const inkVal = xVal.mean([1, 2]).reshape([-1, 1]);
show.histogram({ raw: inkVal }, { bins: 40, title: 'raw' });

// ko: TODO 1: 스케일러마다 학습 데이터(inkTrain)로 fit한 뒤
// ko:         검증 데이터(inkVal)를 transform하세요.
// en: TODO 1: for each scaler, fit on the training feature (inkTrain),
// en:         then transform the validation feature (inkVal).
export const minMaxVal = inkVal;
export const robustVal = inkVal;
export const standardVal = inkVal;

// ko: TODO 2: 세 결과의 히스토그램을 위처럼 하나씩 그려
// ko:         모양과 가로축을 비교하세요.
// en: TODO 2: draw a histogram of each result, like the one above,
// en:         and compare shapes and axes.
