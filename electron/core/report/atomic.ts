import { randomBytes } from 'node:crypto';
import { createWriteStream, rmSync, type Stats } from 'node:fs';
import { readdir, realpath, rename, rm, stat } from 'node:fs/promises';
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
    case 'ENAMETOOLONG':
      return new InputError(`The name ${basename(path)} is too long for this disk (most allow 255 bytes). Choose a shorter file name.`, 'name-too-long', path);
    default:
      return undefined;
  }
}

function asError(e: unknown): Error {
  return e instanceof Error ? e : new Error(String(e));
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

/** Whether `input` is the file `out` describes: a hard link has another name but the same inode. */
async function sameFile(out: Stats, input: string): Promise<boolean> {
  const s = await stat(input).catch(() => undefined);
  return s !== undefined && s.ino !== 0 && s.ino === out.ino && s.dev === out.dev;
}

/**
 * Refuses an output path that is one of the inputs (after following symbolic links, or a hard link
 * to one; without regard to case
 * on Windows and macOS, whose usual file systems ignore it), or a folder, or in a missing folder.
 */
export async function checkOutputPath(out: string, inputs: readonly string[]): Promise<string> {
  const path = resolve(out);
  const fold = process.platform === 'win32' || process.platform === 'darwin';
  const key = (p: string): string => (fold ? p.toLowerCase() : p);
  const target = key(await canonical(path));
  const existingOut = await stat(path).catch(() => undefined);
  for (const input of inputs) {
    if (key(await canonical(input)) === target || (existingOut !== undefined && (await sameFile(existingOut, input)))) {
      throw new InputError(`${out} is one of the input files; writing the report there would destroy it. Choose another file name.`, 'same-as-input', out);
    }
  }
  const folder = await stat(dirname(path)).catch((e: unknown) => {
    throw failureOf(path, e);
  });
  if (!folder.isDirectory()) throw failureOf(path, Object.assign(new Error('not a folder'), { code: 'ENOTDIR' }));
  const existing = await stat(path).catch((e: unknown) => {
    if (errnoCode(e) === 'ENAMETOOLONG') throw failureOf(path, e);
    return undefined;
  });
  if (existing?.isDirectory()) throw failureOf(path, Object.assign(new Error('a folder'), { code: 'EISDIR' }));
  if (existing !== undefined && !existing.isFile()) {
    // A device, pipe or socket: renaming over it would replace it, not write into it.
    throw new InputError(`${path} is not a regular file (a device, pipe or socket). Give the name of a file to write.`, 'not-regular', path);
  }
  return path;
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

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return errnoCode(e) === 'EPERM';
  }
}

/**
 * Removes the temporary files that an earlier writer of the same target left when it was killed
 * (SIGKILL, a power cut): those whose process is gone. Best effort; a failure changes nothing.
 */
async function removeStaleTemporaryFiles(path: string): Promise<void> {
  const name = basename(path);
  let entries: string[];
  try {
    entries = await readdir(dirname(path));
  } catch {
    return;
  }
  for (const entry of entries) {
    const m = TEMPORARY.exec(entry);
    if (!m || m[1] !== temporaryStem(name) || Number(m[2]) === process.pid || processAlive(Number(m[2]))) continue;
    await rm(join(dirname(path), entry), { force: true }).catch(() => undefined);
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

/**
 * Writes a file atomically: `produce` writes into a temporary file beside the target, which is
 * flushed to disk and renamed over the target only once complete. A failure (a full disk, a crash,
 * an error in `produce`) leaves any earlier file untouched and removes the temporary one; the
 * error names the temporary file when that is what could not be created or written.
 */
export async function writeAtomic(path: string, produce: (out: Writable) => Promise<void>): Promise<void> {
  await removeStaleTemporaryFiles(path);
  const tmp = join(dirname(path), `.${temporaryStem(basename(path))}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  let stage: 'create' | 'write' | 'rename' = 'create';
  pending.add(tmp);
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
    stage = 'write';
    await produce(stream);
    if (failure !== undefined) throw asError(failure);
    await new Promise<void>((ok, fail) => {
      stream.once('error', fail);
      stream.end(() => ok());
    });
    if (failure !== undefined) throw asError(failure);
    stage = 'rename';
    await rename(tmp, path);
    pending.delete(tmp);
  } catch (e) {
    stream.destroy();
    await rm(tmp, { force: true }).catch(() => undefined);
    pending.delete(tmp);
    if (e instanceof InputError) throw e;
    throw (stage !== 'rename' ? temporaryFileError(path, tmp, stage, e) : undefined) ?? failureOf(path, e);
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
