// A greyscale image as a few SVG paths, one per grey level: far smaller than
// a <rect> per pixel, crisp at any size, and no raster image to encode at
// build time. Runs of equal level on a row become one rectangle.

export interface PixelPath {
  /** 1/levels … 1: how bright this level's pixels are. */
  opacity: number;
  /** Unit squares in pixel coordinates. */
  d: string;
}

/** Pixels 0–255 (row-major, `width` per row) quantised to `levels` grey levels; black (0) is left out. */
export function pixelPaths(pixels: ArrayLike<number>, width: number, levels = 8): PixelPath[] {
  const level = (value: number) => Math.round((value / 255) * levels);
  const byLevel = new Map<number, string[]>();
  for (let start = 0; start < pixels.length; ) {
    const row = Math.floor(start / width);
    const here = level(pixels[start]!);
    let end = start + 1;
    while (end < (row + 1) * width && level(pixels[end]!) === here) end++;
    if (here > 0) {
      const run = end - start;
      const parts = byLevel.get(here) ?? [];
      parts.push(`M${start - row * width} ${row}h${run}v1h-${run}z`);
      byLevel.set(here, parts);
    }
    start = end;
  }
  return [...byLevel.entries()].sort(([a], [b]) => a - b).map(([here, parts]) => ({ opacity: here / levels, d: parts.join('') }));
}
