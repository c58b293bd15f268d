// --shard K/N: which files a slice grades. A file's slice depends only on its
// path as shown (FNV-1a hash), never on which other files exist, so every
// machine of a matrix agrees without talking, and a file added later moves
// no other file to another slice.

/** FNV-1a (32-bit) of the path's UTF-16 code units. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/** Whether the file shown as `path` belongs to slice `index` (1-based) of `count`. */
export function inShard(path: string, shard: { index: number; count: number }): boolean {
  return fnv1a(path) % shard.count === shard.index - 1;
}

export const shardName = (shard: { index: number; count: number }): string => `${shard.index}/${shard.count}`;
