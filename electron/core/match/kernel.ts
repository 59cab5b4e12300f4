/** The dot-product kernel shared by top-k and ranking: one block of queries against one of the corpus. */

/**
 * out[i * cn + j] = queries[q0 + i] . corpus[c0 + j] for i < qn, j < cn. Four query rows share
 * each corpus row while it is in cache; results are rounded to float32 once, so that equal
 * vectors always give equal scores (ties are then broken by corpus order, never by rounding).
 */
export function scoreBlock(
  queries: Float32Array,
  q0: number,
  qn: number,
  corpus: Float32Array,
  c0: number,
  cn: number,
  dim: number,
  out: Float32Array,
): void {
  let i = 0;
  for (; i + 4 <= qn; i += 4) {
    const a0 = (q0 + i) * dim;
    const a1 = a0 + dim;
    const a2 = a1 + dim;
    const a3 = a2 + dim;
    for (let j = 0; j < cn; j++) {
      const b = (c0 + j) * dim;
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      let s3 = 0;
      for (let d = 0; d < dim; d++) {
        const v = corpus[b + d];
        s0 += queries[a0 + d] * v;
        s1 += queries[a1 + d] * v;
        s2 += queries[a2 + d] * v;
        s3 += queries[a3 + d] * v;
      }
      out[i * cn + j] = s0;
      out[(i + 1) * cn + j] = s1;
      out[(i + 2) * cn + j] = s2;
      out[(i + 3) * cn + j] = s3;
    }
  }
  for (; i < qn; i++) {
    const a = (q0 + i) * dim;
    for (let j = 0; j < cn; j++) {
      const b = (c0 + j) * dim;
      let s = 0;
      for (let d = 0; d < dim; d++) s += queries[a + d] * corpus[b + d];
      out[i * cn + j] = s;
    }
  }
}

/** Checks that flat matrices hold whole rows of dim and returns the row counts. */
export function rowsOf(queries: Float32Array, corpus: Float32Array, dim: number): { nq: number; nc: number } {
  if (!Number.isInteger(dim) || dim < 1) throw new RangeError(`dimension must be a positive whole number, got ${dim}`);
  if (queries.length % dim !== 0) throw new RangeError(`queries hold ${queries.length} numbers, not whole rows of ${dim}`);
  if (corpus.length % dim !== 0) throw new RangeError(`corpus holds ${corpus.length} numbers, not whole rows of ${dim}`);
  return { nq: queries.length / dim, nc: corpus.length / dim };
}

/** Resolves after pending events run, so that an abort or a progress message can get through. */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
