// Compares a Sequential model with the layer stack a lesson asks for and says,
// in both languages, where they differ (lessons 14 and 15 share it).
import type * as tfType from '@tensorflow/tfjs';
import { fail, notAttempted, pass, type CheckContext, type CheckOutcome } from '../../contract/exercise.ts';
import { exportedModel, isOutcome } from '../checks.ts';

/** 'Flatten' or 'Dense(64, relu)', one entry per layer. */
export function describeLayers(model: tfType.LayersModel): string[] {
  return model.layers.map((layer) => {
    const config = layer.getConfig() as { units?: number; activation?: string };
    const name = layer.getClassName();
    return name === 'Dense' ? `Dense(${config.units}, ${config.activation})` : name;
  });
}

export const stackText = (layers: readonly string[]): string => layers.join(' → ');

/**
 * Passes when `exports[name]` is a model taking [28, 28] images whose layers
 * read exactly `expected` (e.g. ['Flatten', 'Dense(64, relu)', …]).
 */
export function expectStack(ctx: CheckContext, name: string, expected: readonly string[], params: number): CheckOutcome {
  const model = exportedModel(ctx, name);
  if (isOutcome(model)) return model;
  if (model.layers.length === 0) {
    return notAttempted({ ko: `\`${name}\`에 아직 층이 없습니다: \`${name}.add(…)\`로 ${stackText(expected)}를 쌓으세요.`, en: `\`${name}\` has no layers yet: stack ${stackText(expected)} with \`${name}.add(…)\`.` });
  }
  const got = describeLayers(model);
  if (got[0] !== 'Flatten') {
    return fail({
      ko: `\`${name}\`의 첫 층이 ${got[0]}입니다: 28×28 이미지를 받도록 \`tf.layers.flatten({ inputShape: [28, 28] })\`로 시작하세요.`,
      en: `the first layer of \`${name}\` is ${got[0]}: start with \`tf.layers.flatten({ inputShape: [28, 28] })\` so it takes 28×28 images.`,
    });
  }
  const input = model.inputs[0].shape;
  if (input.length !== 3 || input[1] !== 28 || input[2] !== 28) {
    return fail({
      ko: `\`${name}\`의 입력 형태가 [${input.map(String)}]입니다: Flatten에 \`inputShape: [28, 28]\`를 주세요.`,
      en: `\`${name}\` takes input of shape [${input.map(String)}]: give the Flatten layer \`inputShape: [28, 28]\`.`,
    });
  }
  if (stackText(got) !== stackText(expected)) {
    return fail({
      ko: `\`${name}\`은(는) ${stackText(expected)}여야 하는데 ${stackText(got)}입니다.`,
      en: `\`${name}\` should be ${stackText(expected)}, but it is ${stackText(got)}.`,
    });
  }
  const count = model.countParams();
  if (count !== params) {
    return fail({
      ko: `\`${name}\`의 파라미터가 ${count}개인데 ${params}개여야 합니다: 층마다 \`useBias\`를 바꾸지 않았는지 보세요.`,
      en: `\`${name}\` has ${count} parameters but should have ${params}: check that no layer changed \`useBias\`.`,
    });
  }
  return pass();
}
