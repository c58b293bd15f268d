// IDX, the MNIST file format: a big-endian header (two zero bytes, a type
// byte, a dimension count, then one uint32 per dimension) followed by the
// values. We accept only unsigned bytes with 1 (labels) or 3 (images) dims.

import { DataError, FIX_REBUILD } from './errors.ts';

export interface IdxArray {
  /** The values, a view into the input bytes (no copy). */
  data: Uint8Array;
  shape: number[];
}

const MAGIC_LABELS = 0x00000801;
const MAGIC_IMAGES = 0x00000803;

export function parseIdx(bytes: Uint8Array, fileName: string, fix = FIX_REBUILD): IdxArray {
  const fail = (ko: string, en: string): never => {
    throw new DataError({ file: fileName, problem: { ko, en }, fix });
  };
  if (bytes.length < 8) {
    fail(`IDX 헤더를 담기에도 너무 짧습니다(${bytes.length}바이트).`, `is too short to hold an IDX header (${bytes.length} bytes).`);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const magic = view.getUint32(0);
  if (magic !== MAGIC_LABELS && magic !== MAGIC_IMAGES) {
    const hex = `0x${magic.toString(16).padStart(8, '0')}`;
    fail(
      `IDX 파일이 아닙니다: 매직 넘버가 ${hex}입니다(0x00000801 또는 0x00000803이어야 합니다).`,
      `is not an IDX file of bytes: magic number ${hex}, expected 0x00000801 or 0x00000803.`,
    );
  }
  const rank = magic & 0xff;
  const headerBytes = 4 + 4 * rank;
  if (bytes.length < headerBytes) {
    fail(`헤더가 잘렸습니다(${bytes.length}바이트).`, `has a truncated header (${bytes.length} bytes).`);
  }
  const shape: number[] = [];
  for (let i = 0; i < rank; i++) shape.push(view.getUint32(4 + 4 * i));
  const expected = shape.reduce((a, b) => a * b, 1);
  const actual = bytes.length - headerBytes;
  if (actual < expected) {
    fail(
      `잘린 파일입니다: 모양 [${shape}]에는 값 ${expected}개가 필요한데 ${actual}개뿐입니다.`,
      `is truncated: shape [${shape}] needs ${expected} values, the file has ${actual}.`,
    );
  }
  if (actual > expected) {
    fail(
      `모양 [${shape}]의 값 ${expected}개 뒤에 ${actual - expected}바이트가 더 있습니다.`,
      `has ${actual - expected} bytes after the ${expected} values of shape [${shape}].`,
    );
  }
  return { data: bytes.subarray(headerBytes), shape };
}
