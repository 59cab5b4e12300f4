/** What a run with an adapter says about it, the same in the CLI's reports and the app's. */
import type { AdapterFile } from './file.js';

/** Why an adapted run has no confidences: the calibration was fitted on unadapted scores. */
export const ADAPTED_NO_CONFIDENCE = 'the adapter changes the scores, and the confidence calibration was fitted on unadapted ones, so adapted matches have scores only';

/** What a report's Summary says about the adapter: where its decisions came from (a file, the app's decisions) and how many, or none. */
export function adapterSummary(source: string | undefined, adapter: AdapterFile | undefined): string {
  if (adapter === undefined || source === undefined) return 'none';
  const accepted = adapter.decisions.filter((d) => d.accept).length;
  return `${source}: ${adapter.decisions.length} decisions (${accepted} accepted, ${adapter.decisions.length - accepted} rejected)${adapter.map ? ' and a learned map' : ''}; accepted pairs first, rejected ones hidden, scores adapted (no confidence)`;
}

/** What reports say in their Decision column of a pair the recruiter accepted (ranked first; rejected pairs are not listed). */
export const PINNED_DECISION = 'accepted (ranked first)';
