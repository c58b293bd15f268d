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
// to the order of float additions. Inputs with few zeros (standardised
// pixels, linear layers) take denseForwardRows / weightGradRows instead: no
// compression, four rows (or four inputs) per pass so each weight loaded
// serves four rows, and the same order of additions as the CSR kernels.

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
// asked: zero where the layer's input h[r, c] (a relu output) is not > 0;
// then times mask[r, c] when mask != 0 (Dropout: 0 or 1 / keep).
export function inputGrad(dy: usize, rows: i32, n: i32, w: usize, k: i32, h: usize, dx: usize, reluMask: i32, mask: usize): void {
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
      if (mask != 0) sum *= load<f32>(mask + ((<usize>r * <usize>k + <usize>c) << 2));
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

// ---- Dense inputs: no compression ------------------------------------------

// Start of row r of x: x[idx[r]] when idx != 0, else x[r].
// @ts-ignore: decorator
@inline
function rowAt(x: usize, idx: usize, r: i32, rowBytes: usize): usize {
  const row: usize = idx != 0 ? <usize>load<i32>(idx + (<usize>r << 2)) : <usize>r;
  return x + row * rowBytes;
}

// out[r, :] = bias + Σ_c x[r, c] · w[c, :] for every c (relu when asked), as
// denseForward computes it from CSR, in the same order of additions. Rows go
// four at a time (a tail block repeats its last row: same values, same place).
export function denseForwardRows(x: usize, idx: usize, rows: i32, k: i32, w: usize, bias: usize, n: i32, out: usize, relu: i32): void {
  const zero = f32x4.splat(0);
  const inBytes = <usize>k << 2;
  const outBytes = <usize>n << 2;
  for (let r = 0; r < rows; r += 4) {
    const last = rows - 1;
    const r1 = min(r + 1, last), r2 = min(r + 2, last), r3 = min(r + 3, last);
    const x0 = rowAt(x, idx, r, inBytes), x1 = rowAt(x, idx, r1, inBytes), x2 = rowAt(x, idx, r2, inBytes), x3 = rowAt(x, idx, r3, inBytes);
    const o0 = out + <usize>r * outBytes, o1 = out + <usize>r1 * outBytes, o2 = out + <usize>r2 * outBytes, o3 = out + <usize>r3 * outBytes;
    let j: usize = 0;
    for (; j + 8 <= <usize>n; j += 8) {
      const b = bias + (j << 2);
      let a00 = v128.load(b, 0), a01 = v128.load(b, 16);
      let a10 = a00, a11 = a01, a20 = a00, a21 = a01, a30 = a00, a31 = a01;
      let wp = w + (j << 2);
      for (let c: usize = 0; c < <usize>k; c++, wp += outBytes) {
        const w0 = v128.load(wp, 0), w1 = v128.load(wp, 16);
        const cb = c << 2;
        let v = f32x4.splat(load<f32>(x0 + cb));
        a00 = f32x4.add(a00, f32x4.mul(v, w0)); a01 = f32x4.add(a01, f32x4.mul(v, w1));
        v = f32x4.splat(load<f32>(x1 + cb));
        a10 = f32x4.add(a10, f32x4.mul(v, w0)); a11 = f32x4.add(a11, f32x4.mul(v, w1));
        v = f32x4.splat(load<f32>(x2 + cb));
        a20 = f32x4.add(a20, f32x4.mul(v, w0)); a21 = f32x4.add(a21, f32x4.mul(v, w1));
        v = f32x4.splat(load<f32>(x3 + cb));
        a30 = f32x4.add(a30, f32x4.mul(v, w0)); a31 = f32x4.add(a31, f32x4.mul(v, w1));
      }
      if (relu) {
        a00 = f32x4.max(a00, zero); a01 = f32x4.max(a01, zero); a10 = f32x4.max(a10, zero); a11 = f32x4.max(a11, zero);
        a20 = f32x4.max(a20, zero); a21 = f32x4.max(a21, zero); a30 = f32x4.max(a30, zero); a31 = f32x4.max(a31, zero);
      }
      const jb = j << 2;
      v128.store(o0 + jb, a00, 0); v128.store(o0 + jb, a01, 16);
      v128.store(o1 + jb, a10, 0); v128.store(o1 + jb, a11, 16);
      v128.store(o2 + jb, a20, 0); v128.store(o2 + jb, a21, 16);
      v128.store(o3 + jb, a30, 0); v128.store(o3 + jb, a31, 16);
    }
    for (; j + 4 <= <usize>n; j += 4) {
      let a0 = v128.load(bias + (j << 2));
      let a1 = a0, a2 = a0, a3 = a0;
      let wp = w + (j << 2);
      for (let c: usize = 0; c < <usize>k; c++, wp += outBytes) {
        const w0 = v128.load(wp);
        const cb = c << 2;
        a0 = f32x4.add(a0, f32x4.mul(f32x4.splat(load<f32>(x0 + cb)), w0));
        a1 = f32x4.add(a1, f32x4.mul(f32x4.splat(load<f32>(x1 + cb)), w0));
        a2 = f32x4.add(a2, f32x4.mul(f32x4.splat(load<f32>(x2 + cb)), w0));
        a3 = f32x4.add(a3, f32x4.mul(f32x4.splat(load<f32>(x3 + cb)), w0));
      }
      if (relu) {
        a0 = f32x4.max(a0, zero); a1 = f32x4.max(a1, zero); a2 = f32x4.max(a2, zero); a3 = f32x4.max(a3, zero);
      }
      const jb = j << 2;
      v128.store(o0 + jb, a0); v128.store(o1 + jb, a1); v128.store(o2 + jb, a2); v128.store(o3 + jb, a3);
    }
    for (; j < <usize>n; j++) {
      let a0 = load<f32>(bias + (j << 2));
      let a1 = a0, a2 = a0, a3 = a0;
      let wp = w + (j << 2);
      for (let c: usize = 0; c < <usize>k; c++, wp += outBytes) {
        const wv = load<f32>(wp);
        const cb = c << 2;
        a0 += load<f32>(x0 + cb) * wv; a1 += load<f32>(x1 + cb) * wv; a2 += load<f32>(x2 + cb) * wv; a3 += load<f32>(x3 + cb) * wv;
      }
      if (relu) {
        // max(a, 0) keeping NaN, as f32x4.max does.
        if (!(a0 > 0)) a0 = a0 != a0 ? a0 : 0;
        if (!(a1 > 0)) a1 = a1 != a1 ? a1 : 0;
        if (!(a2 > 0)) a2 = a2 != a2 ? a2 : 0;
        if (!(a3 > 0)) a3 = a3 != a3 ? a3 : 0;
      }
      const jb = j << 2;
      store<f32>(o0 + jb, a0); store<f32>(o1 + jb, a1); store<f32>(o2 + jb, a2); store<f32>(o3 + jb, a3);
    }
  }
}

// dw = xᵀ · dy for dense rows: dw[c, :] = Σ_r x[r, c] · dy[r, :], summed over
// r in order (as weightGrad from CSR). Four inputs c at a time, their sums in
// registers; a tail block repeats its last input (same values, same place).
export function weightGradRows(x: usize, idx: usize, rows: i32, k: i32, dy: usize, n: i32, dw: usize): void {
  const inBytes = <usize>k << 2;
  const outBytes = <usize>n << 2;
  for (let c = 0; c < k; c += 4) {
    const lastC = k - 1;
    const c0 = <usize>c << 2, c1 = <usize>min(c + 1, lastC) << 2, c2 = <usize>min(c + 2, lastC) << 2, c3 = <usize>min(c + 3, lastC) << 2;
    const w0 = dw + <usize>c * outBytes, w1 = dw + (c1 >> 2) * outBytes, w2 = dw + (c2 >> 2) * outBytes, w3 = dw + (c3 >> 2) * outBytes;
    let j: usize = 0;
    for (; j + 8 <= <usize>n; j += 8) {
      let a00 = f32x4.splat(0), a01 = a00, a10 = a00, a11 = a00, a20 = a00, a21 = a00, a30 = a00, a31 = a00;
      let d = dy + (j << 2);
      for (let r = 0; r < rows; r++, d += outBytes) {
        const src = rowAt(x, idx, r, inBytes);
        const d0 = v128.load(d, 0), d1 = v128.load(d, 16);
        let v = f32x4.splat(load<f32>(src + c0));
        a00 = f32x4.add(a00, f32x4.mul(v, d0)); a01 = f32x4.add(a01, f32x4.mul(v, d1));
        v = f32x4.splat(load<f32>(src + c1));
        a10 = f32x4.add(a10, f32x4.mul(v, d0)); a11 = f32x4.add(a11, f32x4.mul(v, d1));
        v = f32x4.splat(load<f32>(src + c2));
        a20 = f32x4.add(a20, f32x4.mul(v, d0)); a21 = f32x4.add(a21, f32x4.mul(v, d1));
        v = f32x4.splat(load<f32>(src + c3));
        a30 = f32x4.add(a30, f32x4.mul(v, d0)); a31 = f32x4.add(a31, f32x4.mul(v, d1));
      }
      const jb = j << 2;
      v128.store(w0 + jb, a00, 0); v128.store(w0 + jb, a01, 16);
      v128.store(w1 + jb, a10, 0); v128.store(w1 + jb, a11, 16);
      v128.store(w2 + jb, a20, 0); v128.store(w2 + jb, a21, 16);
      v128.store(w3 + jb, a30, 0); v128.store(w3 + jb, a31, 16);
    }
    for (; j + 4 <= <usize>n; j += 4) {
      let a0 = f32x4.splat(0), a1 = a0, a2 = a0, a3 = a0;
      let d = dy + (j << 2);
      for (let r = 0; r < rows; r++, d += outBytes) {
        const src = rowAt(x, idx, r, inBytes);
        const d0 = v128.load(d);
        a0 = f32x4.add(a0, f32x4.mul(f32x4.splat(load<f32>(src + c0)), d0));
        a1 = f32x4.add(a1, f32x4.mul(f32x4.splat(load<f32>(src + c1)), d0));
        a2 = f32x4.add(a2, f32x4.mul(f32x4.splat(load<f32>(src + c2)), d0));
        a3 = f32x4.add(a3, f32x4.mul(f32x4.splat(load<f32>(src + c3)), d0));
      }
      const jb = j << 2;
      v128.store(w0 + jb, a0); v128.store(w1 + jb, a1); v128.store(w2 + jb, a2); v128.store(w3 + jb, a3);
    }
    for (; j < <usize>n; j++) {
      let a0: f32 = 0, a1: f32 = 0, a2: f32 = 0, a3: f32 = 0;
      let d = dy + (j << 2);
      for (let r = 0; r < rows; r++, d += outBytes) {
        const src = rowAt(x, idx, r, inBytes);
        const dv = load<f32>(d);
        a0 += load<f32>(src + c0) * dv; a1 += load<f32>(src + c1) * dv; a2 += load<f32>(src + c2) * dv; a3 += load<f32>(src + c3) * dv;
      }
      const jb = j << 2;
      store<f32>(w0 + jb, a0); store<f32>(w1 + jb, a1); store<f32>(w2 + jb, a2); store<f32>(w3 + jb, a3);
    }
  }
}

// ---- Dropout ---------------------------------------------------------------

// h[i] *= mask[i] over `count` floats (mask: 0 or 1 / keep, made by trainer.ts).
export function applyMask(h: usize, mask: usize, count: i32): void {
  let i: usize = 0;
  for (; i + 4 <= <usize>count; i += 4) v128.store(h + (i << 2), f32x4.mul(v128.load(h + (i << 2)), v128.load(mask + (i << 2))));
  for (; i < <usize>count; i++) store<f32>(h + (i << 2), load<f32>(h + (i << 2)) * load<f32>(mask + (i << 2)));
}

// ---- Other optimizers, each operation rounded to f32 in tfjs's order -------

// tf.train.sgd: x = (−lr)·g + x.
export function sgd(x: usize, g: usize, count: i32, minusLr: f32): void {
  const L = f32x4.splat(minusLr);
  let i: usize = 0;
  for (; i + 4 <= <usize>count; i += 4) {
    const o = i << 2;
    v128.store(x + o, f32x4.add(f32x4.mul(L, v128.load(g + o)), v128.load(x + o)));
  }
  for (; i < <usize>count; i++) store<f32>(x + (i << 2), minusLr * load<f32>(g + (i << 2)) + load<f32>(x + (i << 2)));
}

// tf.train.momentum: acc = m·acc + g; x = (−lr)·acc + x, or with Nesterov
// x = (−lr)·(g + acc·m) + x.
export function momentum(x: usize, acc: usize, g: usize, count: i32, m: f32, minusLr: f32, nesterov: i32): void {
  const M = f32x4.splat(m), L = f32x4.splat(minusLr);
  let i: usize = 0;
  for (; i + 4 <= <usize>count; i += 4) {
    const o = i << 2;
    const gi = v128.load(g + o);
    const a = f32x4.add(f32x4.mul(M, v128.load(acc + o)), gi);
    v128.store(acc + o, a);
    const step = nesterov ? f32x4.add(gi, f32x4.mul(a, M)) : a;
    v128.store(x + o, f32x4.add(f32x4.mul(L, step), v128.load(x + o)));
  }
  for (; i < <usize>count; i++) {
    const o = i << 2;
    const gi = load<f32>(g + o);
    const a: f32 = m * load<f32>(acc + o) + gi;
    store<f32>(acc + o, a);
    const step: f32 = nesterov ? gi + a * m : a;
    store<f32>(x + o, minusLr * step + load<f32>(x + o));
  }
}

// tf.train.rmsprop (not centered): ms = ms·decay + g²·(1 − decay);
// mom = mom·momentum + (g·lr) / sqrt(ms + eps); x = x − mom.
export function rmsprop(x: usize, ms: usize, mom: usize, g: usize, count: i32, decay: f32, oneMinusDecay: f32, momentumValue: f32, lr: f32, eps: f32): void {
  const D = f32x4.splat(decay), C = f32x4.splat(oneMinusDecay), M = f32x4.splat(momentumValue), L = f32x4.splat(lr), E = f32x4.splat(eps);
  let i: usize = 0;
  for (; i + 4 <= <usize>count; i += 4) {
    const o = i << 2;
    const gi = v128.load(g + o);
    const s = f32x4.add(f32x4.mul(v128.load(ms + o), D), f32x4.mul(f32x4.mul(gi, gi), C));
    v128.store(ms + o, s);
    const mo = f32x4.add(f32x4.mul(v128.load(mom + o), M), f32x4.div(f32x4.mul(gi, L), f32x4.sqrt(f32x4.add(s, E))));
    v128.store(mom + o, mo);
    v128.store(x + o, f32x4.sub(v128.load(x + o), mo));
  }
  for (; i < <usize>count; i++) {
    const o = i << 2;
    const gi = load<f32>(g + o);
    const s: f32 = load<f32>(ms + o) * decay + gi * gi * oneMinusDecay;
    store<f32>(ms + o, s);
    const mo: f32 = load<f32>(mom + o) * momentumValue + (gi * lr) / Mathf.sqrt(s + eps);
    store<f32>(mom + o, mo);
    store<f32>(x + o, load<f32>(x + o) - mo);
  }
}
