/** Where the bundled model lives when running from the repository or an unpacked install. */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Relative path of the bundled model inside the project (and the app's resources). */
export const BUNDLED_MODEL_SUBDIR = join('models', 'titlematch');

/**
 * The bundled model folder, found by walking up from this file (electron/core/engine in the
 * sources, out/electron/core/engine when built). The desktop app passes its resources path instead.
 */
export function bundledModelDir(from: string = dirname(fileURLToPath(import.meta.url))): string {
  let dir = from;
  for (;;) {
    const candidate = join(dir, BUNDLED_MODEL_SUBDIR);
    if (existsSync(join(dir, 'package.json')) && existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  // Not found: return where it should be, so the error message names a sensible place.
  return join(from, '..', '..', '..', BUNDLED_MODEL_SUBDIR);
}
