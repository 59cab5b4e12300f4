/**
 * The onnxruntime matcher against the JavaScript reference (topK): the same indices, counts and
 * scores, bit for bit, on random vectors, on vectors with many exact ties, and on real titles
 * encoded by the bundled model.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataDir } from '../../../../electron/cli/eval-sets.js';
import { bundledModelDir, createEngine } from '../../../../electron/core/engine/index.js';
import { findColumn, readTable } from '../../../../electron/core/io/index.js';
import { topK, type TopKOptions, type TopKResult } from '../../../../electron/core/match/index.js';
import { createOrtMatcher, roundingBound, type OrtMatcher } from '../../../../electron/core/match/ort-topk.js';
import { rng } from '../../../bench/suite-helpers.js';


function randomUnit(n: number, dim: number, seed: number): Float32Array {
  const next = rng(seed);
  const v = new Float32Array(n * dim);
  for (let i = 0; i < n; i++) {
    let norm = 0;
    for (let d = 0; d < dim; d++) norm += (v[i * dim + d] = next() - 0.5) ** 2;
    for (let d = 0; d < dim; d++) v[i * dim + d] /= Math.sqrt(norm);
  }
  return v;
}

function expectSame(got: TopKResult, want: TopKResult): void {
  expect(got.k).toBe(want.k);
  expect(Array.from(got.counts)).toEqual(Array.from(want.counts));
  expect(Array.from(got.indices)).toEqual(Array.from(want.indices));
  expect(Array.from(got.scores)).toEqual(Array.from(want.scores));
}

let matcher: OrtMatcher;
beforeAll(async () => {
  matcher = await createOrtMatcher({ queryBlock: 23, corpusBlock: 500 });
});
afterAll(() => matcher.dispose());

describe('ONNX Gemm + TopK matching', () => {
  const dim = 64;
  const queries = randomUnit(101, dim, 1);
  const corpus = randomUnit(1777, dim, 2);

  it.each<[number, TopKOptions]>([
    [1, {}],
    [10, {}],
    [10, { minScore: 0.25 }],
    [25, { minScore: 0.9 }],
    [40, {}],
  ])('returns exactly what the reference returns for k=%i %o, over several corpus blocks', async (k, options) => {
    const got = await matcher.topK(queries, corpus, dim, k, options);
    expect(matcher.lastStats.reference).toBe(false);
    expect(matcher.lastStats.runs).toBe(5 * 4); // 101 queries in blocks of 23, 1777 rows in blocks of 500
    expectSame(got, await topK(queries, corpus, dim, k, options));
  });

  it.each([
    [50, 'resolved among the candidates'],
    [4, 'wider than the candidates, so those queries go to the reference kernel'],
  ])('keeps corpus order among exact ties, within and across blocks (%i distinct rows: %s)', async (distinct) => {
    // 2,000 corpus rows that repeat `distinct` vectors, spread over the blocks.
    const base = randomUnit(distinct, dim, 3);
    const tied = new Float32Array(2000 * dim);
    for (let r = 0; r < 2000; r++) tied.set(base.subarray((r % distinct) * dim, ((r % distinct) + 1) * dim), r * dim);
    const got = await matcher.topK(queries, tied, dim, 10);
    if (distinct === 4) expect(matcher.lastStats.fallbackRows).toBe(101 * 4);
    else expect(matcher.lastStats.fallbackRows).toBe(0);
    expectSame(got, await topK(queries, tied, dim, 10));
  });

  it('uses the reference when k is too large for candidates to pay, with the same result', async () => {
    const got = await matcher.topK(queries, corpus, dim, 'all');
    expect(matcher.lastStats.reference).toBe(true);
    expectSame(got, await topK(queries, corpus, dim, 'all'));
  });

  it('reports progress per query block and stops when cancelled', async () => {
    const seen: number[] = [];
    await matcher.topK(queries, corpus, dim, 3, { onProgress: (p) => seen.push(p.done) });
    expect(seen).toEqual([23, 46, 69, 92, 101]);
    const controller = new AbortController();
    controller.abort();
    await expect(matcher.topK(queries, corpus, dim, 3, { signal: controller.signal })).rejects.toThrow(/abort/i);
  });

  it('bounds rounding tighter on fp32 providers than on CUDA (TF32)', () => {
    expect(roundingBound(256, 'cpu')).toBeLessThan(2e-5);
    expect(roundingBound(256, 'cuda')).toBeGreaterThan(4e-4);
  });
});

describe('ONNX matching on real titles encoded by the bundled model', () => {
  it('ranks 600 O*NET titles against 2,500 exactly as the reference does', async () => {
    const table = await readTable(join(dataDir(undefined), 'onet', 'Alternate Titles.txt'), { header: true });
    const col = findColumn(table, 'Alternate Title');
    const titles = table.rows.map((r) => r[col]?.trim() ?? '').filter((t) => t !== '');
    const pick = rng(7);
    const sample = Array.from({ length: 3100 }, () => titles[Math.floor(pick() * titles.length)]);
    const engine = createEngine({ modelDir: bundledModelDir() });
    try {
      const dim = await engine.dimension();
      const v = await engine.encode(sample);
      const q = v.subarray(0, 600 * dim);
      const c = v.subarray(600 * dim);
      for (const k of [1, 10]) {
        expectSame(await matcher.topK(q, c, dim, k), await topK(q, c, dim, k));
      }
    } finally {
      await engine.dispose();
    }
  });
});
