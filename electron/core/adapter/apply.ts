/**
 * Ranking with an adapter: the one step the CLI (`match --adapter`, `eval --adapter`) and the app's
 * service call. An exact pair the recruiter accepted comes first for its query, whatever its score;
 * an exact pair rejected never appears; every other title's matches are moved by the nearest decided
 * titles and every accepted match is moved toward the titles accepted for it (evidence.ts), after
 * the learned map of the vectors when the file has one. Exact, like the
 * plain ranking: the base ranking is asked for enough extra matches to refill the places of matches
 * that the evidence lowers or hides, and matches it lifts are scored and merged in.
 */
import { levelDistance, seniorityPenalty, SENIORITY_LEVELS, withinRequired, type SeniorityMode } from '../../contract/seniority.js';
import { rowsOf } from '../match/kernel.js';
import { seniorityTopK, type SeniorityTopK, type TopKFn } from '../match/seniority.js';
import { resolveK, type TopKOptions } from '../match/topk.js';
import { applyAdapter } from './adapter.js';
import { decisionKey } from './decisions.js';
import { adjustedScore, keyAdjustments, movedTowardPrototypes, prototypesOf, type DecisionEvidence, type KeyAdjustments, type Neighbour } from './evidence.js';
import type { AdapterFile } from './file.js';

/** An adapter file made ready for ranking: its decided titles encoded (and mapped). */
export interface PreparedAdapter {
  file: AdapterFile;
  evidence: DecisionEvidence;
  /** The decided titles' unit vectors, one row per evidence key. */
  vectors: Float32Array;
  /** Exact pairs by normalised query: match keys accepted (pinned) and rejected (hidden). */
  exact: Map<string, ExactPairs>;
  /** Each accepted match key's prototype: the unit mean of the decided titles that accepted it. */
  prototypes: Map<string, Float32Array>;
}

/** Groups an adapter's decisions by normalised query and encodes one title of each with `encode` (the run's engine). */
export async function prepareAdapter(file: AdapterFile, encode: (titles: string[]) => Promise<Float32Array>): Promise<PreparedAdapter> {
  const exact = new Map<string, { accepted: Set<string>; rejected: Set<string>; title: string }>();
  for (const d of file.decisions) {
    const q = decisionKey(d.query);
    const entry = exact.get(q) ?? { accepted: new Set<string>(), rejected: new Set<string>(), title: d.query };
    (d.accept ? entry.accepted : entry.rejected).add(decisionKey(d.match));
    exact.set(q, entry);
  }
  const keys = [...exact.keys()];
  const entries = [...exact.values()];
  let vectors = await encode(entries.map((e) => e.title));
  if (file.map) vectors = applyAdapter(file.map, vectors);
  const evidence = { keys, accepted: entries.map((e) => [...e.accepted]), rejected: entries.map((e) => [...e.rejected]) };
  return {
    file,
    evidence,
    vectors,
    // Only where the file moves accepted matches (off by default).
    prototypes: (file.settings.prototype ?? 0) > 0 && keys.length > 0 ? prototypesOf(evidence, vectors, vectors.length / keys.length) : new Map<string, Float32Array>(),
    exact: new Map(keys.map((k, i) => [k, { accepted: entries[i].accepted, rejected: entries[i].rejected }])),
  };
}

/** What an adapted ranking gives beyond a seniority ranking: which matches are pinned. */
export interface AdaptedTopK extends SeniorityTopK {
  /** 1 where the match is an exact pair the recruiter accepted, at the places of `scores`. */
  pinned: Uint8Array;
}

/** Options of adaptedTopK: the titles (decisions are about titles) and the run's seniority mode. */
export interface AdaptedTopKOptions extends TopKOptions {
  queryTitles: readonly string[];
  corpusTitles: readonly string[];
  seniority?: { mode: SeniorityMode; queryLevels: Uint8Array; corpusLevels: Uint8Array };
}

/** Closeness above which a title is taken to share its normalised form with a decided one (the same text gives the same vector). */
const TWIN = 0.999;

/** The exact pairs decided for one normalised query. */
interface ExactPairs {
  accepted: Set<string>;
  rejected: Set<string>;
}

/** One match of a query's final list. */
interface Ranked {
  row: number;
  score: number;
  model: number;
  pin: boolean;
}

function dot(a: Float32Array, ai: number, b: Float32Array, bi: number, dim: number): number {
  let s = 0;
  for (let d = 0; d < dim; d++) s += a[ai + d] * b[bi + d];
  return Math.fround(s);
}

/**
 * The best k matches of every query with the adapter applied; `rank` is the plain top-k (a
 * matcher's). Scores are the adapted ones (after seniority, as the plain ranking's; accepted matches
 * scored at their moved vectors), `modelScores` the cosines of the (mapped) vectors as the model gave
 * them; `minScore` applies to the adapted score, never to a pinned pair.
 */
export async function adaptedTopK(adapter: PreparedAdapter, rank: TopKFn, queryVectors: Float32Array, corpusVectors: Float32Array, dim: number, k: number | 'all', options: AdaptedTopKOptions): Promise<AdaptedTopK> {
  const { nq, nc } = rowsOf(queryVectors, corpusVectors, dim);
  const { queryTitles, corpusTitles, seniority, minScore, signal, onProgress } = options;
  if (queryTitles.length !== nq || corpusTitles.length !== nc) throw new RangeError(`${queryTitles.length} query and ${corpusTitles.length} corpus titles for ${nq} and ${nc} vectors`);
  const map = adapter.file.map;
  if (map && map.dim !== dim) throw new RangeError(`the adapter's map is ${map.dim}-dimensional and the model's vectors ${dim}`);
  const queries = map ? applyAdapter(map, queryVectors) : queryVectors;
  const modelCorpus = map ? applyAdapter(map, corpusVectors) : corpusVectors;
  const settings = adapter.file.settings;

  const rowsOfKey = new Map<string, number[]>();
  const corpusKeys = corpusTitles.map(decisionKey);
  // Everything below ranks and scores the moved vectors; `modelScores` are put back to the model's at the end.
  const { vectors: corpus, moved } = movedTowardPrototypes(modelCorpus, corpusKeys, adapter.prototypes, settings.prototype ?? 0, dim);
  corpusKeys.forEach((key, i) => {
    const list = rowsOfKey.get(key);
    if (list) list.push(i);
    else rowsOfKey.set(key, [i]);
  });
  const rowsWith = (keys: Iterable<string>): number[] => {
    const out: number[] = [];
    for (const key of keys) for (const row of rowsOfKey.get(key) ?? []) out.push(row);
    return out;
  };

  // Each query's nearest decided titles, and from them what happens to its matches; most titles have none.
  const near = await rank(queries, adapter.vectors, dim, Math.min(settings.neighbours, adapter.evidence.keys.length), { minScore: settings.least, signal });
  const adjustments: (KeyAdjustments | undefined)[] = new Array<KeyAdjustments | undefined>(nq);
  // A title with the same normalised form as a decided one has its vector: only those need their key.
  const exact = new Array<ExactPairs | undefined>(nq);
  let extra = 0;
  for (let q = 0; q < nq; q++) {
    if (near.counts[q] > 0 && near.scores[q * near.k] > TWIN) exact[q] = adapter.exact.get(decisionKey(queryTitles[q]));
    if (near.counts[q] > 0) {
      const neighbours: Neighbour[] = [];
      for (let r = 0; r < near.counts[q]; r++) neighbours.push({ index: near.indices[q * near.k + r], score: near.scores[q * near.k + r] });
      adjustments[q] = keyAdjustments(adapter.evidence, neighbours, settings);
    }
    // Matches the evidence lowers or hides leave places the base ranking must refill.
    const lowered = rowsWith(adjustments[q]?.penalty.keys() ?? []).length + rowsWith(exact[q]?.rejected ?? []).length;
    if (lowered > extra) extra = lowered;
  }

  const kk = resolveK(k, nc);
  const wide = Math.min(nc, kk + extra);
  let base: SeniorityTopK;
  if (seniority) {
    base = await seniorityTopK(rank, queries, corpus, dim, wide, { mode: seniority.mode, queryLevels: seniority.queryLevels, corpusLevels: seniority.corpusLevels, signal, onProgress });
  } else {
    const r = await rank(queries, corpus, dim, wide, { signal, onProgress });
    const best = new Float32Array(nq);
    for (let q = 0; q < nq; q++) best[q] = r.counts[q] > 0 ? r.scores[q * r.k] : Number.NaN;
    base = { ...r, modelScores: r.scores, best };
  }

  // The seniority offset of a pair outside the base list; undefined where `require` drops it.
  const offsetOf = (q: number, row: number): number | undefined => {
    if (!seniority || seniority.mode === 'ignore') return 0;
    const d = levelDistance(SENIORITY_LEVELS[seniority.queryLevels[q]], SENIORITY_LEVELS[seniority.corpusLevels[row]]);
    if (seniority.mode === 'require') return withinRequired(d) ? 0 : undefined;
    return -seniorityPenalty(d);
  };

  const counts = new Int32Array(nq);
  const indices = new Int32Array(nq * kk);
  const scores = new Float32Array(nq * kk);
  const modelScores = new Float32Array(nq * kk);
  const pinned = new Uint8Array(nq * kk);
  const put = (q: number, list: readonly Ranked[]): void => {
    const n = Math.min(kk, list.length);
    counts[q] = n;
    for (let j = 0; j < n; j++) {
      const at = q * kk + j;
      indices[at] = list[j].row;
      scores[at] = list[j].score;
      modelScores[at] = list[j].model;
      pinned[at] = list[j].pin ? 1 : 0;
    }
  };
  for (let q = 0; q < nq; q++) {
    if (q % 1024 === 0) signal?.throwIfAborted();
    const adj = adjustments[q];
    const ex = exact[q];
    if (adj === undefined && ex === undefined) {
      // No decision near this title: the base ranking as it is.
      let n = 0;
      for (let r = 0; r < base.counts[q] && n < kk; r++) {
        const from = q * base.k + r;
        if (minScore !== undefined && base.scores[from] < minScore) break;
        const at = q * kk + n++;
        indices[at] = base.indices[from];
        scores[at] = base.scores[from];
        modelScores[at] = base.modelScores[from];
      }
      counts[q] = n;
      continue;
    }
    const baseList: Ranked[] = [];
    for (let r = 0; r < base.counts[q]; r++) {
      const at = q * base.k + r;
      baseList.push({ row: base.indices[at], score: base.scores[at], model: base.modelScores[at], pin: false });
    }
    const hidden = new Set(rowsWith(ex?.rejected ?? []));
    const pins = new Set(rowsWith(ex?.accepted ?? []));
    const listed = new Set(baseList.map((m) => m.row));
    // Every candidate's cosine and seniority offset come from the same functions (`dot`, offsetOf),
    // whether the base list held it or not: the ranking kernel sums in another order, and a score less
    // its cosine is the offset only to the last bit, so a pair's score (and a near tie's order)
    // would otherwise depend on k.
    const candidates = baseList.map((m) => ({ row: m.row, model: dot(queries, q * dim, corpus, m.row * dim, dim), offset: offsetOf(q, m.row) ?? 0 }));
    for (const row of [...rowsWith(adj?.floor.keys() ?? []), ...pins]) {
      if (listed.has(row)) continue;
      listed.add(row);
      const offset = offsetOf(q, row) ?? (pins.has(row) ? 0 : undefined);
      if (offset !== undefined) candidates.push({ row, model: dot(queries, q * dim, corpus, row * dim, dim), offset });
    }
    const list: Ranked[] = [];
    for (const c of candidates) {
      if (hidden.has(c.row)) continue;
      const pin = pins.has(c.row);
      const score = Math.fround((adj ? adjustedScore(c.model, corpusKeys[c.row], adj) : c.model) + c.offset);
      if (!pin && minScore !== undefined && score < minScore) continue;
      list.push({ row: c.row, score, model: c.model, pin });
    }
    list.sort((a, b) => Number(b.pin) - Number(a.pin) || (a.pin && b.pin ? a.row - b.row : b.score - a.score || a.row - b.row));
    put(q, list);
  }
  if (moved) {
    for (let q = 0; q < nq; q++) {
      for (let j = 0; j < counts[q]; j++) {
        const at = q * kk + j;
        if (moved[indices[at]]) modelScores[at] = dot(queries, q * dim, modelCorpus, indices[at] * dim, dim);
      }
    }
  }
  return { k: kk, counts, indices, scores, modelScores, best: base.best, pinned };
}

/** One direction of a run: the query side's and the other side's vectors, titles and levels. */
export interface RankSides {
  queries: { vectors: Float32Array; titles: readonly string[]; levels: Uint8Array };
  corpus: { vectors: Float32Array; titles: readonly string[]; levels: Uint8Array };
}

/**
 * Ranks one direction, the one ranking step of `match` (CLI) and of the app's service: with the
 * recruiter's decisions where there is an adapter (adaptedTopK), else the seniority ranking.
 */
export function rankDirection(
  adapter: PreparedAdapter | undefined,
  rank: TopKFn,
  sides: RankSides,
  dim: number,
  k: number | 'all',
  options: { mode: SeniorityMode; minScore?: number; signal?: AbortSignal; onProgress?: (p: { done: number; total: number }) => void },
): Promise<SeniorityTopK & { pinned?: Uint8Array }> {
  const { queries, corpus } = sides;
  const seniority = { mode: options.mode, queryLevels: queries.levels, corpusLevels: corpus.levels };
  const run = { minScore: options.minScore, signal: options.signal, onProgress: options.onProgress };
  if (!adapter) return seniorityTopK(rank, queries.vectors, corpus.vectors, dim, k, { ...seniority, ...run });
  return adaptedTopK(adapter, rank, queries.vectors, corpus.vectors, dim, k, { queryTitles: queries.titles, corpusTitles: corpus.titles, seniority, ...run });
}
