/**
 * Reading a MatchResult for the results screen: which titles show (search, threshold), in what
 * order, and each title's ranked matches. Pure functions over plain arrays, fast enough to run on
 * every keystroke and slider move for 100,000 titles.
 */
import { BUCKETS, bucketOf, type Bucket } from '../../../../electron/contract/confidence.js';
import type { SeniorityLevel } from '../../../../electron/contract/seniority.js';
import type { Direction, MatchResult, MatchedSide, Ranking } from '../../../../electron/contract/types.js';

/** How the list of titles is ordered. */
export type SortKey = 'file' | 'best-desc' | 'best-asc' | 'title' | 'matches-desc';

/** What filters the results. */
export interface ResultFilter {
  threshold: number;
  topK: number;
  search: string;
  sort: SortKey;
  /** The buckets shown (all of them for a result without confidences). */
  buckets: readonly Bucket[];
}

/** Which matches pass the bucket filter, by their place in a ranking; undefined when every one does. */
export type BucketKeep = ((ranking: Ranking, at: number) => boolean) | undefined;

/** The bucket filter of a result: undefined when it keeps everything (no confidences, or every bucket on). */
export function bucketKeep(result: MatchResult, buckets: readonly Bucket[]): BucketKeep {
  const c = result.confidence;
  if (!c?.calibrated || BUCKETS.every((b) => buckets.includes(b))) return undefined;
  return (ranking, at) => ranking.confidence !== undefined && buckets.includes(bucketOf(c, ranking.confidence[at]));
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
  /** The score the ranking used: the model's, less what seniority took off (mode prefer). */
  score: number;
  /** The model's own score. */
  modelScore: number;
  /** The seniority level the matched title states. */
  level: SeniorityLevel;
  /** Rows of the other file that carry this title. */
  rows: number;
  /** Against a taxonomy: the matched occupation's code, and the occupation's title that matched. */
  code?: string;
  via?: string;
  /** Calibrated confidence (0-1) and its bucket; null without a calibration. */
  confidence: number | null;
  bucket: Bucket | null;
}

/** A title's matches within top-K and at or above the threshold, best first. */
export function matchesOf(result: MatchResult, direction: Direction, query: number, filter: Pick<ResultFilter, 'threshold' | 'topK'> & Partial<Pick<ResultFilter, 'buckets'>>): RankedMatch[] {
  const { matches, ranking } = sidesOf(result, direction);
  const c = result.confidence.calibrated ? result.confidence : undefined;
  const keep = bucketKeep(result, filter.buckets ?? BUCKETS);
  const out: RankedMatch[] = [];
  const k = Math.min(filter.topK, ranking.k);
  const base = query * ranking.k;
  for (let r = 0; r < k; r++) {
    const index = ranking.indices[base + r];
    if (index < 0) break;
    const s = ranking.scores[base + r];
    if (s < filter.threshold) break; // sorted best first: the rest are lower
    if (keep && !keep(ranking, base + r)) continue;
    const confidence = c && ranking.confidence ? ranking.confidence[base + r] : null;
    const modelScore = ranking.modelScores?.[base + r] ?? s;
    const level = matches.levels[index];
    out.push({ rank: r + 1, index, title: matches.titles[index], score: s, modelScore, level, rows: matches.rowCounts[index], code: matches.codes?.[index], via: ranking.matched?.[base + r] || undefined, confidence, bucket: c && confidence !== null ? bucketOf(c, confidence) : null });
  }
  return out;
}

/** How many matches of `query` pass the filter (without building them). */
export function matchCount(ranking: Ranking, query: number, threshold: number, topK: number, keep?: BucketKeep): number {
  const k = Math.min(topK, ranking.k);
  const base = query * ranking.k;
  let r = 0;
  while (r < k && ranking.indices[base + r] >= 0 && ranking.scores[base + r] >= threshold) r++;
  if (!keep) return r;
  let n = 0;
  for (let j = 0; j < r; j++) if (keep(ranking, base + j)) n++;
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
    case 'matches-desc': {
      const keep = bucketKeep(result, filter.buckets);
      list.sort((a, b) => matchCount(ranking, b, filter.threshold, filter.topK, keep) - matchCount(ranking, a, filter.threshold, filter.topK, keep) || a - b);
      break;
    }
  }
  return list;
}

/** How many of `list` have at least one match passing the filter. */
export function withMatches(ranking: Ranking, list: readonly number[], threshold: number, topK = ranking.k, keep?: BucketKeep): number {
  let n = 0;
  for (const q of list) if (keep ? matchCount(ranking, q, threshold, topK, keep) > 0 : ranking.indices[q * ranking.k] >= 0 && ranking.scores[q * ranking.k] >= threshold) n++;
  return n;
}
