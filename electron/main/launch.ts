/** Files handed to the app by the system: a double-clicked project, or a second launch's arguments. */
import { extname, isAbsolute, resolve } from 'node:path';
import { PROJECT_EXTENSION } from '../core/project/index.js';

/**
 * The project file among command-line arguments, resolved against `cwd`; null when there is none.
 * Switches (--flag) and Chromium's own arguments are skipped.
 */
export function projectFromArgv(argv: readonly string[], cwd: string): string | null {
  for (const arg of argv.slice(1)) {
    if (arg.startsWith('-')) continue;
    if (extname(arg).toLowerCase() !== `.${PROJECT_EXTENSION}`) continue;
    return isAbsolute(arg) ? arg : resolve(cwd, arg);
  }
  return null;
}
