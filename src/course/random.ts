// numpy's legacy `np.random.RandomState`, only as far as scikit-learn uses it
// for splitting: seeding with an int, `permutation`, `shuffle` and
// `choice(replace=False)`. Same seed, same draws as numpy, so a split made
// here equals the one in the book, index for index.

const N = 624;
const M = 397;

/**
 * A seeded random number generator that reproduces numpy's
 * `np.random.RandomState(seed)` (MT19937) for permutations and shuffles.
 */
export class RandomState {
  private readonly mt = new Uint32Array(N);
  private pos = N;

  /** @param seed an integer in [0, 2**32 - 1], as numpy requires. */
  constructor(seed: number) {
    if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) {
      throw new RangeError(
        `randomState must be an integer between 0 and 2**32 - 1 (as in numpy), got ${String(seed)}.`,
      );
    }
    // init_genrand: numpy's mt19937_seed for an int seed.
    let s = seed >>> 0;
    for (let i = 0; i < N; i++) {
      this.mt[i] = s;
      s = (Math.imul(1812433253, (s ^ (s >>> 30)) >>> 0) + i + 1) >>> 0;
    }
    this.pos = N;
  }

  /** The next 32-bit output of MT19937 (numpy's `next_uint32`). */
  nextUint32(): number {
    const mt = this.mt;
    if (this.pos >= N) {
      for (let k = 0; k < N; k++) {
        const y = (mt[k] & 0x80000000) | (mt[(k + 1) % N] & 0x7fffffff);
        mt[k] = mt[(k + M) % N] ^ (y >>> 1) ^ (y & 1 ? 0x9908b0df : 0);
      }
      this.pos = 0;
    }
    let y = mt[this.pos++];
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    return y >>> 0;
  }

  /**
   * A uniform integer in [0, max], by masked rejection sampling exactly as
   * numpy's `random_interval` (max < 2**32 here).
   */
  interval(max: number): number {
    if (max === 0) return 0;
    let mask = max;
    mask |= mask >>> 1;
    mask |= mask >>> 2;
    mask |= mask >>> 4;
    mask |= mask >>> 8;
    mask |= mask >>> 16;
    mask >>>= 0;
    let value: number;
    do {
      value = (this.nextUint32() & mask) >>> 0;
    } while (value > max);
    return value;
  }

  /** Shuffles in place like numpy's legacy `shuffle` of a 1-D array. */
  shuffle<T extends { length: number; [i: number]: number }>(x: T): T {
    for (let i = x.length - 1; i >= 1; i--) {
      const j = this.interval(i);
      const t = x[i];
      x[i] = x[j];
      x[j] = t;
    }
    return x;
  }

  /** `permutation(n)`: a shuffled `arange(n)`. */
  permutation(n: number): Int32Array {
    const a = new Int32Array(n);
    for (let i = 0; i < n; i++) a[i] = i;
    return this.shuffle(a);
  }

  /** `permutation(values)`: a shuffled copy. */
  permuted(values: ArrayLike<number>): Int32Array {
    return this.shuffle(Int32Array.from(values));
  }

  /** `choice(values, size, replace=False)`, which numpy draws as `values[permutation(len)[:size]]`. */
  choiceWithoutReplacement(values: ArrayLike<number>, size: number): number[] {
    const p = this.permutation(values.length);
    const out: number[] = [];
    for (let i = 0; i < size; i++) out.push(values[p[i]]);
    return out;
  }
}

/**
 * `check_random_state`: a seeded generator for an int, a freshly seeded one
 * (from the platform's crypto source) when no seed is given.
 */
export function checkRandomState(seed: number | undefined): RandomState {
  if (seed === undefined || seed === null) {
    const buf = new Uint32Array(1);
    globalThis.crypto.getRandomValues(buf);
    return new RandomState(buf[0]);
  }
  return new RandomState(seed);
}
