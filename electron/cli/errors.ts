/** Errors the CLI turns into exit codes, and the streams commands write to. */
import type { Writable } from 'node:stream';
import { InputError } from '../core/io/index.js';
import { ModelError, ProviderError } from '../core/engine/index.js';

/** Where a command writes: the process's streams, or test doubles. */
export interface CliIo {
  stdout: Writable;
  stderr: { write(text: string): unknown; isTTY?: boolean };
}

/** The process's own streams. */
export function processIo(): CliIo {
  return { stdout: process.stdout, stderr: process.stderr };
}

/** Exit code for input the user can fix (missing file, bad option, no such column...). */
export const EXIT_BAD_INPUT = 2;

/** A command-line mistake: a bad option, a missing argument. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** The one stderr line for an error, and the exit code; undefined for unexpected errors. */
export function describeFailure(e: unknown): { line: string; code: number } | undefined {
  if (e instanceof UsageError || e instanceof InputError || e instanceof ModelError || e instanceof ProviderError) {
    return { line: oneLine(e.message), code: EXIT_BAD_INPUT };
  }
  return undefined;
}

/** Messages go on one line: tools that read stderr line by line get the whole of it. */
export function oneLine(message: string): string {
  return message.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}

function isParseArgsError(e: unknown): e is Error {
  return e instanceof TypeError && 'code' in e && typeof e.code === 'string' && e.code.startsWith('ERR_PARSE_ARGS');
}

/**
 * Runs a command and turns failures into an exit code: 2 with one stderr line for input the user
 * can fix, 1 with the stack for anything unexpected.
 */
export async function runGuarded(command: string, run: () => Promise<number>, io: CliIo): Promise<number> {
  try {
    return await run();
  } catch (e) {
    const known = describeFailure(e);
    if (known) {
      io.stderr.write(`titlematch: ${known.line}\n`);
      return known.code;
    }
    if (isParseArgsError(e)) {
      // Node's message goes on to explain "--" at length; the first sentence says it all.
      io.stderr.write(`titlematch: ${oneLine(e.message).split('. ')[0].replace(/\.$/, '')}. Run "titlematch ${command} --help" for the options.\n`);
      return EXIT_BAD_INPUT;
    }
    io.stderr.write(`titlematch: unexpected error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    return 1;
  }
}
