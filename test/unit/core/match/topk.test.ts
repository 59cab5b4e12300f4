import { describe, expect, it } from 'vitest';
import { matchesOf, rankMetrics, targetRanks, topK } from '../../../../electron/core/match/index.js';

/** Deterministic pseudo-random unit vectors. */
function randomUnit(n: number, dim: number, seed: number): Float32Array {
  let s = seed >>> 0;
  const next = (): number => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32 - 0.5;
  };
  const v = new Float32Array(n * dim);
  for (let i = 0; i < n; i++) {
    let norm = 0;
    for (let d = 0; d < dim; d++) {
      v[i * dim + d] = next();
      norm += v[i * dim + d] ** 2;
    }
    for (let d = 0; d < dim; d++) v[i * dim + d] /= Math.sqrt(norm);
  }
  return v;
}

/** The obvious reference: all scores, full sort, score descending then corpus order. */
function reference(q: Float32Array, c: Float32Array, dim: number, k: number, minScore = -Infinity): { index: number; score: number }[][] {
  const out = [];
  for (let i = 0; i < q.length / dim; i++) {
    const all = [];
    for (let j = 0; j < c.length / dim; j++) {
      let s = 0;
      for (let d = 0; d < dim; d++) s += q[i * dim + d] * c[j * dim + d];
      all.push({ index: j, score: Math.fround(s) });
    }
    all.sort((a, b) => b.score - a.score || a.index - b.index);
    out.push(all.filter((m) => m.score >= minScore).slice(0, k));
  }
  return out;
}

describe('topK', () => {
  const dim = 7;
  const queries = randomUnit(37, dim, 1);
  const corpus = randomUnit(301, dim, 2);

  it.each([1, 2, 5, 10, 64, 300, 301, 1000])('matches the full-sort reference for k=%i across block boundaries', async (k) => {
    const result = await topK(queries, corpus, dim, k, { queryBlock: 5, corpusBlock: 17 });
    const ref = reference(queries, corpus, dim, k);
    expect(result.k).toBe(Math.min(k, 301));
    for (let q = 0; q < 37; q++) {
      const got = matchesOf(result, q);
      expect(got.map((m) => m.index)).toEqual(ref[q].map((m) => m.index));
      got.forEach((m, r) => expect(m.score).toBeCloseTo(ref[q][r].score, 5));
    }
  });

  it("ranks the whole corpus for 'all'", async () => {
    const result = await topK(queries, corpus, dim, 'all');
    expect(result.k).toBe(301);
    expect(Array.from(result.counts).every((c) => c === 301)).toBe(true);
    expect(new Set(matchesOf(result, 3).map((m) => m.index)).size).toBe(301);
  });

  it('keeps corpus order among equal scores, also across blocks', async () => {
    // Corpus rows 0, 2, 3 and 5 are the same vector; row 4 is the query itself.
    const q = new Float32Array([1, 0]);
    const c = new Float32Array([0.6, 0.8, 0, 1, 0.6, 0.8, 0.6, 0.8, 1, 0, 0.6, 0.8]);
    const result = await topK(q, c, 2, 4, { corpusBlock: 2 });
    expect(matchesOf(result, 0).map((m) => m.index)).toEqual([4, 0, 2, 3]);
    const top2 = await topK(q, c, 2, 2, { corpusBlock: 1 });
    expect(matchesOf(top2, 0).map((m) => m.index)).toEqual([4, 0]);
  });

  it('drops matches under minScore, so a query may get fewer than k or none', async () => {
    const result = await topK(queries, corpus, dim, 50, { minScore: 0.5 });
    const ref = reference(queries, corpus, dim, 50, 0.5);
    for (let q = 0; q < 37; q++) {
      expect(result.counts[q]).toBe(ref[q].length);
      expect(matchesOf(result, q).every((m) => m.score >= 0.5)).toBe(true);
    }
    const none = await topK(queries, corpus, dim, 5, { minScore: 1.01 });
    expect(Array.from(none.counts).every((c) => c === 0)).toBe(true);
  });

  it('handles an empty query list and an empty corpus', async () => {
    expect((await topK(new Float32Array(0), corpus, dim, 3)).counts.length).toBe(0);
    const empty = await topK(queries, new Float32Array(0), dim, 3);
    expect(empty.k).toBe(0);
    expect(matchesOf(empty, 0)).toEqual([]);
  });

  it('rejects a bad k and matrices that are not whole rows', async () => {
    await expect(topK(queries, corpus, dim, 0)).rejects.toThrow(/k must be/);
    await expect(topK(queries, corpus, dim, 2.5)).rejects.toThrow(/k must be/);
    await expect(topK(queries, corpus.subarray(1), dim, 3)).rejects.toThrow(/whole rows/);
  });

  it('reports progress and stops when cancelled', async () => {
    const seen: number[] = [];
    await topK(queries, corpus, dim, 3, { queryBlock: 10, onProgress: (p) => seen.push(p.done) });
    expect(seen).toEqual([10, 20, 30, 37]);
    const controller = new AbortController();
    controller.abort();
    await expect(topK(queries, corpus, dim, 3, { signal: controller.signal })).rejects.toThrow(/abort/i);
  });
});

describe('targetRanks and rankMetrics', () => {
  it('gives the rank topK would give the target', async () => {
    const dim = 5;
    const q = randomUnit(20, dim, 3);
    const c = randomUnit(40, dim, 4);
    const targets = Int32Array.from({ length: 20 }, (_, i) => (i * 7) % 40);
    const ranks = await targetRanks(q, c, dim, targets, { queryBlock: 3 });
    const all = await topK(q, c, dim, 'all');
    for (let i = 0; i < 20; i++) {
      expect(matchesOf(all, i).findIndex((m) => m.index === targets[i]) + 1).toBe(ranks[i]);
    }
  });

  it('computes MRR, top-1 and top-5', () => {
    expect(rankMetrics([1, 2, 10, 1])).toEqual({ mrr: (1 + 0.5 + 0.1 + 1) / 4, top1: 0.5, top5: 0.75, n: 4 });
  });
});
