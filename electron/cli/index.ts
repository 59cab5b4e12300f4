/** The `titlematch` command line: a second front end over electron/core. */
import { runEval } from './eval.js';
import { EXIT_BAD_INPUT, processIo, runGuarded, UsageError, type CliIo } from './errors.js';
import { runInfo } from './info.js';
import { runMatch } from './match.js';
import { runTune } from './tune.js';
export { installProcessHandlers } from './process.js';
import { cliVersion } from './version.js';

export const USAGE = `Usage: titlematch <command> [options]

Commands:
  match QUERIES CORPUS   rank, for every title in QUERIES, the titles of CORPUS by meaning
  tune DECISIONS --out ADAPTER
                         learn from a recruiter's accepted and rejected matches, for match --adapter
  info                   the model, execution provider and threads in use
  eval                   MRR, top-1 and top-5 on the JobBERT validation titles, beside the TF-IDF floor

Run "titlematch <command> --help" for a command's options; "titlematch --version" prints the version.`;

/** Runs the CLI with arguments (without node and the script); resolves to the exit code. */
export function main(argv: string[], io: CliIo = processIo()): Promise<number> {
  const [command, ...rest] = argv;
  return runGuarded(command ?? '', () => {
    switch (command) {
      case 'match':
        return runMatch(rest, io);
      case 'tune':
        return runTune(rest, io);
      case 'info':
        return runInfo(rest, io);
      case 'eval':
        return runEval(rest, io);
      case '--version':
      case '-V':
      case 'version':
        io.stdout.write(`titlematch ${cliVersion()}\n`);
        return Promise.resolve(0);
      case undefined:
      case '--help':
      case '-h':
      case 'help':
        io.stdout.write(`${USAGE}\n`);
        return Promise.resolve(command === undefined ? EXIT_BAD_INPUT : 0);
      default:
        throw new UsageError(`"${command}" is not a titlematch command; use match, tune, info or eval ("titlematch --help" lists them).`);
    }
  }, io);
}
