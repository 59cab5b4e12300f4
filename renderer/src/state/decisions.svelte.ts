/**
 * The recruiter's decisions as the window knows them: the saved ones (every project, from the
 * per-user store in main's user-data folder), the project's own (saved in the project file),
 * whether matching uses them, and whether hidden (rejected) matches are shown. State only: the
 * actions that change it live in decide.svelte.ts.
 */
import type { DecisionEntry } from '../../../electron/contract/types.js';

/** Decisions state. */
export const decisions = $state<{
  /** The saved decisions (every project). */
  saved: DecisionEntry[];
  /** The store file, for the person to find it. */
  savedPath: string;
  /** Why the saved decisions cannot be read (then nothing is saved to them); null when they can. */
  storeError: string | null;
  /** The decisions made in this project, saved with it. */
  project: DecisionEntry[];
  /** Whether matching ranks with the decisions (off: the model alone). */
  adapt: boolean;
  /** Whether rejected matches are listed (marked) instead of hidden. */
  showHidden: boolean;
  /** An import, export or clear in progress. */
  busy: 'import' | 'export' | 'clear' | null;
  /** Ranking again with the decisions, in the worker. */
  adapting: boolean;
  /** What failed last (a decision not saved, an import refused), next to the decisions. */
  error: string | null;
}>({ saved: [], savedPath: '', storeError: null, project: [], adapt: true, showHidden: false, busy: null, adapting: false, error: null });

/** The request fields a match takes from the decisions: plain copies (a state proxy cannot cross the bridge). */
export function matchDecisions(): { decisions: DecisionEntry[]; adapt: boolean } {
  return { decisions: decisions.project.map((d) => ({ query: d.query, match: d.match, decision: d.decision })), adapt: decisions.adapt };
}
