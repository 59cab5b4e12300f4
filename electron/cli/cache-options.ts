/** The cache options of commands that encode or calibrate: --cache DIR and --no-cache. */
import { resolve } from 'node:path';
import { defaultCacheDir } from '../core/engine/embedding-cache.js';
import { UsageError } from './errors.js';

/** parseArgs definitions of the cache options. */
export const CACHE_ARG_OPTIONS = {
  cache: { type: 'string' },
  'no-cache': { type: 'boolean' },
} as const;

/** Help text lines for the cache options. */
export const CACHE_USAGE = `  --cache DIR            keep title vectors (per model) and provider timings in DIR
                         (default: ${defaultCacheDir()})
  --no-cache             neither read nor write the cache`;

/** The cache folder to use, or undefined for --no-cache. */
export function cacheDirFrom(values: { cache?: string; 'no-cache'?: boolean }, env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (values['no-cache']) {
    if (values.cache !== undefined) throw new UsageError('--cache and --no-cache contradict each other; give one of them.');
    return undefined;
  }
  if (values.cache !== undefined) return resolve(values.cache);
  return env.TITLEMATCH_CACHE ? resolve(env.TITLEMATCH_CACHE) : defaultCacheDir();
}
