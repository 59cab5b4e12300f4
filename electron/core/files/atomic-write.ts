/**
 * Atomic file writes, the one way this project replaces a file: the content goes to a temporary
 * file beside the target (same folder, so the rename never crosses a disk), is flushed to disk,
 * and is renamed over the target only once complete. A failure leaves any earlier file untouched
 * and removes the temporary one; a signal handler removes those still being written
 * (`removePendingTemporaryFiles`), and the next write of the same target removes those a killed
 * process left.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, createWriteStream, fsyncSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, writeSync } from 'node:fs';
import { mkdir, readdir, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Writable } from 'node:stream';
import { errnoCode } from '../io/files.js';
import { InputError } from '../io/types.js';
import { outputError, type OutputKind } from './output-path.js';

/** How a write goes. */
export interface AtomicWriteOptions {
  /** Create the target's folder (and its parents) first; otherwise a missing folder is an error. */
  mkdir?: boolean;
  /**
   * Flush the file to disk before the rename (the default), so a power cut leaves the old file or
   * the new one, never an empty one. A cache that is rebuilt when damaged may skip the cost.
   */
  durable?: boolean;
  /** What the file is, in the messages a person reads ("report" by default). */
  kind?: OutputKind;
}

/** Temporary files being written now, removed by `removePendingTemporaryFiles` when the process is stopped. */
const pending = new Set<string>();

/**
 * Removes, synchronously, the temporary files of writes still in progress: a signal handler calls
 * it before the process exits, so Ctrl-C or SIGTERM during a write leaves no hidden file behind.
 */
export function removePendingTemporaryFiles(): void {
  for (const tmp of pending) rmSync(tmp, { force: true });
  pending.clear();
}

/**
 * The target's name as its temporary file carries it: cut to 200 bytes of UTF-8, so that with the
 * dot, process id and suffix it stays within the 255 bytes file systems allow for a name.
 */
function temporaryStem(name: string): string {
  if (Buffer.byteLength(name) <= 200) return name;
  let stem = '';
  let bytes = 0;
  for (const ch of name) {
    bytes += Buffer.byteLength(ch);
    if (bytes > 200) break;
    stem += ch;
  }
  return stem;
}

/** `.name.<pid>.<hex>.tmp`: the temporary file's name for a target, with its writer's process id. */
const TEMPORARY = /^\.(.+)\.(\d+)\.[0-9a-f]{8}\.tmp$/;

function temporaryPath(path: string): string {
  return join(dirname(path), `.${temporaryStem(basename(path))}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return errnoCode(e) === 'EPERM';
  }
}

/** The entries of a folder that are temporary files of `path` whose writer is gone. */
function staleOf(path: string, entries: readonly string[]): string[] {
  const stem = temporaryStem(basename(path));
  return entries
    .filter((entry) => {
      const m = TEMPORARY.exec(entry);
      return m !== null && m[1] === stem && Number(m[2]) !== process.pid && !processAlive(Number(m[2]));
    })
    .map((entry) => join(dirname(path), entry));
}

/**
 * Removes the temporary files that an earlier writer of the same target left when it was killed
 * (SIGKILL, a power cut): those whose process is gone. Best effort; a failure changes nothing.
 */
async function removeStaleTemporaryFiles(path: string): Promise<void> {
  const entries = await readdir(dirname(path)).catch(() => []);
  for (const stale of staleOf(path, entries)) await rm(stale, { force: true }).catch(() => undefined);
}

function removeStaleTemporaryFilesSync(path: string): void {
  let entries: string[];
  try {
    entries = readdirSync(dirname(path));
  } catch {
    return;
  }
  for (const stale of staleOf(path, entries)) {
    try {
      rmSync(stale, { force: true });
    } catch {
      // Best effort, as above.
    }
  }
}

/** The message for a temporary file that could not be created or written; undefined for other failures. */
function temporaryFileError(path: string, tmp: string, stage: 'create' | 'write', e: unknown): InputError | undefined {
  const folder = dirname(path);
  const code = errnoCode(e);
  switch (code) {
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      if (stage === 'write') return undefined;
      return new InputError(
        `${path} was not written: the temporary file ${tmp} could not be created, because the folder ${folder} is ${code === 'EROFS' ? 'on a read-only disk' : 'not writable (permission denied)'}. Write to a folder you can write to, or change the folder's permissions.`,
        'not-writable',
        path,
      );
    case 'ENOSPC':
    case 'EDQUOT':
      return new InputError(
        `The disk is full: the temporary file ${tmp} could not be ${stage === 'create' ? 'created' : 'written'}, so ${path} was not written (any earlier version is untouched); the temporary file was removed. Free some space on that disk, or write somewhere else, and try again.`,
        'disk-full',
        path,
      );
    case 'EIO':
      return new InputError(
        `The disk failed while writing the temporary file ${tmp} (input/output error), so ${path} was not written. Check the disk or write somewhere else.`,
        'io-error',
        path,
      );
    default:
      return undefined;
  }
}

type Stage = 'create' | 'write' | 'rename';

/** The error to throw for a failure at `stage`: an InputError naming the real cause when a person can act on it. */
function failure(path: string, tmp: string, stage: Stage, e: unknown, kind: OutputKind | undefined): Error {
  if (e instanceof InputError) return e;
  return (stage !== 'rename' ? temporaryFileError(path, tmp, stage, e) : undefined) ?? outputError(path, e, kind) ?? asError(e);
}

function asError(e: unknown): Error {
  return e instanceof Error ? e : new Error(String(e));
}

/**
 * Writes a file atomically: `produce` writes into a temporary file beside the target, which is
 * flushed to disk and renamed over the target only once complete. A failure (a full disk, a crash,
 * an error in `produce`) leaves any earlier file untouched and removes the temporary one; the
 * error names the temporary file when that is what could not be created or written.
 */
export async function writeAtomic(path: string, produce: (out: Writable) => Promise<void>, options: AtomicWriteOptions = {}): Promise<void> {
  if (options.mkdir) await mkdir(dirname(path), { recursive: true });
  await removeStaleTemporaryFiles(path);
  const tmp = temporaryPath(path);
  let stage: Stage = 'create';
  pending.add(tmp);
  const stream = createWriteStream(tmp, { flags: 'wx', flush: options.durable ?? true });
  let streamError: unknown;
  stream.on('error', (e) => {
    streamError ??= e;
  });
  try {
    await new Promise<void>((ok, fail) => {
      stream.once('open', () => ok());
      stream.once('error', fail);
    });
    stage = 'write';
    await produce(stream);
    if (streamError !== undefined) throw asError(streamError);
    await new Promise<void>((ok, fail) => {
      stream.once('error', fail);
      stream.end(() => ok());
    });
    if (streamError !== undefined) throw asError(streamError);
    stage = 'rename';
    await rename(tmp, path);
    pending.delete(tmp);
  } catch (e) {
    stream.destroy();
    await rm(tmp, { force: true }).catch(() => undefined);
    pending.delete(tmp);
    throw failure(path, tmp, stage, e, options.kind);
  }
}

/** Writes whole content atomically (see `writeAtomic`): a string as UTF-8, or bytes, or a list of either. */
export async function writeFileAtomic(path: string, content: string | Uint8Array | readonly (string | Uint8Array)[], options: AtomicWriteOptions = {}): Promise<void> {
  const parts = typeof content === 'string' || content instanceof Uint8Array ? [content] : content;
  await writeAtomic(
    path,
    async (out) => {
      for (const part of parts) await put(out, part);
    },
    options,
  );
}

/**
 * `writeFileAtomic` for the few callers that must finish before returning (the app's settings and
 * recent files, saved from a menu click): the same temporary file, flush, rename and clean-up.
 */
export function writeFileAtomicSync(path: string, content: string | Uint8Array, options: AtomicWriteOptions = {}): void {
  if (options.mkdir) mkdirSync(dirname(path), { recursive: true });
  removeStaleTemporaryFilesSync(path);
  const tmp = temporaryPath(path);
  let stage: Stage = 'create';
  pending.add(tmp);
  let fd: number | undefined;
  try {
    fd = openSync(tmp, 'wx');
    stage = 'write';
    const bytes = typeof content === 'string' ? Buffer.from(content) : content;
    // writeSync may write less than asked (a signal, a nearly full disk): go on until all is written.
    for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done, bytes.length - done);
    if (options.durable ?? true) fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    stage = 'rename';
    renameSync(tmp, path);
    pending.delete(tmp);
  } catch (e) {
    try {
      if (fd !== undefined) closeSync(fd);
      rmSync(tmp, { force: true });
    } catch {
      // The original failure is the one to report.
    }
    pending.delete(tmp);
    throw failure(path, tmp, stage, e, options.kind);
  }
}

/** Writes a chunk, waiting when the stream asks for it (back-pressure). */
export async function put(out: Writable, chunk: string | Uint8Array): Promise<void> {
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
