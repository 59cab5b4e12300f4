/**
 * The app's decisions in the match service: the saved ones (core/adapter/store) and the project's,
 * made into an adapter file and ranked with through the same core steps as `titlematch tune` and
 * `match --adapter` (newAdapterFile, prepareAdapter, adaptedTopK): accepted pairs first, rejected
 * ones hidden, the other titles moved by the nearest decided ones. A decision is about a pair,
 * whichever side the recruiter read it from, so it applies in both directions.
 */
import type { AdapterUse, DecisionEntry, SavedDecisions } from '../../contract/types.js';
import { adapterSummary, mergeDecisions, newAdapterFile, prepareAdapter, type Decision, type DecisionStoreState, type PreparedAdapter } from '../adapter/index.js';

/** Decisions as they cross the bridge. */
export function entriesOf(decisions: readonly Decision[]): DecisionEntry[] {
  return decisions.map((d) => ({ query: d.query, match: d.match, decision: d.accept ? 'accept' : 'reject' }));
}

/** Decisions from the bridge. */
export function fromEntries(entries: readonly DecisionEntry[]): Decision[] {
  return entries.map((d) => ({ query: d.query, match: d.match, accept: d.decision === 'accept' }));
}

/** The store's state as the bridge carries it. */
export function savedOf(state: DecisionStoreState): SavedDecisions {
  return { path: state.path, decisions: entriesOf(state.decisions), error: state.error };
}

/** What reports name as the adapter's source. */
const SOURCE = 'decisions made in TitleMatch';

/** A run's decisions, ready to rank with, and what the result says about them. */
export interface RunDecisions {
  prepared: PreparedAdapter;
  use: AdapterUse;
}

/**
 * The decisions of a run (the saved ones, then the project's, which win for a pair) as a prepared
 * adapter for `model`; undefined when there are none. `encode` is the run's engine.
 */
export async function runDecisions(saved: readonly Decision[], project: readonly Decision[], model: { name: string; version: string; sha256: string | undefined }, encode: (titles: string[]) => Promise<Float32Array>): Promise<RunDecisions | undefined> {
  const decisions = mergeDecisions(saved, project);
  if (decisions.length === 0) return undefined;
  const file = newAdapterFile({ name: model.name, version: model.version, sha256: model.sha256 ?? '' }, decisions);
  // Each pair the other way round too (the pair as read decides where both ways name it).
  const bothWays = newAdapterFile(file.model, mergeDecisions(decisions.map((d) => ({ query: d.match, match: d.query, accept: d.accept })), decisions));
  const accepted = decisions.filter((d) => d.accept).length;
  return {
    prepared: await prepareAdapter(bothWays, encode),
    use: { decisions: decisions.length, accepted, rejected: decisions.length - accepted, summary: adapterSummary(SOURCE, file) },
  };
}
