/** The --adapter option of match and eval: the file read and checked against the model before anything is encoded. */
import { adapterModelOf, readAdapterFile, type AdapterFile } from '../core/adapter/index.js';
import { UsageError } from './errors.js';

/** parseArgs definition of --adapter. */
export const ADAPTER_ARG_OPTIONS = { adapter: { type: 'string' } } as const;

/** Usage line of --adapter. */
export const ADAPTER_USAGE = `  --adapter FILE         rank with what titlematch tune learned from a recruiter's decisions (made
                         for this model): accepted pairs first, rejected ones hidden, the rest moved
                         by the nearest decided titles; scores then come without a confidence`;

/** Reads the --adapter file for the model in `modelDir` (exit 2 with a message when it cannot be used). */
export async function adapterFor(path: string | undefined, modelDir: string): Promise<AdapterFile | undefined> {
  if (path === undefined) return undefined;
  return readAdapterFile(path, await adapterModelOf(modelDir));
}

/** Usage line of --prototype (tune, and eval --feedback). */
export const PROTOTYPE_USAGE = `  --prototype S          move each accepted match's vector this share (0-1) of the way toward the titles
                         accepted for it, so that a decision reaches every title like them (default 0:
                         off; it lifts a decision's occupation and costs others, measured in
                         bench/results/feedback.md)`;

/** An adapter setting given on the command line as a number from 0 to 1 (--prototype, eval's --margin), checked; undefined when not given. */
export function unitOption(flag: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (text.trim() === '' || !(value >= 0 && value <= 1)) throw new UsageError(`--${flag} must be a number from 0 to 1, got "${text}".`);
  return value;
}
