/**
 * Reading a MatchResult for the results screen: which titles show (search, threshold), in what
 * order, and each title's ranked matches. Pure functions over plain arrays, fast enough to run on
 * every keystroke and slider move for 100,000 titles.
 */
import type { Direction, MatchResult, MatchedSide, Ranking } from '../../../../electron/contract/types.js';

/** How the list of titles is ordered. */
export type SortKey = 'file' | 'best-desc' | 'best-asc' | 'title' | 'matches-desc';

/** What filters the results. */
export interface ResultFilter {
  threshold: number;
  topK: number;
  search: string;
  sort: SortKey;
}

/** The two sides seen from a direction: whose titles are listed, whose are ranked. */
export function sidesOf(result: MatchResult, direction: Direction): { queries: MatchedSide; matches: MatchedSide; ranking: Ranking } {
  return direction === 'byTarget'
    ? { queries: result.targets, matches: result.candidates, ranking: result.byTarget }
    : { queries: result.candidates, matches: result.targets, ranking: result.byCandidate };
}

/** One ranked match of a title. */
export interface RankedMatch {
  rank: number;
  /** Index into the other side's titles. */
  index: number;
  title: string;
  score: number;
  /** Rows of the other file that carry this title. */
  rows: number;
}

/** A title's matches within top-K and at or above the threshold, best first. */
export function matchesOf(result: MatchResult, direction: Direction, query: number, filter: Pick<ResultFilter, 'threshold' | 'topK'>): RankedMatch[] {
  const { matches, ranking } = sidesOf(result, direction);
  const out: RankedMatch[] = [];
  const k = Math.min(filter.topK, ranking.k);
  const base = query * ranking.k;
  for (let r = 0; r < k; r++) {
    const index = ranking.indices[base + r];
    if (index < 0) break;
    const s = ranking.scores[base + r];
    if (s < filter.threshold) break; // sorted best first: the rest are lower
    out.push({ rank: r + 1, index, title: matches.titles[index], score: s, rows: matches.rowCounts[index] });
  }
  return out;
}

/** How many matches of `query` pass the filter (without building them). */
export function matchCount(ranking: Ranking, query: number, threshold: number, topK: number): number {
  const k = Math.min(topK, ranking.k);
  const base = query * ranking.k;
  let n = 0;
  while (n < k && ranking.indices[base + n] >= 0 && ranking.scores[base + n] >= threshold) n++;
  return n;
}

/** The best score of `query`, or -1 when it has no match. */
export function bestScore(ranking: Ranking, query: number): number {
  return ranking.indices[query * ranking.k] >= 0 ? ranking.scores[query * ranking.k] : -1;
}

// Lower-cased titles, computed once per result side rather than on every keystroke.
const lowered = new WeakMap<readonly string[], string[]>();

function lowerTitles(titles: readonly string[]): string[] {
  let l = lowered.get(titles);
  if (!l) {
    l = titles.map((t) => t.toLocaleLowerCase());
    lowered.set(titles, l);
  }
  return l;
}

/** The titles to list, in order: those whose text contains the search (any case). */
export function visibleQueries(result: MatchResult, direction: Direction, filter: ResultFilter): number[] {
  const { queries, ranking } = sidesOf(result, direction);
  const needle = filter.search.trim().toLocaleLowerCase();
  const list: number[] = [];
  const titles = needle ? lowerTitles(queries.titles) : [];
  for (let q = 0; q < queries.titles.length; q++) {
    if (needle && !titles[q].includes(needle)) continue;
    list.push(q);
  }
  switch (filter.sort) {
    case 'file':
      break;
    case 'best-desc':
      list.sort((a, b) => bestScore(ranking, b) - bestScore(ranking, a) || a - b);
      break;
    case 'best-asc':
      list.sort((a, b) => bestScore(ranking, a) - bestScore(ranking, b) || a - b);
      break;
    case 'title': {
      const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });
      list.sort((a, b) => collator.compare(queries.titles[a], queries.titles[b]) || a - b);
      break;
    }
    case 'matches-desc':
      list.sort((a, b) => matchCount(ranking, b, filter.threshold, filter.topK) - matchCount(ranking, a, filter.threshold, filter.topK) || a - b);
      break;
  }
  return list;
}

/** How many of `list` have at least one match passing the filter. */
export function withMatches(ranking: Ranking, list: readonly number[], threshold: number): number {
  let n = 0;
  for (const q of list) if (ranking.indices[q * ranking.k] >= 0 && ranking.scores[q * ranking.k] >= threshold) n++;
  return n;
}
