/** The `titlematch` command line: a second front end over electron/core. */
import { runEval } from './eval.js';
import { describeFailure, EXIT_BAD_INPUT, oneLine, processIo, UsageError, type CliIo } from './errors.js';
import { runInfo } from './info.js';
import { runMatch } from './match.js';

export const USAGE = `Usage: titlematch <command> [options]

Commands:
  match QUERIES CORPUS   rank, for every title in QUERIES, the titles of CORPUS by meaning
  info                   the model, execution provider and threads in use
  eval                   MRR, top-1 and top-5 on the JobBERT validation titles, beside the TF-IDF floor

Run "titlematch <command> --help" for a command's options.`;

function isParseArgsError(e: unknown): e is Error {
  return e instanceof TypeError && 'code' in e && typeof e.code === 'string' && e.code.startsWith('ERR_PARSE_ARGS');
}

/** Runs the CLI with arguments (without node and the script); resolves to the exit code. */
export async function main(argv: string[], io: CliIo = processIo()): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'match':
        return await runMatch(rest, io);
      case 'info':
        return await runInfo(rest, io);
      case 'eval':
        return await runEval(rest, io);
      case undefined:
      case '--help':
      case '-h':
      case 'help':
        io.stdout.write(`${USAGE}\n`);
        return command === undefined ? EXIT_BAD_INPUT : 0;
      default:
        throw new UsageError(`"${command}" is not a titlematch command; use match, info or eval ("titlematch --help" lists them).`);
    }
  } catch (e) {
    const known = describeFailure(e);
    if (known) {
      io.stderr.write(`titlematch: ${known.line}\n`);
      return known.code;
    }
    if (isParseArgsError(e)) {
      io.stderr.write(`titlematch: ${oneLine(e.message).split('. ')[0].replace(/\.$/, '')}. Run "titlematch ${command ?? ''} --help" for the options.\n`);
      return EXIT_BAD_INPUT;
    }
    io.stderr.write(`titlematch: unexpected error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    return 1;
  }
}
