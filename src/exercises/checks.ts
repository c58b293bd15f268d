// Small helpers the lesson exercises share: finding a tensor or a model among
// the learner's exports and saying, in both languages, what is wrong with it.
import type * as tfType from '@tensorflow/tfjs';
import { fail, notAttempted, pass, type CheckContext, type CheckOutcome } from '../contract/exercise.ts';
import type { Localized } from '../contract/locale.ts';

export type Tensor = tfType.Tensor;

// Tolerances for comparing what the learner exported with what a check
// recomputes. Named by why two results can differ, so each exercise picks one
// by reason rather than by trying numbers until its solution passes.
/** The same float32 arithmetic, in another order or on another backend. */
export const FLOAT32_TOLERANCE = 1e-6;
/** The same float64 (JS number) arithmetic, in another order. */
export const FLOAT64_TOLERANCE = 1e-9;
/** A loss or metric tfjs averages over batches: float32 sums in another order. */
export const METRIC_TOLERANCE = 1e-3;

const STATUSES: ReadonlySet<unknown> = new Set<CheckOutcome['status']>(['passed', 'failed', 'not-attempted']);

/** Tells a check's outcome from the value a helper found instead (helpers return either). */
export const isOutcome = (value: unknown): value is CheckOutcome =>
  typeof value === 'object' && value !== null && STATUSES.has((value as { status?: unknown }).status);

const shapeText = (shape: readonly (number | null)[]): string => `[${shape.join(', ')}]`;

/** The export `name` as a tensor, or the outcome to report when it is not one. */
export function exportedTensor(ctx: CheckContext, name: string): Tensor | CheckOutcome {
  const value = ctx.exports[name];
  if (value === undefined) {
    return notAttempted({
      ko: `\`${name}\`이(가) 내보내지지 않았습니다: \`export const ${name} = …\`로 내보내세요.`,
      en: `\`${name}\` is not exported: write \`export const ${name} = …\`.`,
    });
  }
  if (!(value instanceof ctx.tf.Tensor)) {
    return fail({
      ko: `\`${name}\`은(는) 텐서여야 하는데 ${describe(value)}입니다.`,
      en: `\`${name}\` should be a tensor, but it is ${describe(value, 'en')}.`,
    });
  }
  if (value.isDisposed) {
    return fail({
      ko: `\`${name}\`이(가) 이미 dispose되었습니다: 내보내는 텐서는 dispose하지 마세요.`,
      en: `\`${name}\` has been disposed: do not dispose a tensor you export.`,
    });
  }
  return value;
}

/** The export `name` as a model (tf.sequential() or tf.model()), or the outcome to report when it is not one. */
export function exportedModel(ctx: CheckContext, name = 'model'): tfType.LayersModel | CheckOutcome {
  const value = ctx.exports[name];
  if (value === undefined) {
    return notAttempted({
      ko: `\`${name}\`이(가) 내보내지지 않았습니다: \`export const ${name} = tf.sequential();\`로 내보내세요 (시작 코드의 \`export\`는 지우지 마세요).`,
      en: `\`${name}\` is not exported: write \`export const ${name} = tf.sequential();\` (keep the starter's \`export\`).`,
    });
  }
  if (!(value instanceof ctx.tf.LayersModel)) {
    return fail({
      ko: `\`${name}\`은(는) \`tf.sequential()\`로 만든 모델이어야 하는데 ${describe(value)}입니다.`,
      en: `\`${name}\` should be a model made with \`tf.sequential()\`, but it is ${describe(value, 'en')}.`,
    });
  }
  return value;
}

function describe(value: unknown, locale: 'ko' | 'en' = 'ko'): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return locale === 'ko' ? `길이 ${value.length}인 배열` : `an array of length ${value.length}`;
  if (locale === 'ko') return `${typeof value} 값`;
  return /^[aeiou]/.test(typeof value) ? `an ${typeof value}` : `a ${typeof value}`;
}

/** Passes when every named export is a tensor of the expected shape. */
export function expectShapes(ctx: CheckContext, expected: Record<string, number[]>, fix: Localized): CheckOutcome {
  for (const [name, shape] of Object.entries(expected)) {
    const tensor = exportedTensor(ctx, name);
    if (!(tensor instanceof ctx.tf.Tensor)) return tensor;
    if (shapeText(tensor.shape) !== shapeText(shape)) {
      return fail({
        ko: `\`${name}\`의 형태는 ${shapeText(shape)}이어야 하는데 ${shapeText(tensor.shape)}입니다: ${fix.ko}`,
        en: `expected \`${name}\` to have shape ${shapeText(shape)}, got ${shapeText(tensor.shape)}: ${fix.en}`,
      });
    }
  }
  return pass();
}

/** The first `count` values of a tensor, rounded to avoid float noise in messages. */
export async function firstValues(tensor: Tensor, count: number): Promise<number[]> {
  const flat = tensor.reshape([-1]);
  const head = flat.slice(0, Math.min(count, flat.size));
  const values = Array.from(await head.data());
  flat.dispose();
  head.dispose();
  return values;
}

export const closeTo = (a: number, b: number, tolerance: number): boolean => Math.abs(a - b) <= tolerance;

export { shapeText };
