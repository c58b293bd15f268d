// Decodes the token-level source map Sucrase emits, so runtime columns point
// into the learner's text even where type annotations were removed. Lines are
// never moved by Sucrase; only columns need this.
const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** For each generated line (0-based), [generatedColumn, sourceColumn] pairs, sorted. */
export type ColumnMap = [number, number][][];

export function decodeColumnMap(mappings: string): ColumnMap {
  const lines: ColumnMap = [];
  let sourceColumn = 0;
  for (const lineText of mappings.split(';')) {
    const segments: [number, number][] = [];
    let generatedColumn = 0;
    for (const segment of lineText.split(',')) {
      if (!segment) continue;
      const fields = decodeVlq(segment);
      generatedColumn += fields[0];
      if (fields.length >= 4) {
        sourceColumn += fields[3];
        segments.push([generatedColumn, sourceColumn]);
      }
    }
    lines.push(segments);
  }
  return lines;
}

function decodeVlq(segment: string): number[] {
  const values: number[] = [];
  let value = 0;
  let shift = 0;
  for (const char of segment) {
    const digit = BASE64.indexOf(char);
    value += (digit & 31) << shift;
    if (digit & 32) {
      shift += 5;
    } else {
      values.push(value & 1 ? -(value >>> 1) : value >>> 1);
      value = 0;
      shift = 0;
    }
  }
  return values;
}

/** 1-based source column for a 1-based generated line and column. */
export function sourceColumn(map: ColumnMap, line: number, column: number): number {
  const segments = map[line - 1];
  if (!segments || segments.length === 0) return column;
  let best: [number, number] | undefined;
  for (const segment of segments) {
    if (segment[0] <= column - 1) best = segment;
    else break;
  }
  if (!best) return column;
  return best[1] + (column - 1 - best[0]) + 1;
}
