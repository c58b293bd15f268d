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

// ko: TODO: 무게중심을 구하세요. 픽셀 (행 r, 열 c)은 [c, c+1) × [r, r+1) 칸을
// ko:       차지하므로 중심은 (c + 0.5, r + 0.5)입니다.
// ko:       x = Σ 값 × (c + 0.5) ÷ Σ 값,  y = Σ 값 × (r + 0.5) ÷ Σ 값
// en: TODO: compute the centre of mass. Pixel (row r, column c) covers the
// en:       square [c, c+1) × [r, r+1), so its centre is (c + 0.5, r + 0.5).
// en:       x = Σ value × (c + 0.5) ÷ Σ value,  y = Σ value × (r + 0.5) ÷ Σ value
export function centreOfMass(image: number[][]): { x: number; y: number } {
  return { x: 0, y: 0 };
}

// ko: TODO: 무게중심이 (14, 14)에 가장 가깝게 오도록 정수 칸만큼 옮기세요:
// ko:       dx = Math.round(14 − x), dy = Math.round(14 − y).
// en: TODO: shift by whole pixels so the centre of mass lands as close to
// en:       (14, 14) as possible: dx = Math.round(14 − x), dy = Math.round(14 − y).
export function centre(image: number[][]): number[][] {
  return image;
}
