/** Why two titles matched, in the engine's own terms: the normalisation it applies, word by word. */
import { levelDistance } from '../../contract/seniority.js';
import type { MatchExplanation, TitleBreakdown } from '../../contract/types.js';
import { analyzeTitle, compareTitles } from '../text/index.js';
import { seniorityLevel } from '../text/seniority.js';

function breakdown(title: string): TitleBreakdown {
  const a = analyzeTitle(title);
  // The same rule set that ranks with seniority, so the panel names the levels the ranking used.
  const s = seniorityLevel(title);
  return {
    original: a.original,
    normalized: a.normalized,
    words: a.words.filter((w) => w !== '/'),
    expansions: a.expansions,
    seniority: s.level,
    seniorityCue: s.cue,
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
    seniorityDistance: levelDistance(q.seniority, m.seniority),
  };
}
