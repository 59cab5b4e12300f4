/** Why two titles matched, in the engine's own terms: the normalisation it applies, word by word. */
import { levelDistance } from '../../contract/seniority.js';
import type { MatchExplanation, TitleBreakdown } from '../../contract/types.js';
import { analyzeTitle, compareTitles, readsSenses } from '../text/index.js';
import { detectLanguage, LANGUAGE_NAMES, type LanguageProfile } from '../text/language.js';
import { seniorityLevel } from '../text/seniority.js';

function breakdown(title: string, profile: LanguageProfile | undefined): TitleBreakdown {
  const a = analyzeTitle(title);
  // The same rule set that ranks with seniority, so the panel names the levels the ranking used.
  const s = seniorityLevel(title);
  return {
    original: a.original,
    normalized: a.normalized,
    words: a.words.filter((w) => w !== '/'),
    expansions: a.expansions,
    // As the engine reads the title (a profile's other-language titles keep their words as words).
    senses: readsSenses(profile, a.normalized) ? a.senses.map((x) => ({ from: x.from, to: [...x.to] })) : [],
    seniority: s.level,
    seniorityCue: s.cue,
    ...(profile ? { language: languageOf(profile, title) } : {}),
  };
}

function languageOf(profile: LanguageProfile, title: string): NonNullable<TitleBreakdown['language']> {
  const d = detectLanguage(profile, title);
  return { name: d.language === null ? null : LANGUAGE_NAMES[d.language], confidence: Math.round(d.confidence * 1000) / 1000 };
}

/** Explains a (query, match) pair: normalised titles, expansions, shared and differing words, seniority, and (with a language profile) each title's language. */
export function explainMatch(query: string, match: string, profile?: LanguageProfile): MatchExplanation {
  const q = breakdown(query, profile);
  const m = breakdown(match, profile);
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
