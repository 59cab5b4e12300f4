/** The results screen: the result shown, how it is filtered, what is selected, and its explanation. */
import type { Direction, MatchExplanation, MatchResult } from '../../../electron/contract/types.js';
import { api, messageOf } from '../lib/api.js';
import type { SortKey } from '../lib/matches/results.js';

/** Results state. */
export const results = $state<{
  current: MatchResult | null;
  settings: { direction: Direction; threshold: number; topK: number; search: string; sort: SortKey };
  /** Selected title (index into the listed side's titles) and match rank (1-based), or -1. */
  selectedQuery: number;
  selectedRank: number;
  explanation: { key: string; loading: boolean; data: MatchExplanation | null; error: string | null } | null;
}>({
  current: null,
  settings: { direction: 'byTarget', threshold: 0, topK: 10, search: '', sort: 'file' },
  selectedQuery: -1,
  selectedRank: -1,
  explanation: null,
});

/** Shows a new result with its own top-K, keeping the person's other settings. */
export function showResult(result: MatchResult, settings?: Partial<typeof results.settings>): void {
  results.current = result;
  results.settings.topK = result.topK;
  if (settings) Object.assign(results.settings, settings);
  results.settings.topK = Math.min(results.settings.topK, result.topK);
  results.selectedQuery = -1;
  results.selectedRank = -1;
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
    const data = await api.explain(queryTitle, matchTitle);
    if (results.explanation?.key === key) results.explanation = { key, loading: false, data, error: null };
  } catch (error) {
    if (results.explanation?.key === key) results.explanation = { key, loading: false, data: null, error: messageOf(error) };
  }
}
