import { describe, expect, it } from 'vitest';
import { levelDistance, seniorityPenalty, SENIORITY_CAP, SENIORITY_LEVELS, SENIORITY_STEP, withinRequired, type SeniorityMode } from '../../../../electron/contract/seniority.js';
import { createMatcher, levelName, matchesOf, seniorityTopK, titleLevels, topK } from '../../../../electron/core/match/index.js';

/** Deterministic pseudo-random numbers in [0, 1). */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** Unit vectors; `dupEvery` repeats earlier rows so that equal scores occur. */
function randomUnit(n: number, dim: number, seed: number, dupEvery = 0): Float32Array {
  const next = rng(seed);
  const v = new Float32Array(n * dim);
  for (let i = 0; i < n; i++) {
    if (dupEvery > 0 && i > 0 && i % dupEvery === 0) {
      v.copyWithin(i * dim, (i - 1) * dim, i * dim);
      continue;
    }
    let norm = 0;
    for (let d = 0; d < dim; d++) norm += (v[i * dim + d] = next() - 0.5) ** 2;
    for (let d = 0; d < dim; d++) v[i * dim + d] /= Math.sqrt(norm);
  }
  return v;
}

/** The obvious reference: every pair scored, adjusted by the mode, fully sorted. */
function reference(q: Float32Array, c: Float32Array, dim: number, k: number, mode: SeniorityMode, ql: Uint8Array, cl: Uint8Array, minScore = -Infinity) {
  const out = [];
  for (let i = 0; i < ql.length; i++) {
    const all = [];
    for (let j = 0; j < cl.length; j++) {
      let s = 0;
      for (let d = 0; d < dim; d++) s += q[i * dim + d] * c[j * dim + d];
      const model = Math.fround(s);
      const dist = Math.abs(ql[i] - cl[j]);
      if (mode === 'require' && dist > 1) continue;
      const score = mode === 'prefer' ? Math.fround(model - seniorityPenalty(dist)) : model;
      all.push({ index: j, score, model });
    }
    all.sort((a, b) => b.score - a.score || a.index - b.index);
    out.push(all.filter((m) => m.score >= minScore).slice(0, k));
  }
  return out;
}

function randomLevels(n: number, seed: number): Uint8Array {
  const next = rng(seed);
  return Uint8Array.from({ length: n }, () => Math.floor(next() * SENIORITY_LEVELS.length));
}

function listed(r: Awaited<ReturnType<typeof seniorityTopK>>, q: number) {
  return matchesOf(r, q).map((m, j) => ({ index: m.index, score: m.score, model: r.modelScores[q * r.k + j] }));
}

describe('seniority penalty', () => {
  it('takes a fixed amount per level of difference, capped', () => {
    expect(levelDistance('senior', 'senior')).toBe(0);
    expect(levelDistance('entry', 'senior')).toBe(2);
    expect(levelDistance('c-level', 'intern')).toBe(8);
    expect([0, 1, 2, 3, 4, 8].map(seniorityPenalty)).toEqual([0, SENIORITY_STEP, 2 * SENIORITY_STEP, SENIORITY_CAP, SENIORITY_CAP, SENIORITY_CAP]);
    expect(SENIORITY_CAP).toBeCloseTo(3 * SENIORITY_STEP, 10);
    expect([0, 1, 2].map(withinRequired)).toEqual([true, true, false]);
  });

  it('reads each title’s level by the one rule set', () => {
    expect([...titleLevels(['Jr. Graphic Designer', 'Graphic Designer', 'Senior Graphic Designer', 'Head Chef', 'Internal Auditor'])].map(levelName)).toEqual([
      'entry',
      'mid',
      'senior',
      'lead',
      'mid',
    ]);
  });
});

describe('seniorityTopK', () => {
  const dim = 6;

  it('ignore is the plain ranking, unchanged', async () => {
    const q = randomUnit(9, dim, 1);
    const c = randomUnit(40, dim, 2, 7);
    const plain = await topK(q, c, dim, 5, { minScore: -0.2 });
    const r = await seniorityTopK(topK, q, c, dim, 5, { mode: 'ignore', queryLevels: randomLevels(9, 3), corpusLevels: randomLevels(40, 4), minScore: -0.2 });
    expect(r.counts).toEqual(plain.counts);
    expect(r.indices).toEqual(plain.indices);
    expect(r.scores).toEqual(plain.scores);
    expect(r.modelScores).toEqual(plain.scores);
    for (let i = 0; i < 9; i++) expect(r.best[i]).toBe(plain.scores[i * plain.k]);
  });

  it('prefer takes the documented amount off per level, and re-ranks by it', async () => {
    // One query and five copies of its own vector, at levels 0-4 levels away: model scores all 1.
    const v = randomUnit(1, dim, 5);
    const corpus = new Float32Array(5 * dim);
    for (let i = 0; i < 5; i++) corpus.set(v, i * dim);
    const level = SENIORITY_LEVELS.indexOf('intern');
    // Corpus order puts the farthest first, so the ranking must move them.
    const corpusLevels = Uint8Array.from([4, 3, 2, 1, 0], (d) => level + d);
    const r = await seniorityTopK(topK, v, corpus, dim, 5, { mode: 'prefer', queryLevels: Uint8Array.of(level), corpusLevels });
    const got = listed(r, 0);
    // Three and four levels off both lose the cap, so they tie and keep corpus order.
    expect(got.map((m) => m.index)).toEqual([4, 3, 2, 0, 1]);
    for (const m of got) expect(m.model).toBeCloseTo(1, 5);
    expect(got.map((m) => Number((m.model - m.score).toFixed(4)))).toEqual([0, 0.03, 0.06, 0.09, 0.09]);
  });

  it('require keeps only matches within one level, and reads confidence against the whole corpus’s best', async () => {
    const q = randomUnit(12, dim, 6);
    const c = randomUnit(80, dim, 7);
    const ql = randomLevels(12, 8);
    const cl = randomLevels(80, 9);
    const r = await seniorityTopK(topK, q, c, dim, 10, { mode: 'require', queryLevels: ql, corpusLevels: cl });
    const plain = await topK(q, c, dim, 1);
    const want = reference(q, c, dim, 10, 'require', ql, cl);
    for (let i = 0; i < 12; i++) {
      expect(listed(r, i), `query ${i}`).toEqual(want[i]);
      for (const m of listed(r, i)) expect(Math.abs(ql[i] - cl[m.index])).toBeLessThanOrEqual(1);
      // Same score as the model: require drops, it does not adjust.
      for (const m of listed(r, i)) expect(m.score).toBe(m.model);
      expect(r.best[i]).toBe(plain.scores[i]);
    }
  });

  it('prefer finds a match the plain top-k left out', async () => {
    // The query, five near copies one level off (seniority costs them 0.03), and an exact-level
    // title slightly below them: plain top-5 misses it; prefer must put it first.
    const next = rng(10);
    const base = randomUnit(1, dim, 11);
    const nudge = (amount: number): Float32Array => {
      const x = base.map((b) => b + amount * (next() - 0.5));
      const n = Math.hypot(...x);
      return x.map((y) => y / n);
    };
    const rows = [nudge(0.01), nudge(0.01), nudge(0.01), nudge(0.01), nudge(0.01), nudge(0.12), nudge(0.6)];
    const corpus = new Float32Array(rows.length * dim);
    rows.forEach((r, i) => corpus.set(r, i * dim));
    const corpusLevels = Uint8Array.from([4, 4, 4, 2, 2, 3, 3]);
    const plain = await topK(base, corpus, dim, 3);
    expect(matchesOf(plain, 0).map((m) => m.index)).not.toContain(5);
    const r = await seniorityTopK(topK, base, corpus, dim, 3, { mode: 'prefer', queryLevels: Uint8Array.of(3), corpusLevels });
    expect(matchesOf(r, 0)[0].index).toBe(5);
    expect(listed(r, 0)).toEqual(reference(base, corpus, dim, 3, 'prefer', Uint8Array.of(3), corpusLevels)[0]);
  });

  it.each([
    ['prefer', 1, undefined],
    ['prefer', 7, undefined],
    ['prefer', 'all', undefined],
    ['prefer', 10, 0.1],
    ['require', 7, undefined],
    ['require', 'all', 0.05],
  ] as const)('%s, top %s, min score %s: exactly the full re-sort, ties in corpus order', async (mode, k, minScore) => {
    const q = randomUnit(30, dim, 12, 4);
    const c = randomUnit(300, dim, 13, 5);
    const ql = randomLevels(30, 14);
    const cl = randomLevels(300, 15);
    const r = await seniorityTopK(topK, q, c, dim, k, { mode, queryLevels: ql, corpusLevels: cl, minScore });
    const want = reference(q, c, dim, k === 'all' ? 300 : k, mode, ql, cl, minScore);
    for (let i = 0; i < 30; i++) expect(listed(r, i), `query ${i}`).toEqual(want[i]);
  });

  it('gives the same ranking through the onnxruntime matcher, which ranks the large parts', async () => {
    // 600 mid-level queries against 1,000 titles of two levels: two parts of about 300,000 pairs,
    // large enough for the matcher (small parts go to the reference kernel).
    const q = randomUnit(600, dim, 16);
    const c = randomUnit(1000, dim, 17, 9);
    const ql = new Uint8Array(600).fill(SENIORITY_LEVELS.indexOf('mid'));
    const cl = Uint8Array.from(randomLevels(1000, 19), (l) => SENIORITY_LEVELS.indexOf('mid') + (l % 2));
    const matcher = await createMatcher();
    let calls = 0;
    try {
      const r = await seniorityTopK((...args) => (calls++, matcher.topK(...args)), q, c, dim, 10, { mode: 'prefer', queryLevels: ql, corpusLevels: cl });
      expect(calls).toBe(2);
      const want = reference(q, c, dim, 10, 'prefer', ql, cl);
      for (let i = 0; i < 600; i++) expect(listed(r, i)).toEqual(want[i]);
    } finally {
      await matcher.dispose();
    }
  });

  it('reports progress up to every query, and refuses levels that do not fit', async () => {
    const q = randomUnit(10, dim, 20);
    const c = randomUnit(50, dim, 21);
    const seen: number[] = [];
    await seniorityTopK(topK, q, c, dim, 3, { mode: 'prefer', queryLevels: randomLevels(10, 22), corpusLevels: randomLevels(50, 23), onProgress: (p) => seen.push(p.done) });
    expect(seen.at(-1)).toBe(10);
    expect(seen.every((d, i) => i === 0 || d >= seen[i - 1])).toBe(true);
    await expect(seniorityTopK(topK, q, c, dim, 3, { mode: 'prefer', queryLevels: randomLevels(9, 1), corpusLevels: randomLevels(50, 2) })).rejects.toThrow(/levels/);
  });
});
