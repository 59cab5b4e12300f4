/** The --adapter option of match and eval: the file read and checked against the model before anything is encoded. */
import { adapterModelOf, readAdapterFile, type AdapterFile } from '../core/adapter/index.js';

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
