/** The results screen: the result shown, how it is filtered, what is selected, and its explanation. */
import { BUCKETS, type Bucket } from '../../../electron/contract/confidence.js';
import type { Direction, MatchExplanation, MatchResult } from '../../../electron/contract/types.js';
import { api, messageOf } from '../lib/api.js';
import type { SortKey } from '../lib/matches/results.js';

/** How the shown result is filtered and ordered. */
export interface ResultSettings {
  direction: Direction;
  threshold: number;
  topK: number;
  search: string;
  sort: SortKey;
  /** The buckets shown, where the result has confidences. */
  buckets: Bucket[];
}

/** The explanation of the selected pair, keyed by direction, title and rank. */
export interface ExplanationState {
  key: string;
  loading: boolean;
  data: MatchExplanation | null;
  error: string | null;
}

class ResultsState {
  /**
   * The result shown. Raw, not a deep proxy: a result holds up to millions of numbers that are only
   * ever replaced whole, and proxying each of them would make every filter pass crawl.
   */
  current = $state.raw<MatchResult | null>(null);
  settings = $state<ResultSettings>({ direction: 'byTarget', threshold: 0, topK: 10, search: '', sort: 'file', buckets: [...BUCKETS] });
  /** Selected title (index into the listed side's titles) and match rank (1-based), or -1. */
  selectedQuery = $state(-1);
  selectedRank = $state(-1);
  explanation = $state<ExplanationState | null>(null);
}

/** Results state. */
export const results = new ResultsState();

/**
 * Shows a new result with its own top-K, keeping the person's other settings. With a calibration,
 * the minimum score starts where a best match reaches the review level (cut to the slider's step,
 * so that no such match is hidden), unless the settings name one (a reopened project).
 */
export function showResult(result: MatchResult, settings?: Partial<ResultSettings>): void {
  results.current = result;
  results.settings.topK = result.topK;
  results.settings.buckets = [...BUCKETS];
  if (result.confidence.calibrated) results.settings.threshold = Math.min(1, Math.max(0, Math.floor(result.confidence.reviewScore * 100) / 100));
  if (settings) Object.assign(results.settings, settings);
  results.settings.topK = Math.min(results.settings.topK, result.topK);
  results.selectedQuery = -1;
  results.selectedRank = -1;
  results.explanation = null;
}

/**
 * Shows the same match ranked again (after a decision): the person's settings and the selected
 * title stay; the selected match keeps its place in the list, which the next match may now fill.
 */
export function replaceResult(result: MatchResult): void {
  results.current = result;
  results.settings.topK = Math.min(results.settings.topK, result.topK);
  results.explanation = null;
}

/** Switches which side is listed; the selection starts over. */
export function setDirection(direction: Direction): void {
  if (results.settings.direction === direction) return;
  results.settings.direction = direction;
  results.selectedQuery = -1;
  results.selectedRank = -1;
  results.explanation = null;
}

/** Selects a listed title. */
export function selectQuery(query: number): void {
  if (results.selectedQuery === query) return;
  results.selectedQuery = query;
  results.selectedRank = -1;
  results.explanation = null;
}

/** Selects a pair and fetches why it matched. */
export async function selectPair(query: number, rank: number, queryTitle: string, matchTitle: string): Promise<void> {
  results.selectedQuery = query;
  results.selectedRank = rank;
  const key = `${results.settings.direction}:${query}:${rank}`;
  if (results.explanation?.key === key && !results.explanation.error) return;
  results.explanation = { key, loading: true, data: null, error: null };
  try {
    const data = await api.explain({ query: queryTitle, match: matchTitle });
    if (results.explanation?.key === key) results.explanation = { key, loading: false, data, error: null };
  } catch (error) {
    if (results.explanation?.key === key) results.explanation = { key, loading: false, data: null, error: messageOf(error) };
  }
}
