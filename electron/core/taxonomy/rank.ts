/**
 * Ranking against a taxonomy: titles are ranked, then each query's list is collapsed to
 * occupations, each occupation at most once, at the score of its best-matching title. The one
 * step the CLI, the app's service and `eval` use.
 *
 * Exact: in a list of titles sorted by score, the first k distinct occupations are the k
 * occupations with the best title scores. So each query's titles are ranked deep enough to hold k
 * distinct occupations; a query whose list ran out first is ranked again, four times deeper, until
 * it holds k or the whole taxonomy was ranked.
 */
import type { Matcher, TopKOptions, TopKResult } from '../match/index.js';
import { gatherRows } from '../match/kernel.js';

/** A top-k function: the reference `topK` or a matcher's. */
export type TopKFunction = Matcher['topK'];

/** A ranking of occupations: `indices` are occupations, and `titles` the title each entry's score came from. */
export interface OccupationTopK extends TopKResult {
  /** Index into the taxonomy's flattened titles of each entry's best title, at the places of `indices`. */
  titles: Int32Array;
}

/**
 * Collapses a ranking over titles to one over their occupations: each query keeps the first `k`
 * distinct owners of its titles, in the titles' order. `deeper` lists the queries whose title list
 * was full (so a deeper one may hold more occupations) but gave fewer than `k`.
 */
export function collapseToOccupations(result: TopKResult, owner: Int32Array, k: number, titleCount: number): { ranking: OccupationTopK; deeper: number[] } {
  const n = result.counts.length;
  const ranking: OccupationTopK = { k, counts: new Int32Array(n), indices: new Int32Array(n * k).fill(-1), scores: new Float32Array(n * k), titles: new Int32Array(n * k).fill(-1) };
  const deeper: number[] = [];
  const seen = new Set<number>();
  for (let q = 0; q < n; q++) {
    seen.clear();
    const base = q * result.k;
    let c = 0;
    for (let r = 0; r < result.counts[q] && c < k; r++) {
      const title = result.indices[base + r];
      const occupation = owner[title];
      if (seen.has(occupation)) continue;
      seen.add(occupation);
      ranking.indices[q * k + c] = occupation;
      ranking.scores[q * k + c] = result.scores[base + r];
      ranking.titles[q * k + c] = title;
      c++;
    }
    ranking.counts[q] = c;
    if (c < k && result.counts[q] === result.k && result.k < titleCount) deeper.push(q);
  }
  return { ranking, deeper };
}

/** How many titles to rank first for k occupations: titles of one occupation often crowd the top. */
export function firstDepth(k: number, titleCount: number): number {
  return Math.min(titleCount, Math.max(8 * k, 100));
}

/**
 * The best `k` occupations of every query (`'all'`: every occupation), each at its best title's
 * score, best first; equal scores keep the titles' order. `owner` gives each title's occupation.
 */
export async function occupationTopK(
  topK: TopKFunction,
  queries: Float32Array,
  titleVectors: Float32Array,
  dim: number,
  owner: Int32Array,
  occupationCount: number,
  k: number | 'all',
  options: TopKOptions = {},
): Promise<OccupationTopK> {
  const titleCount = owner.length;
  const want = Math.max(1, Math.min(k === 'all' ? occupationCount : k, occupationCount));
  let depth = firstDepth(want, titleCount);
  const first = collapseToOccupations(await topK(queries, titleVectors, dim, depth, options), owner, want, titleCount);
  const ranking = first.ranking;
  let deeper = first.deeper;
  // The deeper passes are a few queries each: progress was for the first.
  const quiet: TopKOptions = { ...options, onProgress: undefined };
  while (deeper.length > 0) {
    depth = Math.min(titleCount, depth * 4);
    const again = collapseToOccupations(await topK(gatherRows(queries, deeper, dim), titleVectors, dim, depth, quiet), owner, want, titleCount);
    const next: number[] = [];
    const stillShort = new Set(again.deeper);
    deeper.forEach((q, i) => {
      ranking.counts[q] = again.ranking.counts[i];
      for (const field of ['indices', 'scores', 'titles'] as const) ranking[field].set(again.ranking[field].subarray(i * want, (i + 1) * want), q * want);
      if (stillShort.has(i)) next.push(q);
    });
    deeper = next;
  }
  return ranking;
}

/**
 * The other direction: for each occupation, the best `k` corpus rows by their best score against
 * any of its titles (equal scores in corpus order), from each title's own top `k`. Exact: a row
 * missing from its best title's top k is beaten there by k rows, each at least as good for the
 * occupation. Titles of one occupation must be contiguous (as taxonomyTitles lists them).
 */
export function collapseQueries(byTitle: TopKResult, owner: Int32Array, occupationCount: number, k: number): OccupationTopK {
  const out: OccupationTopK = { k, counts: new Int32Array(occupationCount), indices: new Int32Array(occupationCount * k).fill(-1), scores: new Float32Array(occupationCount * k), titles: new Int32Array(occupationCount * k).fill(-1) };
  const best = new Map<number, { score: number; title: number }>();
  let t = 0;
  for (let o = 0; o < occupationCount; o++) {
    best.clear();
    for (; t < owner.length && owner[t] === o; t++) {
      const base = t * byTitle.k;
      for (let r = 0; r < byTitle.counts[t]; r++) {
        const row = byTitle.indices[base + r];
        const score = byTitle.scores[base + r];
        const seen = best.get(row);
        if (seen === undefined || score > seen.score) best.set(row, { score, title: t });
      }
    }
    const list = [...best].sort((a, b) => b[1].score - a[1].score || a[0] - b[0]).slice(0, k);
    out.counts[o] = list.length;
    list.forEach(([row, { score, title }], j) => {
      out.indices[o * k + j] = row;
      out.scores[o * k + j] = score;
      out.titles[o * k + j] = title;
    });
  }
  return out;
}
