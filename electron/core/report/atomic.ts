import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { realpath, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import type { Writable } from 'node:stream';
import { errnoCode } from '../io/files.js';
import { InputError } from '../io/types.js';

/** The message for an output file another program holds (Excel locks the files it has open on Windows). */
export function lockedError(path: string): InputError {
  return new InputError(
    `${path} is open in another program (Excel keeps the files it shows locked) or is read-only. Close it there, or choose another file name, and try again.`,
    'locked',
    path,
  );
}

/** Turns a file-system error on the output into an InputError that says what to do, when it is one. */
export function outputError(path: string, e: unknown): InputError | undefined {
  switch (errnoCode(e)) {
    case 'EBUSY':
    case 'EPERM':
    case 'EACCES':
    case 'EROFS':
      return lockedError(path);
    case 'ENOSPC':
    case 'EDQUOT':
      return new InputError(`The disk is full: ${path} was not written (any earlier version is untouched). Free some space and try again.`, 'disk-full', path);
    case 'ENOENT':
    case 'ENOTDIR':
      return new InputError(`The folder ${dirname(path)} does not exist. Create it, or write the report somewhere else.`, 'no-folder', path);
    case 'EISDIR':
      return new InputError(`${path} is a folder. Give a file name for the report.`, 'not-a-file', path);
    default:
      return undefined;
  }
}

/** The error to throw for a failure on the output: an InputError when a person can act on it. */
function failureOf(path: string, e: unknown): Error {
  return outputError(path, e) ?? (e instanceof Error ? e : new Error(String(e)));
}

async function canonical(path: string): Promise<string> {
  const abs = resolve(path);
  try {
    return await realpath(abs);
  } catch {
    // The file does not exist yet: resolve its folder instead.
    try {
      return join(await realpath(dirname(abs)), basename(abs));
    } catch {
      return abs;
    }
  }
}

/**
 * Refuses an output path that is one of the inputs (after following links; without regard to case
 * on Windows and macOS, whose usual file systems ignore it), or a folder, or in a missing folder.
 */
export async function checkOutputPath(out: string, inputs: readonly string[]): Promise<string> {
  const path = resolve(out);
  const fold = process.platform === 'win32' || process.platform === 'darwin';
  const key = (p: string): string => (fold ? p.toLowerCase() : p);
  const target = key(await canonical(path));
  for (const input of inputs) {
    if (key(await canonical(input)) === target) {
      throw new InputError(`${out} is one of the input files; writing the report there would destroy it. Choose another file name.`, 'same-as-input', out);
    }
  }
  const folder = await stat(dirname(path)).catch((e: unknown) => {
    throw failureOf(path, e);
  });
  if (!folder.isDirectory()) throw failureOf(path, Object.assign(new Error('not a folder'), { code: 'ENOTDIR' }));
  const existing = await stat(path).catch(() => undefined);
  if (existing?.isDirectory()) throw failureOf(path, Object.assign(new Error('a folder'), { code: 'EISDIR' }));
  return path;
}

/**
 * Writes a file atomically: `produce` writes into a temporary file beside the target, which is
 * flushed to disk and renamed over the target only once complete. A failure (a full disk, a crash,
 * an error in `produce`) leaves any earlier file untouched and removes the temporary one.
 */
export async function writeAtomic(path: string, produce: (out: Writable) => Promise<void>): Promise<void> {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  const stream = createWriteStream(tmp, { flags: 'wx', flush: true });
  let failure: unknown;
  stream.on('error', (e) => {
    failure ??= e;
  });
  try {
    await new Promise<void>((ok, fail) => {
      stream.once('open', () => ok());
      stream.once('error', fail);
    });
    await produce(stream);
    if (failure !== undefined) throw failureOf(path, failure);
    await new Promise<void>((ok, fail) => {
      stream.once('error', fail);
      stream.end(() => ok());
    });
    if (failure !== undefined) throw failureOf(path, failure);
    await rename(tmp, path);
  } catch (e) {
    stream.destroy();
    await rm(tmp, { force: true }).catch(() => undefined);
    throw failureOf(path, e);
  }
}

/** Writes a chunk, waiting when the stream asks for it (back-pressure). */
export async function put(out: Writable, chunk: string | Buffer): Promise<void> {
  if (!out.write(chunk)) {
    await new Promise<void>((ok, fail) => {
      const onError = (e: Error): void => {
        out.off('drain', onDrain);
        fail(e);
      };
      const onDrain = (): void => {
        out.off('error', onError);
        ok();
      };
      out.once('drain', onDrain);
      out.once('error', onError);
    });
  }
}
