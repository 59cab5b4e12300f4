/** Why two titles matched, in the engine's own terms: the normalisation it applies, word by word. */
import type { MatchExplanation, TitleBreakdown } from '../../contract/types.js';
import { analyzeTitle, compareTitles } from '../text/index.js';

function breakdown(title: string): TitleBreakdown {
  const a = analyzeTitle(title);
  return {
    original: a.original,
    normalized: a.normalized,
    words: a.words.filter((w) => w !== '/'),
    expansions: a.expansions,
    seniority: a.seniority ?? null,
  };
}

/** Explains a (query, match) pair: normalised titles, expansions, shared and differing words, seniority. */
export function explainMatch(query: string, match: string): MatchExplanation {
  const q = breakdown(query);
  const m = breakdown(match);
  const words = compareTitles(query, match);
  return {
    query: q,
    match: m,
    shared: words.shared,
    onlyQuery: words.onlyA,
    onlyMatch: words.onlyB,
    sameSeniority: q.seniority === null || m.seniority === null ? null : q.seniority === m.seniority,
  };
}
