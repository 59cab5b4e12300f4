/**
 * Pooling steps as small pure functions over flat typed arrays, as onnxruntime returns them.
 * Token states are [batch, seq, dim] row-major; masks are [batch, seq] with 1 for real tokens.
 */

/** A pooling strategy a sentence-transformers model can declare. */
export type PoolingMode = 'mean' | 'cls' | 'max';

/** Mean of the token vectors whose mask is non-zero, per row: [batch, dim]. */
export function meanPool(
  hidden: Float32Array,
  mask: ArrayLike<number>,
  batch: number,
  seq: number,
  dim: number,
): Float32Array {
  checkShapes(hidden, mask, batch, seq, dim);
  const out = new Float32Array(batch * dim);
  const acc = new Float64Array(dim);
  for (let b = 0; b < batch; b++) {
    acc.fill(0);
    let count = 0;
    for (let t = 0; t < seq; t++) {
      if (mask[b * seq + t] === 0) continue;
      count++;
      const base = (b * seq + t) * dim;
      for (let d = 0; d < dim; d++) acc[d] += hidden[base + d];
    }
    // A row with no real token (cannot come from a tokenizer that adds [CLS]) pools to zeros,
    // as sentence-transformers does (it clamps the count to a tiny positive number).
    if (count === 0) continue;
    const o = b * dim;
    for (let d = 0; d < dim; d++) out[o + d] = acc[d] / count;
  }
  return out;
}

/** The first token's vector per row ([CLS] for BERT): [batch, dim]. */
export function clsPool(hidden: Float32Array, batch: number, seq: number, dim: number): Float32Array {
  if (hidden.length !== batch * seq * dim) throw new RangeError(`hidden has ${hidden.length} values, expected ${batch * seq * dim}`);
  const out = new Float32Array(batch * dim);
  for (let b = 0; b < batch; b++) out.set(hidden.subarray(b * seq * dim, b * seq * dim + dim), b * dim);
  return out;
}

/** Element-wise maximum over the real tokens per row: [batch, dim]. */
export function maxPool(
  hidden: Float32Array,
  mask: ArrayLike<number>,
  batch: number,
  seq: number,
  dim: number,
): Float32Array {
  checkShapes(hidden, mask, batch, seq, dim);
  const out = new Float32Array(batch * dim);
  for (let b = 0; b < batch; b++) {
    const o = b * dim;
    let any = false;
    for (let t = 0; t < seq; t++) {
      if (mask[b * seq + t] === 0) continue;
      const base = (b * seq + t) * dim;
      for (let d = 0; d < dim; d++) {
        const v = hidden[base + d];
        if (!any || v > out[o + d]) out[o + d] = v;
      }
      any = true;
    }
  }
  return out;
}

/** Pools token vectors with the given strategy. */
export function pool(
  mode: PoolingMode,
  hidden: Float32Array,
  mask: ArrayLike<number>,
  batch: number,
  seq: number,
  dim: number,
): Float32Array {
  switch (mode) {
    case 'mean':
      return meanPool(hidden, mask, batch, seq, dim);
    case 'cls':
      return clsPool(hidden, batch, seq, dim);
    case 'max':
      return maxPool(hidden, mask, batch, seq, dim);
  }
}

/** Scales each row of a [rows, dim] matrix to unit length, in place; zero rows stay zero. */
export function l2Normalize(vectors: Float32Array, dim: number): Float32Array {
  if (dim <= 0 || vectors.length % dim !== 0) throw new RangeError(`${vectors.length} values is not a whole number of rows of ${dim}`);
  for (let o = 0; o < vectors.length; o += dim) {
    let sum = 0;
    for (let d = 0; d < dim; d++) sum += vectors[o + d] * vectors[o + d];
    if (sum === 0) continue;
    const inv = 1 / Math.sqrt(sum);
    for (let d = 0; d < dim; d++) vectors[o + d] *= inv;
  }
  return vectors;
}

function checkShapes(hidden: Float32Array, mask: ArrayLike<number>, batch: number, seq: number, dim: number): void {
  if (hidden.length !== batch * seq * dim) throw new RangeError(`hidden has ${hidden.length} values, expected ${batch}x${seq}x${dim}`);
  if (mask.length !== batch * seq) throw new RangeError(`mask has ${mask.length} values, expected ${batch}x${seq}`);
}

/** IEEE 754 half-precision values (as onnxruntime returns float16 tensors) to float32. */
export function halfToFloat(half: Uint16Array): Float32Array {
  const out = new Float32Array(half.length);
  for (let i = 0; i < half.length; i++) {
    const h = half[i];
    const sign = h & 0x8000 ? -1 : 1;
    const exponent = (h >> 10) & 0x1f;
    const fraction = h & 0x3ff;
    if (exponent === 0) out[i] = sign * fraction * 2 ** -24;
    else if (exponent === 31) out[i] = fraction === 0 ? sign * Infinity : NaN;
    else out[i] = sign * (1 + fraction / 1024) * 2 ** (exponent - 15);
  }
  return out;
}
