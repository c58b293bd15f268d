// Exercise 17 · The last step of the drawing pad's MNIST-like preprocessing:
// centre of mass, then a whole-pixel shift that puts it at (14, 14). Pure
// functions, tested on small made-up images: the probes call them in the
// learner's realm, the checks judge the recorded answers. The convention
// (pixel c spans [c, c+1)) is the one src/viz/digit/preprocess.ts uses.
import { defineExercise, fail, notAttempted, pass, type CheckContext, type CheckOutcome } from '../../contract/exercise.ts';
import { callEach, recordedCalls } from '../checking/call-learner.ts';
import { closeTo, FLOAT64_TOLERANCE } from '../checks.ts';

type Image = number[][];
type Com = { x: number; y: number };

function blank(size = 28): Image {
  return Array.from({ length: size }, () => new Array<number>(size).fill(0));
}

/** The reference centre of mass, from the definition. */
function com(image: Image): Com {
  let total = 0;
  let sx = 0;
  let sy = 0;
  image.forEach((row, r) => row.forEach((v, c) => { total += v; sx += v * (c + 0.5); sy += v * (r + 0.5); }));
  return { x: sx / total, y: sy / total };
}

const ink = (image: Image) => image.reduce((sum, row) => sum + row.reduce((a, b) => a + b, 0), 0);

/** Test images: one pixel; two pixels of different ink; an off-centre stroke. */
function samples(): { name: { ko: string; en: string }; image: Image }[] {
  const one = blank();
  one[3][5] = 1;
  const two = blank();
  two[10][2] = 1;
  two[10][8] = 0.5;
  const stroke = blank();
  for (let r = 2; r < 12; r++) for (let c = 1; c < 5; c++) stroke[r][c] = ((r + c) % 3) / 2 + 0.25;
  const corner = blank();
  for (let r = 18; r < 27; r++) for (let c = 19; c < 26; c++) corner[r][c] = r % 2 === 0 ? 1 : 0.4;
  return [
    { name: { ko: '(행 3, 열 5)의 픽셀 하나', en: 'one pixel at (row 3, column 5)' }, image: one },
    { name: { ko: '행 10의 두 픽셀 (열 2는 1, 열 8은 0.5)', en: 'two pixels on row 10 (column 2 at 1, column 8 at 0.5)' }, image: two },
    { name: { ko: '왼쪽 위의 획', en: 'a stroke in the top-left' }, image: stroke },
    { name: { ko: '오른쪽 아래의 덩어리', en: 'a blob in the bottom-right' }, image: corner },
  ];
}

const fmt = (p: Com) => `(${p.x.toFixed(3)}, ${p.y.toFixed(3)})`;
const near = (a: number, b: number, tolerance = FLOAT64_TOLERANCE) => closeTo(a, b, tolerance);
// Sums over up to 784 pixels, added in another order than the learner's.
const SUM_TOLERANCE = 1e-6;

/** What the learner's function returned for each sample (in `samples()` order), or the outcome to report. */
function answers(ctx: CheckContext, name: string): unknown[] | CheckOutcome {
  const record = recordedCalls(ctx.probes[name]);
  if (!record || 'missing' in record) {
    return notAttempted({ ko: `\`${name}\` 함수를 내보내세요 (시작 코드의 \`export function ${name}\`).`, en: `export the \`${name}\` function (the starter's \`export function ${name}\`).` });
  }
  const threw = record.calls.find((c): c is { threw: string } => 'threw' in c);
  if (threw) return fail({ ko: `\`${name}\`을(를) 부르자 오류가 났습니다: ${threw.threw}`, en: `calling \`${name}\` threw: ${threw.threw}` });
  return record.calls.map((c) => ('value' in c ? c.value : undefined));
}

export default defineExercise({
  id: '17-digit-centring',
  lesson: '17-recap',
  title: { ko: '숫자를 무게중심으로 가운데 맞추기', en: 'Centre a digit by its mass' },
  datasets: [],
  timeBudgetMs: 30_000,
  probes: {
    centreOfMass: (exports) => callEach(exports.centreOfMass, samples().map((s) => [s.image])),
    centre: (exports) => callEach(exports.centre, samples().slice(2).map((s) => [s.image])),
  },
  hints: {
    ko: [
      '무게중심은 잉크의 양으로 가중한 평균 위치입니다. 두 겹 반복문으로 모든 픽셀을 돌며 잉크 합, 잉크 × (열 + 0.5)의 합, 잉크 × (행 + 0.5)의 합을 모으세요.',
      'x는 열(가로), y는 행(세로)에서 나옵니다. 마지막에 두 합을 잉크 합으로 나눕니다.',
      '`centre`는 두 줄입니다: `const { x, y } = centreOfMass(image); return shift(image, Math.round(14 - x), Math.round(14 - y));`',
    ],
    en: [
      'The centre of mass is the average position weighted by ink. Loop over every pixel with two nested loops and add up the ink, ink × (column + 0.5) and ink × (row + 0.5).',
      'x comes from the column (across), y from the row (down). At the end divide both sums by the total ink.',
      '`centre` is two lines: `const { x, y } = centreOfMass(image); return shift(image, Math.round(14 - x), Math.round(14 - y));`',
    ],
  },
  checks: [
    {
      id: 'centre-of-mass',
      title: { ko: '무게중심', en: 'Centre of mass' },
      run(ctx) {
        const results = answers(ctx, 'centreOfMass');
        if (!Array.isArray(results)) return results;
        for (const [i, { name, image }] of samples().entries()) {
          const expected = com(image);
          const got = results[i] as Com | undefined;
          if (!got || typeof got.x !== 'number' || typeof got.y !== 'number') {
            return fail({ ko: '`centreOfMass`는 `{ x, y }` 객체를 돌려줘야 합니다.', en: '`centreOfMass` must return an object `{ x, y }`.' });
          }
          if (near(got.x, expected.x) && near(got.y, expected.y)) continue;
          const about = { ko: `${name.ko}: 기대 ${fmt(expected)}, 결과 ${fmt(got)}.`, en: `${name.en}: expected ${fmt(expected)}, got ${fmt(got)}.` };
          if (near(got.x, expected.y) && near(got.y, expected.x)) {
            return fail({ ko: `${about.ko} x와 y가 바뀌었습니다: x는 열(image[r][c]의 c), y는 행(r)에서 나옵니다.`, en: `${about.en} x and y are swapped: x comes from the column (c in image[r][c]), y from the row (r).` });
          }
          if (near(got.x, expected.x - 0.5) && near(got.y, expected.y - 0.5)) {
            return fail({ ko: `${about.ko} 픽셀 c는 [c, c+1) 칸을 차지하므로 중심은 c + 0.5입니다.`, en: `${about.en} pixel c covers [c, c+1), so its centre is c + 0.5.` });
          }
          const total = ink(image);
          if (near(got.x, expected.x * total, SUM_TOLERANCE) && near(got.y, expected.y * total, SUM_TOLERANCE)) {
            return fail({ ko: `${about.ko} 가중합을 잉크의 총량(${total})으로 나눠야 평균 위치가 됩니다.`, en: `${about.en} divide the weighted sums by the total ink (${total}) to get an average position.` });
          }
          return fail({
            ko: `${about.ko} x = Σ 값 × (열 + 0.5) ÷ Σ 값, y = Σ 값 × (행 + 0.5) ÷ Σ 값입니다.`,
            en: `${about.en} x = Σ value × (column + 0.5) ÷ Σ value and y = Σ value × (row + 0.5) ÷ Σ value.`,
          });
        }
        return pass();
      },
    },
    {
      id: 'centred',
      title: { ko: '무게중심이 (14, 14) 근처로', en: 'Centre of mass moved next to (14, 14)' },
      run(ctx) {
        const results = answers(ctx, 'centre');
        if (!Array.isArray(results)) return results;
        for (const [i, { name, image }] of samples().slice(2).entries()) {
          const before = com(image);
          const out = results[i] as Image;
          if (!Array.isArray(out) || out.length !== 28 || !out.every((row) => Array.isArray(row) && row.length === 28)) {
            return fail({ ko: '`centre`는 28×28 이미지(number[][])를 돌려줘야 합니다: `shift(…)`의 결과를 돌려주세요.', en: '`centre` must return a 28×28 image (number[][]): return what `shift(…)` gives.' });
          }
          if (!near(ink(out), ink(image), SUM_TOLERANCE)) {
            return fail({
              ko: `${name.ko}: 옮긴 뒤 잉크가 ${ink(image).toFixed(2)}에서 ${ink(out).toFixed(2)}로 바뀌었습니다. 숫자가 가장자리 밖으로 밀려났습니다: 옮길 방향이 14 − x, 14 − y인지 보세요.`,
              en: `${name.en}: the ink went from ${ink(image).toFixed(2)} to ${ink(out).toFixed(2)} after the shift, so the digit was pushed off the edge: check that the shift is 14 − x, 14 − y.`,
            });
          }
          const after = com(out);
          if (Math.abs(after.x - 14) <= 0.5 && Math.abs(after.y - 14) <= 0.5) continue;
          return fail({
            ko: `${name.ko}: 무게중심이 ${fmt(before)}에서 ${fmt(after)}로 옮겨졌습니다. (14, 14)에서 0.5 안에 와야 합니다: dx = Math.round(14 − x), dy = Math.round(14 − y).`,
            en: `${name.en}: the centre of mass moved from ${fmt(before)} to ${fmt(after)}; it must end within 0.5 of (14, 14): dx = Math.round(14 − x), dy = Math.round(14 − y).`,
          });
        }
        return pass();
      },
    },
  ],
});
