// AssemblyScript: the arithmetic of one training step of a stack of Dense
// layers, on 128-bit WASM SIMD, reading and writing tfjs-backend-wasm's own
// heap (the memory is imported; tensors are read in place, never copied).
// Compiled by scripts/build-kernels.mjs into src/sandbox/fast/lean-fit/dense-mlp-wasm.ts;
// driven by src/sandbox/fast/lean-fit/trainer.ts. Matrices are row-major f32.
//
// Every layer input is first compressed to its non-zero entries (CSR): MNIST
// pixels are ~81 % zeros and relu outputs ~50 %, so the forward pass and the
// weight gradient touch only the weights of non-zero inputs. Skipping a zero
// term changes no sum (x·0 adds nothing), so results equal a dense matmul up
// to the order of float additions. Dense inputs simply keep every entry.

// Branch-free compaction: always write, advance only past non-zeros (NaN included).
// @ts-ignore: decorator
@inline
function keepNonZero(src: usize, c: i32, col: usize, val: usize, nz: usize): usize {
  const v = load<f32>(src + (<usize>c << 2));
  store<i32>(col + (nz << 2), c);
  store<f32>(val + (nz << 2), v);
  return nz + <usize>(v != 0);
}

// Compresses `rows` rows of length `k` into CSR. Row r is x[idx[r]] when
// idx != 0 (a shuffled batch read straight from the dataset), else x[r].
// start gets rows + 1 offsets; col/val the column and value of each non-zero.
export function compressRows(x: usize, idx: usize, rows: i32, k: i32, start: usize, col: usize, val: usize): void {
  let nz: usize = 0;
  const rowBytes = <usize>k << 2;
  for (let r = 0; r < rows; r++) {
    store<i32>(start + (<usize>r << 2), <i32>nz);
    const row: usize = idx != 0 ? <usize>load<i32>(idx + (<usize>r << 2)) : <usize>r;
    const src = x + row * rowBytes;
    let c = 0;
    // Four at a time: a group whose bits are all zero (most of an MNIST row) is
    // skipped whole; -0 passes this test and is dropped by the one below.
    for (; c + 4 <= k; c += 4) {
      if (!v128.any_true(v128.load(src + (<usize>c << 2)))) continue;
      for (let i = c; i < c + 4; i++) nz = keepNonZero(src, i, col, val, nz);
    }
    for (; c < k; c++) nz = keepNonZero(src, c, col, val, nz);
  }
  store<i32>(start + (<usize>rows << 2), <i32>nz);
}

// out[r, :] = bias + Σ_p val[p] · w[col[p], :] over row r's non-zeros; relu when asked.
export function denseForward(start: usize, col: usize, val: usize, rows: i32, w: usize, bias: usize, n: i32, out: usize, relu: i32): void {
  const zero = f32x4.splat(0);
  const rowBytes = <usize>n << 2;
  for (let r = 0; r < rows; r++) {
    const s = <usize>load<i32>(start + (<usize>r << 2));
    const e = <usize>load<i32>(start + (<usize>(r + 1) << 2));
    const o = out + <usize>r * rowBytes;
    let j: usize = 0;
    const n32 = <usize>n & ~31;
    for (; j < n32; j += 32) {
      const b = bias + (j << 2);
      let a0 = v128.load(b, 0), a1 = v128.load(b, 16), a2 = v128.load(b, 32), a3 = v128.load(b, 48);
      let a4 = v128.load(b, 64), a5 = v128.load(b, 80), a6 = v128.load(b, 96), a7 = v128.load(b, 112);
      for (let p = s; p < e; p++) {
        const xv = f32x4.splat(load<f32>(val + (p << 2)));
        const wp = w + <usize>load<i32>(col + (p << 2)) * rowBytes + (j << 2);
        a0 = f32x4.add(a0, f32x4.mul(xv, v128.load(wp, 0)));
        a1 = f32x4.add(a1, f32x4.mul(xv, v128.load(wp, 16)));
        a2 = f32x4.add(a2, f32x4.mul(xv, v128.load(wp, 32)));
        a3 = f32x4.add(a3, f32x4.mul(xv, v128.load(wp, 48)));
        a4 = f32x4.add(a4, f32x4.mul(xv, v128.load(wp, 64)));
        a5 = f32x4.add(a5, f32x4.mul(xv, v128.load(wp, 80)));
        a6 = f32x4.add(a6, f32x4.mul(xv, v128.load(wp, 96)));
        a7 = f32x4.add(a7, f32x4.mul(xv, v128.load(wp, 112)));
      }
      if (relu) {
        a0 = f32x4.max(a0, zero); a1 = f32x4.max(a1, zero); a2 = f32x4.max(a2, zero); a3 = f32x4.max(a3, zero);
        a4 = f32x4.max(a4, zero); a5 = f32x4.max(a5, zero); a6 = f32x4.max(a6, zero); a7 = f32x4.max(a7, zero);
      }
      const op = o + (j << 2);
      v128.store(op, a0, 0); v128.store(op, a1, 16); v128.store(op, a2, 32); v128.store(op, a3, 48);
      v128.store(op, a4, 64); v128.store(op, a5, 80); v128.store(op, a6, 96); v128.store(op, a7, 112);
    }
    const n4 = <usize>n & ~3;
    for (; j < n4; j += 4) {
      let a = v128.load(bias + (j << 2));
      for (let p = s; p < e; p++) {
        const xv = f32x4.splat(load<f32>(val + (p << 2)));
        a = f32x4.add(a, f32x4.mul(xv, v128.load(w + <usize>load<i32>(col + (p << 2)) * rowBytes + (j << 2))));
      }
      if (relu) a = f32x4.max(a, zero);
      v128.store(o + (j << 2), a);
    }
    for (; j < <usize>n; j++) {
      let a = load<f32>(bias + (j << 2));
      for (let p = s; p < e; p++) {
        a += load<f32>(val + (p << 2)) * load<f32>(w + <usize>load<i32>(col + (p << 2)) * rowBytes + (j << 2));
      }
      if (relu && !(a > 0)) a = a != a ? a : 0;
      store<f32>(o + (j << 2), a);
    }
  }
}

// dw = inputᵀ · dy, from the input's CSR: dw[col[p], :] += val[p] · dy[r, :].
export function weightGrad(start: usize, col: usize, val: usize, rows: i32, dy: usize, n: i32, dw: usize, k: i32): void {
  const rowBytes = <usize>n << 2;
  memory.fill(dw, 0, <usize>k * rowBytes);
  for (let r = 0; r < rows; r++) {
    const s = <usize>load<i32>(start + (<usize>r << 2));
    const e = <usize>load<i32>(start + (<usize>(r + 1) << 2));
    const d = dy + <usize>r * rowBytes;
    let j: usize = 0;
    const n32 = <usize>n & ~31;
    for (; j < n32; j += 32) {
      const dj = d + (j << 2);
      const d0 = v128.load(dj, 0), d1 = v128.load(dj, 16), d2 = v128.load(dj, 32), d3 = v128.load(dj, 48);
      const d4 = v128.load(dj, 64), d5 = v128.load(dj, 80), d6 = v128.load(dj, 96), d7 = v128.load(dj, 112);
      for (let p = s; p < e; p++) {
        const xv = f32x4.splat(load<f32>(val + (p << 2)));
        const wp = dw + <usize>load<i32>(col + (p << 2)) * rowBytes + (j << 2);
        v128.store(wp, f32x4.add(v128.load(wp, 0), f32x4.mul(xv, d0)), 0);
        v128.store(wp, f32x4.add(v128.load(wp, 16), f32x4.mul(xv, d1)), 16);
        v128.store(wp, f32x4.add(v128.load(wp, 32), f32x4.mul(xv, d2)), 32);
        v128.store(wp, f32x4.add(v128.load(wp, 48), f32x4.mul(xv, d3)), 48);
        v128.store(wp, f32x4.add(v128.load(wp, 64), f32x4.mul(xv, d4)), 64);
        v128.store(wp, f32x4.add(v128.load(wp, 80), f32x4.mul(xv, d5)), 80);
        v128.store(wp, f32x4.add(v128.load(wp, 96), f32x4.mul(xv, d6)), 96);
        v128.store(wp, f32x4.add(v128.load(wp, 112), f32x4.mul(xv, d7)), 112);
      }
    }
    const n4 = <usize>n & ~3;
    for (; j < n4; j += 4) {
      const d0 = v128.load(d + (j << 2));
      for (let p = s; p < e; p++) {
        const xv = f32x4.splat(load<f32>(val + (p << 2)));
        const wp = dw + <usize>load<i32>(col + (p << 2)) * rowBytes + (j << 2);
        v128.store(wp, f32x4.add(v128.load(wp), f32x4.mul(xv, d0)));
      }
    }
    for (; j < <usize>n; j++) {
      const d0 = load<f32>(d + (j << 2));
      for (let p = s; p < e; p++) {
        const wp = dw + <usize>load<i32>(col + (p << 2)) * rowBytes + (j << 2);
        store<f32>(wp, load<f32>(wp) + load<f32>(val + (p << 2)) * d0);
      }
    }
  }
}

// db[j] = Σ_r dy[r, j].
export function biasGrad(dy: usize, rows: i32, n: i32, db: usize): void {
  const rowBytes = <usize>n << 2;
  memory.fill(db, 0, rowBytes);
  for (let r = 0; r < rows; r++) {
    const d = dy + <usize>r * rowBytes;
    let j: usize = 0;
    for (; j + 4 <= <usize>n; j += 4) v128.store(db + (j << 2), f32x4.add(v128.load(db + (j << 2)), v128.load(d + (j << 2))));
    for (; j < <usize>n; j++) store<f32>(db + (j << 2), load<f32>(db + (j << 2)) + load<f32>(d + (j << 2)));
  }
}

// dx[r, c] = Σ_j dy[r, j] · w[c, j] (dy · wᵀ), times relu's derivative when
// asked: zero where the layer's input h[r, c] (a relu output) is not > 0.
export function inputGrad(dy: usize, rows: i32, n: i32, w: usize, k: i32, h: usize, dx: usize, reluMask: i32): void {
  const rowBytes = <usize>n << 2;
  const n4 = <usize>n & ~3;
  for (let r = 0; r < rows; r++) {
    const d = dy + <usize>r * rowBytes;
    const hr = h + ((<usize>r * <usize>k) << 2);
    const xr = dx + ((<usize>r * <usize>k) << 2);
    for (let c = 0; c < k; c++) {
      if (reluMask && !(load<f32>(hr + (<usize>c << 2)) > 0)) {
        store<f32>(xr + (<usize>c << 2), 0);
        continue;
      }
      const wc = w + <usize>c * rowBytes;
      let acc = f32x4.splat(0);
      let j: usize = 0;
      for (; j < n4; j += 4) acc = f32x4.add(acc, f32x4.mul(v128.load(d + (j << 2)), v128.load(wc + (j << 2))));
      let sum = f32x4.extract_lane(acc, 0) + f32x4.extract_lane(acc, 1) + f32x4.extract_lane(acc, 2) + f32x4.extract_lane(acc, 3);
      for (; j < <usize>n; j++) sum += load<f32>(d + (j << 2)) * load<f32>(wc + (j << 2));
      store<f32>(xr + (<usize>c << 2), sum);
    }
  }
}

// One Adam step over `count` floats, every operation rounded to f32 in the
// order of tfjs's AdamOptimizer (and of fused-adam.ts): the same bits.
export function adam(x: usize, m: usize, v: usize, g: usize, count: i32, b1: f32, b2: f32, c1: f32, c2: f32, d1: f32, d2: f32, eps: f32, minusLr: f32): void {
  const B1 = f32x4.splat(b1), B2 = f32x4.splat(b2), C1 = f32x4.splat(c1), C2 = f32x4.splat(c2);
  const D1 = f32x4.splat(d1), D2 = f32x4.splat(d2), E = f32x4.splat(eps), L = f32x4.splat(minusLr);
  const n4 = <usize>count & ~3;
  let i: usize = 0;
  for (; i < n4; i += 4) {
    const o = i << 2;
    const gi = v128.load(g + o);
    const mi = f32x4.add(f32x4.mul(v128.load(m + o), B1), f32x4.mul(gi, C1));
    const vi = f32x4.add(f32x4.mul(v128.load(v + o), B2), f32x4.mul(f32x4.mul(gi, gi), C2));
    v128.store(m + o, mi);
    v128.store(v + o, vi);
    const step = f32x4.mul(f32x4.div(f32x4.div(mi, D1), f32x4.add(f32x4.sqrt(f32x4.div(vi, D2)), E)), L);
    v128.store(x + o, f32x4.add(step, v128.load(x + o)));
  }
  for (; i < <usize>count; i++) {
    const o = i << 2;
    const gi = load<f32>(g + o);
    const mi: f32 = load<f32>(m + o) * b1 + gi * c1;
    const vi: f32 = load<f32>(v + o) * b2 + gi * gi * c2;
    store<f32>(m + o, mi);
    store<f32>(v + o, vi);
    store<f32>(x + o, (mi / d1 / (Mathf.sqrt(vi / d2) + eps)) * minusLr + load<f32>(x + o));
  }
}
