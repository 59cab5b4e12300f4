/** Ranking with an adapter, on the bundled model: pinned pairs first, rejected pairs never, evidence that generalises, exact top-k. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adaptedTopK, adapterModelOf, prepareAdapter, EVIDENCE_DEFAULTS, type AdapterFile, type PreparedAdapter } from '../../../../electron/core/adapter/index.js';
import { bundledModelDir, createEngine, type Engine } from '../../../../electron/core/engine/index.js';
import { matchesOf, titleLevels, topK } from '../../../../electron/core/match/index.js';

const corpus = ['Kitchen Porter', 'Lawyer', 'Paralegal', 'Legal Secretary', 'Chef', 'Head Chef', 'Commis Chef', 'Line Cook', 'Pastry Chef', 'Registered Nurse', 'Pharmacy Technician', 'Software Engineer', 'Truck Driver', 'Accountant', 'Marketing Manager'];
const queries = ['Atty', 'Junior Sous Chef', 'Sous Chef, Restaurant', 'Sous Chef', 'Truck Driver', 'ATTY.'];

let engine: Engine;
let dim: number;
let qv: Float32Array;
let cv: Float32Array;
let prepared: PreparedAdapter;

beforeAll(async () => {
  engine = createEngine({ modelDir: bundledModelDir(), providers: ['cpu'] });
  dim = await engine.dimension();
  qv = await engine.encode(queries);
  cv = await engine.encode(corpus);
  const model = await adapterModelOf(bundledModelDir());
  const file: AdapterFile = {
    model: { name: model.name, version: model.version, sha256: model.sha256 ?? '' },
    created: '',
    settings: { ...EVIDENCE_DEFAULTS },
    decisions: [
      { query: 'Atty', match: 'Lawyer', accept: true },
      { query: 'Atty', match: 'Paralegal', accept: false },
      { query: 'Atty', match: 'Legal Secretary', accept: false },
      { query: 'Sous Chef', match: 'Kitchen Porter', accept: true },
    ],
  };
  prepared = await prepareAdapter(file, (t) => engine.encode(t));
}, 60_000);
afterAll(() => engine.dispose());

const opts = (): { queryTitles: string[]; corpusTitles: string[] } => ({ queryTitles: queries, corpusTitles: corpus });
const titlesOf = (r: { indices: Int32Array; counts: Int32Array; k: number; scores: Float32Array }, q: number): string[] => matchesOf(r, q).map((m) => corpus[m.index]);

describe('adaptedTopK', () => {
  it('puts an accepted exact pair first, marked pinned, even below --min-score, for every spelling of the query', async () => {
    const r = await adaptedTopK(prepared, topK, qv, cv, dim, 3, { ...opts(), minScore: 0.99 });
    for (const q of [0, 5]) {
      expect(titlesOf(r, q)).toEqual(['Lawyer']);
      expect(r.pinned[q * r.k]).toBe(1);
    }
    // Sous Chef -> Kitchen Porter was accepted: first although Chef scores higher for the frozen model.
    const plain = await topK(qv, cv, dim, 1);
    expect(corpus[plain.indices[3]]).toBe('Chef');
    const r2 = await adaptedTopK(prepared, topK, qv, cv, dim, 2, opts());
    expect(titlesOf(r2, 3)[0]).toBe('Kitchen Porter');
  });

  it('never shows a rejected exact pair, whatever K, and shows it without the adapter', async () => {
    const plain = await topK(qv, cv, dim, 'all');
    expect(titlesOf(plain, 0)).toContain('Paralegal');
    for (const k of [1, 3, 'all'] as const) {
      const r = await adaptedTopK(prepared, topK, qv, cv, dim, k, opts());
      expect(titlesOf(r, 0)).not.toContain('Paralegal');
      expect(titlesOf(r, 0)).not.toContain('Legal Secretary');
      expect(titlesOf(r, 5)).not.toContain('Paralegal');
    }
    const all = await adaptedTopK(prepared, topK, qv, cv, dim, 'all', opts());
    expect(all.counts[0]).toBe(corpus.length - 2);
  });

  it('moves close titles by the decision: Kitchen Porter rises for "Junior Sous Chef" (to its closeness to "Sous Chef" less the margin); a title far from every decision keeps its ranking and scores', async () => {
    const plain = await topK(qv, cv, dim, 'all');
    const r = await adaptedTopK(prepared, topK, qv, cv, dim, 'all', opts());
    const porter = corpus.indexOf('Kitchen Porter');
    const find = (res: typeof plain, q: number): { score: number; rank: number } => {
      const list = matchesOf(res, q);
      const rank = list.findIndex((m) => m.index === porter);
      return { score: list[rank]?.score ?? NaN, rank: rank + 1 };
    };
    for (const q of [1, 2]) {
      expect(r.pinned[q * r.k]).toBe(0);
      const [before, after] = [find(plain, q), find(r, q)];
      expect(before.rank).toBeGreaterThan(4);
      expect(after.rank).toBeLessThan(before.rank - 1);
      let closeness = 0;
      for (let d = 0; d < dim; d++) closeness += qv[q * dim + d] * prepared.vectors[prepared.evidence.keys.indexOf('sous chef') * dim + d];
      expect(after.score).toBeCloseTo(closeness - EVIDENCE_DEFAULTS.margin, 5);
    }
    expect(titlesOf(r, 4)).toEqual(titlesOf(plain, 4));
    expect([...r.scores.subarray(4 * r.k, 4 * r.k + r.counts[4])]).toEqual([...plain.scores.subarray(4 * plain.k, 4 * plain.k + plain.counts[4])]);
  });

  it('scores an accepted match at its moved vector for every title, keeping the model\'s own cosine beside it, and stays exact', async () => {
    const far = await prepareAdapter({ ...prepared.file, settings: { ...EVIDENCE_DEFAULTS, margin: 2, prototype: 0.5 } }, (t) => engine.encode(t));
    const all = await adaptedTopK(far, topK, qv, cv, dim, 'all', opts());
    const porter = corpus.indexOf('Kitchen Porter');
    const sous = far.evidence.keys.indexOf('sous chef');
    const moved = Array.from({ length: dim }, (_, d) => 0.5 * cv[porter * dim + d] + 0.5 * far.vectors[sous * dim + d]);
    const norm = Math.hypot(...moved);
    for (const q of [1, 2, 4]) {
      const at = matchesOf(all, q).findIndex((m) => m.index === porter);
      let toMoved = 0;
      let model = 0;
      for (let d = 0; d < dim; d++) {
        toMoved += (qv[q * dim + d] * moved[d]) / norm;
        model += qv[q * dim + d] * cv[porter * dim + d];
      }
      expect(all.scores[q * all.k + at]).toBeCloseTo(toMoved, 5);
      expect(all.modelScores[q * all.k + at]).toBeCloseTo(model, 5);
    }
    for (const k of [1, 3]) {
      const r = await adaptedTopK(far, topK, qv, cv, dim, k, opts());
      for (let q = 0; q < queries.length; q++) expect(matchesOf(r, q)).toEqual(matchesOf(all, q).slice(0, k));
    }
  });

  it('ranks with a file made before the prototype setting existed as with prototype 0 (the default: accepted matches stay where the model put them)', async () => {
    expect(EVIDENCE_DEFAULTS.prototype).toBe(0);
    const old = { ...EVIDENCE_DEFAULTS };
    delete old.prototype;
    const before = await prepareAdapter({ ...prepared.file, settings: old }, (t) => engine.encode(t));
    const a = await adaptedTopK(before, topK, qv, cv, dim, 'all', opts());
    const b = await adaptedTopK(prepared, topK, qv, cv, dim, 'all', opts());
    expect([...a.indices]).toEqual([...b.indices]);
    expect([...a.scores]).toEqual([...b.scores]);
  });

  it('is exact: top-k is the first k of the whole adapted ranking, also under seniority', async () => {
    const seniority = { mode: 'prefer' as const, queryLevels: titleLevels(queries), corpusLevels: titleLevels(corpus) };
    for (const s of [undefined, seniority]) {
      const all = await adaptedTopK(prepared, topK, qv, cv, dim, 'all', { ...opts(), seniority: s });
      for (const k of [1, 2, 4]) {
        const r = await adaptedTopK(prepared, topK, qv, cv, dim, k, { ...opts(), seniority: s });
        for (let q = 0; q < queries.length; q++) expect(matchesOf(r, q)).toEqual(matchesOf(all, q).slice(0, k));
      }
    }
  });
});
