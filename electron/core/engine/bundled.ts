/** Where the bundled model lives when running from the repository or an unpacked install. */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ModelName } from '../../contract/types.js';

/** Relative path of the bundled model inside the project (and the app's resources). */
export const BUNDLED_MODEL_SUBDIR = join('models', 'titlematch');

/**
 * The bundled model folder, found by walking up from this file (electron/core/engine in the
 * sources, out/electron/core/engine when built). The desktop app passes its resources path instead.
 */
export function bundledModelDir(from: string = dirname(fileURLToPath(import.meta.url))): string {
  let firstProject: string | undefined;
  let dir = from;
  for (;;) {
    if (existsSync(join(dir, 'package.json'))) {
      firstProject ??= dir;
      if (existsSync(join(dir, BUNDLED_MODEL_SUBDIR))) return join(dir, BUNDLED_MODEL_SUBDIR);
    }
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  // Not found: name where it should be, so the error message points at a sensible place.
  return join(firstProject ?? from, BUNDLED_MODEL_SUBDIR);
}

/** The model as results and reports name it: one other than the bundled model (in `bundled`) carries its folder. */
export function modelNameOf(model: { name: string; version: string; dir: string }, bundled: string = bundledModelDir()): ModelName {
  const named = { name: model.name, version: model.version };
  return resolve(model.dir) === resolve(bundled) ? named : { ...named, folder: model.dir };
}
