/**
 * Reading the recruiter's decisions against a result: which pairs are accepted or rejected (a pair
 * is the same read from either side), and the matches a title lists with their decisions. The
 * ranking itself comes from the engine, which pins accepted pairs and leaves rejected ones out;
 * here a rejected pair is only kept from view until that ranking arrives, or listed, marked, when
 * the person asks to see hidden matches or turns the decisions off.
 */
import type { DecisionEntry, MatchedSide, Verdict } from '../../../../electron/contract/types.js';
import type { RankedMatch } from '../matches/results.js';

const key = (query: string, match: string): string => `${query}\u0000${match}`;

/** Every decision by pair, later lists winning (the project's over the saved ones), either way round. */
export function verdicts(...lists: readonly (readonly DecisionEntry[])[]): Map<string, Verdict> {
  const out = new Map<string, Verdict>();
  for (const list of lists) {
    for (const d of list) {
      out.set(key(d.query, d.match), d.decision);
      out.set(key(d.match, d.query), d.decision);
    }
  }
  return out;
}

/** The decision about a pair, or null. */
export function verdictOf(index: ReadonlyMap<string, Verdict>, query: string, match: string): Verdict | null {
  return index.get(key(query, match)) ?? null;
}

/** A match as the list shows it: its decision, and whether it is a rejected one the ranking no longer holds. */
export interface ListedMatch extends RankedMatch {
  decision: Verdict | null;
  /** Rejected and left out by the engine; listed (without a score) only while hidden matches are shown. */
  hiddenOnly: boolean;
}

/** Ranks given to listed hidden matches, after every real rank (ranks are the list's keys). */
const HIDDEN_RANK = 100_000;

/**
 * The matches of the title `query` with their decisions. While the decisions rank (`adapt`),
 * rejected ones are left out unless `showHidden`, which also lists, after the ranking, the rejected
 * titles of `other` that the ranking left out; with the decisions off (the model alone), every
 * match the model ranks is listed, marked.
 */
export function listedMatches(matches: readonly RankedMatch[], query: string, other: MatchedSide, index: ReadonlyMap<string, Verdict>, view: { adapt: boolean; showHidden: boolean }): ListedMatch[] {
  const out: ListedMatch[] = [];
  for (const m of matches) {
    const decision = verdictOf(index, query, m.title);
    if (decision === 'reject' && view.adapt && !view.showHidden) continue;
    out.push({ ...m, decision, hiddenOnly: false });
  }
  if (!view.adapt || !view.showHidden) return out;
  const listed = new Set(matches.map((m) => m.title));
  const prefix = key(query, '');
  for (const [k, decision] of index) {
    if (decision !== 'reject' || !k.startsWith(prefix)) continue;
    const title = k.slice(prefix.length);
    const i = other.titles.indexOf(title);
    if (i < 0 || listed.has(title)) continue;
    listed.add(title);
    out.push({ rank: HIDDEN_RANK + i, index: i, title, score: 0, modelScore: 0, level: other.levels[i], rows: other.rowCounts[i], confidence: null, bucket: null, decision, hiddenOnly: true });
  }
  return out;
}
