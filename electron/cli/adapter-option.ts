/** The --adapter option of match and eval: the file read and checked against the model before anything is encoded. */
import { adapterModelOf, readAdapterFile, type AdapterFile } from '../core/adapter/index.js';

/** parseArgs definition of --adapter. */
export const ADAPTER_ARG_OPTIONS = { adapter: { type: 'string' } } as const;

/** Usage line of --adapter. */
export const ADAPTER_USAGE = `  --adapter FILE         rank with what titlematch tune learned from a recruiter's decisions (made
                         for this model): accepted pairs first, rejected ones hidden, the rest moved
                         by the nearest decided titles; scores then come without a confidence`;

/** Why an adapted run has no confidences: the calibration was fitted on unadapted scores. */
export const ADAPTED_NO_CONFIDENCE = 'the adapter changes the scores, and the confidence calibration was fitted on unadapted ones, so adapted matches have scores only';

/** Reads the --adapter file for the model in `modelDir` (exit 2 with a message when it cannot be used). */
export async function adapterFor(path: string | undefined, modelDir: string): Promise<AdapterFile | undefined> {
  if (path === undefined) return undefined;
  return readAdapterFile(path, await adapterModelOf(modelDir));
}

/** What a report's Summary says about the adapter: the file and its decisions, or none. */
export function adapterSummary(path: string | undefined, adapter: AdapterFile | undefined): string {
  if (adapter === undefined || path === undefined) return 'none';
  const accepted = adapter.decisions.filter((d) => d.accept).length;
  return `${path}: ${adapter.decisions.length} decisions (${accepted} accepted, ${adapter.decisions.length - accepted} rejected)${adapter.map ? ' and a learned map' : ''}; accepted pairs first, rejected ones hidden, scores adapted (no confidence)`;
}
