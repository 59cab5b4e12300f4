/**
 * What the CLI does as a process, beyond its commands: it stops quietly when the program reading
 * its output goes away (`titlematch match ... | head -2`), and a signal (Ctrl-C, SIGTERM, a closed
 * terminal) removes the temporary file of a write in progress before the process ends.
 */
import { errnoCode } from '../core/io/files.js';
import { removePendingTemporaryFiles } from '../core/files/atomic-write.js';

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/** Installs the handlers on this process; the launcher in bin/ calls it once, before `main`. */
export function installProcessHandlers(): void {
  process.stdout.on('error', (e) => {
    // The reader closed the pipe: it has all it wanted, so stop without a word.
    if (errnoCode(e) === 'EPIPE') {
      removePendingTemporaryFiles();
      process.exit(0);
    }
    throw e;
  });
  for (const signal of SIGNALS) {
    process.once(signal, () => {
      removePendingTemporaryFiles();
      // Ends by the same signal, without our handler, so the shell sees how the process ended.
      process.kill(process.pid, signal);
    });
  }
}
