// ko: 손글씨 패드는 그린 숫자를 MNIST처럼 만듭니다: 20×20에 맞추고,
// ko: 28×28 안에서 무게중심이 (14, 14)에 오게 옮깁니다.
// ko: 그 마지막 단계를 직접 만들어 봅니다.
// ko: 이미지는 image[행][열], 0(배경)–1(잉크)입니다.
// en: The drawing pad makes your digit MNIST-like: fit it to 20×20, then
// en: move it so its centre of mass sits at (14, 14) in 28×28.
// en: Here you build that last step.
// en: An image is image[row][column], 0 (background) to 1 (ink).

/** ko: dx열, dy행만큼 옮깁니다. 밖으로 나간 픽셀은 버립니다. (이미 완성) */
/** en: Shifts by dx columns and dy rows; what falls off the edge is lost. (done) */
export function shift(image: number[][], dx: number, dy: number): number[][] {
  const size = image.length;
  const out = Array.from({ length: size }, () => new Array<number>(size).fill(0));
  for (let row = 0; row < size; row++) {
    for (let col = 0; col < size; col++) {
      const r = row + dy;
      const c = col + dx;
      if (r >= 0 && r < size && c >= 0 && c < size) out[r][c] = image[row][col];
    }
  }
  return out;
}

export function centreOfMass(image: number[][]): { x: number; y: number } {
  let total = 0;
  let sx = 0;
  let sy = 0;
  image.forEach((values, r) =>
    values.forEach((v, c) => {
      total += v;
      sx += v * (c + 0.5);
      sy += v * (r + 0.5);
    }),
  );
  return { x: sx / total, y: sy / total };
}

export function centre(image: number[][]): number[][] {
  const { x, y } = centreOfMass(image);
  return shift(image, Math.round(14 - x), Math.round(14 - y));
}
