/**
 * Ranking with seniority: the one step the CLI and the app's service call to rank each query's
 * matches under a seniority mode (contract/seniority.ts). `ignore` is the plain ranking. `prefer`
 * takes a fixed amount off a match's score per level between the two titles (capped); `require`
 * keeps only matches within one level of their query.
 *
 * Exact, not approximate: the corpus is split by level distance from each query level, and within
 * one part every match loses the same amount (or is dropped as a whole), so each part's plain
 * top-k by model score is its top-k after adjustment, ties still in corpus order. Merging the
 * parts' lists gives each query's true top-k, with no margin to guess; together the parts score
 * each query against the corpus once, as the plain ranking does.
 */
import { levelDistance, seniorityPenalty, SENIORITY_LEVELS, withinRequired, type SeniorityLevel, type SeniorityMode } from '../../contract/seniority.js';
import { seniorityLevel } from '../text/seniority.js';
import { gatherRows, rowsOf } from './kernel.js';
import { resolveK, topK, type MatchProgress, type TopKOptions, type TopKResult } from './topk.js';

/** (query, corpus row) pairs below which a part is ranked by the reference kernel. */
const SMALL_PART = 1 << 18;

/** A top-k function: the reference `topK` or a matcher's. */
export type TopKFn = (queries: Float32Array, corpus: Float32Array, dim: number, k: number | 'all', options?: TopKOptions) => Promise<TopKResult>;

/** A ranking under a seniority mode: `scores` are the ones the ranking used (after adjustment). */
export interface SeniorityTopK extends TopKResult {
  /** The model's cosine score of each kept match, at the places of `scores`. */
  modelScores: Float32Array;
  /** Each query's best model score over the whole corpus, whatever the mode kept (what confidence reads a match against). */
  best: Float32Array;
}

/** Options of seniorityTopK. */
export interface SeniorityTopKOptions extends TopKOptions {
  mode: SeniorityMode;
  /** The level of each query row and each corpus row (indices into SENIORITY_LEVELS). */
  queryLevels: Uint8Array;
  corpusLevels: Uint8Array;
}

/** The level of each title, as indices into SENIORITY_LEVELS. */
export function titleLevels(titles: readonly string[]): Uint8Array {
  return Uint8Array.from(titles, (t) => seniorityLevel(t).rank);
}

/** The level at an index of SENIORITY_LEVELS. */
export function levelName(level: number): SeniorityLevel {
  return SENIORITY_LEVELS[level];
}

/** One part of the corpus for one query level: its rows, what each match loses, and whether it is kept. */
interface Part {
  rows: number[];
  penalty: number;
  kept: boolean;
}

/** The corpus split for queries of level `q`: rows that lose the same (or are dropped together) share a part. */
function partsFor(q: number, mode: SeniorityMode, byLevel: readonly number[][]): Part[] {
  const parts = new Map<string, Part>();
  for (let level = 0; level < byLevel.length; level++) {
    if (byLevel[level].length === 0) continue;
    const d = levelDistance(SENIORITY_LEVELS[q], SENIORITY_LEVELS[level]);
    const kept = mode !== 'require' || withinRequired(d);
    const penalty = mode === 'prefer' ? seniorityPenalty(d) : 0;
    const key = `${kept}:${penalty}`;
    const part = parts.get(key) ?? { rows: [], penalty, kept };
    part.rows.push(...byLevel[level]);
    parts.set(key, part);
  }
  // Rows in corpus order, so that ties inside a part keep it.
  for (const p of parts.values()) p.rows.sort((a, b) => a - b);
  return [...parts.values()];
}

/**
 * The best k matches of every query under a seniority mode, best first by the adjusted score, equal
 * scores in corpus order; `minScore` applies to the adjusted score.
 */
export async function seniorityTopK(
  rank: TopKFn,
  queries: Float32Array,
  corpus: Float32Array,
  dim: number,
  k: number | 'all',
  options: SeniorityTopKOptions,
): Promise<SeniorityTopK> {
  const { mode, queryLevels, corpusLevels, minScore, signal, onProgress } = options;
  const { nq, nc } = rowsOf(queries, corpus, dim);
  if (queryLevels.length !== nq || corpusLevels.length !== nc) throw new RangeError(`${queryLevels.length} query and ${corpusLevels.length} corpus levels for ${nq} queries and ${nc} corpus rows`);
  if (mode === 'ignore') {
    const r = await rank(queries, corpus, dim, k, { minScore, signal, onProgress });
    const best = new Float32Array(nq);
    for (let q = 0; q < nq; q++) best[q] = r.counts[q] > 0 ? r.scores[q * r.k] : Number.NaN;
    return { ...r, modelScores: r.scores, best };
  }
  const kk = resolveK(k, nc);
  const counts = new Int32Array(nq);
  const indices = new Int32Array(nq * kk);
  const scores = new Float32Array(nq * kk);
  const modelScores = new Float32Array(nq * kk);
  const best = new Float32Array(nq).fill(Number.NaN);
  const byLevel = SENIORITY_LEVELS.map(() => [] as number[]);
  corpusLevels.forEach((l, i) => byLevel[l].push(i));
  const queriesOf = SENIORITY_LEVELS.map(() => [] as number[]);
  queryLevels.forEach((l, i) => queriesOf[l].push(i));

  // Progress in queries: each (query, corpus row) pair is scored once across the parts.
  let pairsDone = 0;
  let reported = -1;
  const report = (pairs: number): void => {
    const done = Math.min(nq, Math.floor(pairs / Math.max(1, nc)));
    if (done === reported) return;
    reported = done;
    onProgress?.({ done, total: nq });
  };

  for (let level = 0; level < SENIORITY_LEVELS.length; level++) {
    const qRows = queriesOf[level];
    if (qRows.length === 0) continue;
    const qVectors = gatherRows(queries, qRows, dim);
    // Every kept candidate of each query of this level: (adjusted, model, corpus row).
    const found = qRows.map(() => [] as { score: number; model: number; index: number }[]);
    for (const part of partsFor(level, mode, byLevel)) {
      signal?.throwIfAborted();
      const done = pairsDone;
      const onPart = (p: MatchProgress): void => report(done + p.done * part.rows.length);
      // A dropped part is still ranked for its best: confidence reads a match against the best of the whole corpus.
      // A small part goes to the reference kernel: its result is the matcher's, bit for bit, without
      // a session run's fixed cost (a level split makes many small parts of a small job).
      const ranker = qRows.length * part.rows.length < SMALL_PART ? topK : rank;
      const r = await ranker(qVectors, gatherRows(corpus, part.rows, dim), dim, part.kept ? kk : 1, { minScore, signal, onProgress: onPart });
      pairsDone += qRows.length * part.rows.length;
      for (let i = 0; i < qRows.length; i++) {
        const base = i * r.k;
        const q = qRows[i];
        if (r.counts[i] > 0 && !(r.scores[base] <= best[q])) best[q] = r.scores[base];
        if (!part.kept) continue;
        for (let j = 0; j < r.counts[i]; j++) {
          const model = r.scores[base + j];
          const score = Math.fround(model - part.penalty);
          if (minScore !== undefined && score < minScore) break;
          found[i].push({ score, model, index: part.rows[r.indices[base + j]] });
        }
      }
    }
    found.forEach((list, i) => {
      list.sort((a, b) => b.score - a.score || a.index - b.index);
      const q = qRows[i];
      const n = Math.min(kk, list.length);
      counts[q] = n;
      for (let j = 0; j < n; j++) {
        indices[q * kk + j] = list[j].index;
        scores[q * kk + j] = list[j].score;
        modelScores[q * kk + j] = list[j].model;
      }
    });
  }
  report(nq * nc);
  signal?.throwIfAborted();
  return { k: kk, counts, indices, scores, modelScores, best };
}
