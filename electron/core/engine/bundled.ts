/** Where the bundled model lives when running from the repository or an unpacked install. */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ModelName } from '../../contract/types.js';

/** Relative path of the bundled model inside the project (and the app's resources): the English model. */
export const BUNDLED_MODEL_SUBDIR = join('models', 'titlematch');

/** The two bundled models: English, and the multilingual one for titles in six more languages. */
export type BundledModel = 'english' | 'multilingual';

/** Relative path of each bundled model inside the project (and the app's resources). */
export const BUNDLED_MODEL_SUBDIRS: Readonly<Record<BundledModel, string>> = {
  english: BUNDLED_MODEL_SUBDIR,
  multilingual: join('models', 'titlematch-multilingual'),
};

/**
 * The bundled model folder, found by walking up from this file (electron/core/engine in the
 * sources, out/electron/core/engine when built). The desktop app passes its resources path instead.
 */
export function bundledModelDir(from: string = dirname(fileURLToPath(import.meta.url)), which: BundledModel = 'english'): string {
  const sub = BUNDLED_MODEL_SUBDIRS[which];
  let firstProject: string | undefined;
  let dir = from;
  for (;;) {
    if (existsSync(join(dir, 'package.json'))) {
      firstProject ??= dir;
      if (existsSync(join(dir, sub))) return join(dir, sub);
    }
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  // Not found: name where it should be, so the error message points at a sensible place.
  return join(firstProject ?? from, sub);
}

/** The model as results and reports name it: one other than the bundled models (in `bundled`) carries its folder. */
export function modelNameOf(
  model: { name: string; version: string; dir: string },
  bundled: string | readonly string[] = [bundledModelDir(), bundledModelDir(undefined, 'multilingual')],
): ModelName {
  const named = { name: model.name, version: model.version };
  const dirs = typeof bundled === 'string' ? [bundled] : bundled;
  return dirs.some((dir) => resolve(model.dir) === resolve(dir)) ? named : { ...named, folder: model.dir };
}
