// Friendly explanations, in Korean and English, of the tfjs failures learners
// meet most in this chapter. The raw message is always shown next to them.
import type { Localized } from '../contract/locale.ts';

const shape = (s: string) => s.replace(/\s+/g, '');

export const NAN_LOSS: Localized = {
  ko: '손실(loss)이 NaN이 되었습니다. 입력을 255로 나눠 0–1로 맞췄는지, 학습률이 너무 크지 않은지, 레이블이 0–9 범위인지 확인하세요.',
  en: 'The loss became NaN. Check that the inputs are scaled to 0–1 (divide by 255), that the learning rate is not too large, and that the labels are in 0–9.',
};

export const OUT_OF_MEMORY: Localized = {
  ko: '메모리가 부족해 실행이 멈췄습니다. 너무 큰 텐서를 만들지 않았는지, 반복문에서 만든 텐서를 dispose하거나 tf.tidy로 감쌌는지 확인하세요.',
  en: 'The run ran out of memory. Check for huge tensors, and dispose tensors made in loops (or wrap them in tf.tidy).',
};

/** Whether an error message is the engine's or tfjs's way of saying memory ran out. */
export function isOutOfMemory(message: string): boolean {
  return /out of memory|allocation failed|array buffer allocation|maximum memory size exceeded|cannot allocate wasm memory|invalid (typed )?array length|memory access out of bounds/i.test(message);
}

export function explainError(message: string): Localized | undefined {
  let m: RegExpMatchArray | null;
  if (isOutOfMemory(message)) return OUT_OF_MEMORY;

  // fit/predict: data does not match the model's input.
  m = message.match(/checking input: expected (\S+) to have shape \[([^\]]*)\] but got array with shape \[([^\]]*)\]/);
  if (m) {
    const [, , expected, got] = m;
    return {
      ko: `모델은 입력 모양 [${shape(expected)}]을 기대하는데 데이터의 모양은 [${shape(got)}]입니다. 예를 들어 [n, 28, 28] 이미지를 inputShape [784] 모델에 넣으려면 x.reshape([-1, 784])로 펼치거나, 모델 맨 앞에 tf.layers.flatten({ inputShape: [28, 28] })을 두세요.`,
      en: `The model expects inputs of shape [${shape(expected)}] but the data has shape [${shape(got)}]. For example, to feed [n, 28, 28] images to a model with inputShape [784], flatten them with x.reshape([-1, 784]) or start the model with tf.layers.flatten({ inputShape: [28, 28] }).`,
    };
  }
  m = message.match(/checking input: expected (\S+) to have (\d+) dimension\(s\)\. but got array with shape \[?([^\]]*)\]?/i);
  if (m) {
    return {
      ko: `모델의 입력은 (배치 차원을 포함해) ${m[2]}차원이어야 하는데 데이터의 모양은 [${shape(m[3])}]입니다. 데이터와 inputShape를 맞추세요: [n, 28, 28] 이미지를 inputShape [784] 모델에 넣으려면 x.reshape([-1, 784])로 펼치거나, 모델 맨 앞에 tf.layers.flatten({ inputShape: [28, 28] })을 두세요.`,
      en: `The model's input must have ${m[2]} dimensions (batch included) but the data has shape [${shape(m[3])}]. Make the data and inputShape agree: to feed [n, 28, 28] images to an inputShape [784] model, flatten them with x.reshape([-1, 784]) or start the model with tf.layers.flatten({ inputShape: [28, 28] }).`,
    };
  }

  // tfjs 4 phrases both of the above as "… expected a batch of elements …".
  m = message.match(/(input|target) expected a batch of elements where each example has shape \[([^\]]*)\].*?each with shape \[([^\]]*)\] \(tensor shape \[([^\]]*)\]\)/);
  if (m) {
    const [, which, expected, , got] = m;
    if (which === 'input') {
      return {
        ko: `모델은 샘플 하나의 모양이 [${shape(expected)}]이기를 기대하는데 데이터의 모양은 [${shape(got)}]입니다. 예를 들어 [n, 28, 28] 이미지를 inputShape [784] 모델에 넣으려면 x.reshape([-1, 784])로 펼치거나, 모델 맨 앞에 tf.layers.flatten({ inputShape: [28, 28] })을 두세요.`,
        en: `The model expects each sample to have shape [${shape(expected)}] but the data has shape [${shape(got)}]. For example, to feed [n, 28, 28] images to a model with inputShape [784], flatten them with x.reshape([-1, 784]) or start the model with tf.layers.flatten({ inputShape: [28, 28] }).`,
      };
    }
    return {
      ko: `출력층은 샘플마다 [${shape(expected)}] 모양의 레이블을 기대하는데 레이블의 모양은 [${shape(got)}]입니다. categoricalCrossentropy는 원-핫 레이블이 필요합니다: toCategorical(y, 10)으로 바꾸거나, 정수 레이블 그대로 쓰려면 손실을 sparseCategoricalCrossentropy로 바꾸세요. 출력층의 units가 클래스 수(10)와 같은지도 확인하세요.`,
      en: `The output layer expects labels of shape [${shape(expected)}] per sample but the labels have shape [${shape(got)}]. categoricalCrossentropy needs one-hot labels: convert them with toCategorical(y, 10), or keep integer labels and use sparseCategoricalCrossentropy. Also check that the last layer has as many units as classes (10).`,
    };
  }

  // fit/evaluate: labels do not match the output layer.
  m = message.match(/checking target: expected (\S+) to have shape \[([^\]]*)\] but got array with shape \[([^\]]*)\]/);
  if (m) {
    const [, , expected, got] = m;
    return {
      ko: `출력층은 [${shape(expected)}] 모양의 레이블을 기대하는데 레이블의 모양은 [${shape(got)}]입니다. categoricalCrossentropy는 원-핫 레이블이 필요합니다: toCategorical(y, 10)으로 바꾸거나, 정수 레이블 그대로 쓰려면 손실을 sparseCategoricalCrossentropy로 바꾸세요. 출력층의 units가 클래스 수(10)와 같은지도 확인하세요.`,
      en: `The output layer expects labels of shape [${shape(expected)}] but the labels have shape [${shape(got)}]. categoricalCrossentropy needs one-hot labels: convert them with toCategorical(y, 10), or keep integer labels and use sparseCategoricalCrossentropy. Also check that the last layer has as many units as classes (10).`,
    };
  }
  m = message.match(/checking target: expected (\S+) to have (\d+) dimension\(s\)\. but got array with shape \[?([^\]]*)\]?/i);
  if (m) {
    return {
      ko: `레이블은 ${m[2]}차원이어야 하는데 모양이 [${shape(m[3])}]입니다. categoricalCrossentropy를 쓴다면 toCategorical(y, 10)으로 원-핫 인코딩하세요.`,
      en: `The labels must have ${m[2]} dimensions but have shape [${shape(m[3])}]. With categoricalCrossentropy, one-hot encode them with toCategorical(y, 10).`,
    };
  }

  // Building the model: a layer receives the wrong shape.
  m = message.match(/Input \d+ is incompatible with layer (\S+): expected axis (-?\d+) of input shape to have value (\d+) but got shape \[([^\]]*)\]/);
  if (m) {
    return {
      ko: `${m[1]} 층은 입력의 마지막 축이 ${m[3]}이기를 기대하는데 [${shape(m[4])}]를 받았습니다. 앞 층의 출력과 inputShape를 맞추세요(이미지라면 Flatten을 먼저 두세요).`,
      en: `Layer ${m[1]} expects the last axis of its input to be ${m[3]} but got [${shape(m[4])}]. Match inputShape to what the previous layer outputs (for images, put a Flatten layer first).`,
    };
  }

  // Reshape with the wrong element count.
  m = message.match(/Size\((\d+)\) must match the product of shape ([\d,\s-]+)/);
  if (m) {
    return {
      ko: `원소 ${m[1]}개를 [${shape(m[2])}] 모양으로 바꿀 수 없습니다: 곱이 같아야 합니다. 한 축을 -1로 두면 tfjs가 알아서 계산합니다(예: x.reshape([-1, 784])).`,
      en: `${m[1]} elements cannot be reshaped to [${shape(m[2])}]: the product must be the same. Put -1 on one axis and tfjs computes it (e.g. x.reshape([-1, 784])).`,
    };
  }

  // The book's Keras spells losses in snake_case; tfjs wants camelCase.
  m = message.match(/Unknown (loss|metric|optimizer) (\S+)/);
  if (m && m[2].includes('_')) {
    const camel = m[2].replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
    return {
      ko: `'${m[2]}'는 Keras(파이썬)식 이름입니다. TensorFlow.js는 낙타 표기법을 씁니다: '${camel}'.`,
      en: `'${m[2]}' is the Keras (Python) spelling. TensorFlow.js uses camelCase: '${camel}'.`,
    };
  }

  if (/compile/i.test(message) && /(must|needs to) (compile|be compiled)/i.test(message)) {
    return {
      ko: '학습이나 평가 전에 model.compile({ optimizer, loss, metrics })를 먼저 호출하세요.',
      en: 'Call model.compile({ optimizer, loss, metrics }) before fit or evaluate.',
    };
  }

  if (/Cannot read propert(y|ies) of undefined \(reading '(shape|dtype|reshape|div|slice)'\)/.test(message)) {
    return {
      ko: '값이 아직 없습니다(undefined). loadData나 model.fit 같은 비동기 함수 앞에 await를 붙였는지, 변수 이름이 맞는지 확인하세요.',
      en: 'The value is undefined. Check that you awaited asynchronous functions such as loadData or model.fit, and that the variable name is right.',
    };
  }

  // The browser sandbox's walls (src/sandbox/browser/lockdown.ts and the
  // page's Content-Security-Policy, which the worker inherits).
  if (/^(caches|Worker|SharedWorker) is not defined$/.test(message)) {
    return {
      ko: '연습 코드에서는 Cache Storage(caches)를 쓰거나 새 Worker를 만들 수 없습니다. 강의 데이터는 loadData가 직접 관리합니다.',
      en: 'Exercise code cannot use Cache Storage (caches) or start workers: the course keeps its data itself, through loadData.',
    };
  }
  if (/^indexedDB: exercise code may open only/.test(message)) {
    return {
      ko: '연습 코드에서 쓸 수 있는 IndexedDB는 saveModel이 모델을 두는 곳뿐입니다. 모델은 saveModel(model, 이름)으로 저장하세요.',
      en: 'The only IndexedDB exercise code may use is where saveModel keeps models: save a model with saveModel(model, name).',
    };
  }
  if (/Failed to fetch|Failed to load|Content Security Policy|NetworkError|Refused to (connect|load)/.test(message)) {
    return {
      ko: '연습 코드는 이 강의 사이트에만 접속할 수 있습니다. 다른 사이트로 보내는 요청, import, 소켓은 막혀 있습니다. 데이터는 loadData로 불러오세요.',
      en: "Exercise code can reach only this course's own site: requests, imports and sockets to other sites are blocked. Load data with loadData.",
    };
  }

  if (/is not defined$/.test(message) && /^(tf|loadData|show|toCategorical)\b/.test(message)) {
    const name = message.split(' ')[0];
    return {
      ko: `${name}를 찾을 수 없습니다. 맨 위에 import를 추가하세요: ${name === 'tf' ? "import * as tf from '@tensorflow/tfjs';" : `import { ${name} } from 'course';`}`,
      en: `${name} is not defined. Add the import at the top: ${name === 'tf' ? "import * as tf from '@tensorflow/tfjs';" : `import { ${name} } from 'course';`}`,
    };
  }
  return undefined;
}
