/**
 * Output-path safety, checked once for the command line and the app: an output is refused when it
 * is one of the inputs however it is named, and file-system failures on it become messages that
 * say what to do.
 */
import type { Stats } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { errnoCode } from '../io/files.js';
import { InputError } from '../io/types.js';

/** What an output file is, as the messages name it: "report" unless said otherwise. */
export type OutputKind = 'report' | 'project' | 'file';

/** The message for an output file another program holds (Excel locks the files it has open on Windows). */
export function lockedError(path: string): InputError {
  return new InputError(
    `${path} is open in another program (Excel keeps the files it shows locked) or is read-only. Close it there, or choose another file name, and try again.`,
    'locked',
    path,
  );
}

/** Turns a file-system error on the output into an InputError that says what to do, when it is one. */
export function outputError(path: string, e: unknown, kind: OutputKind = 'report'): InputError | undefined {
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
      return new InputError(`The folder ${dirname(path)} does not exist. Create it, or write the ${kind} somewhere else.`, 'no-folder', path);
    case 'EISDIR':
      return new InputError(`${path} is a folder. Give a file name for the ${kind}.`, 'not-a-file', path);
    case 'ENAMETOOLONG':
      return new InputError(`The name ${basename(path)} is too long for this disk (most allow 255 bytes). Choose a shorter file name.`, 'name-too-long', path);
    default:
      return undefined;
  }
}

function failureOf(path: string, e: unknown): Error {
  return outputError(path, e) ?? (e instanceof Error ? e : new Error(String(e)));
}

/** The path with symbolic links followed; for a file not there yet, its folder's. */
async function canonical(path: string): Promise<string> {
  const abs = resolve(path);
  try {
    return await realpath(abs);
  } catch {
    try {
      return join(await realpath(dirname(abs)), basename(abs));
    } catch {
      return abs;
    }
  }
}

/** Whether `input` is the file `out` describes: a hard link, or another case on a case-insensitive disk, has another name but the same inode. */
async function sameInode(out: Stats, input: string): Promise<boolean> {
  const s = await stat(input).catch(() => undefined);
  return s !== undefined && s.ino !== 0 && s.ino === out.ino && s.dev === out.dev;
}

/**
 * Whether `out` names one of `inputs`: the same real path (symbolic links and linked folders
 * followed; case ignored on Windows and macOS, whose usual file systems ignore it), or, when `out`
 * exists, the same file under another name (a hard link, another case on any case-insensitive disk).
 */
export async function isOneOf(out: string, inputs: readonly string[]): Promise<boolean> {
  const fold = process.platform === 'win32' || process.platform === 'darwin';
  const key = (p: string): string => (fold ? p.toLowerCase() : p);
  const target = key(await canonical(out));
  const existing = await stat(out).catch(() => undefined);
  for (const input of inputs) {
    if (key(await canonical(input)) === target || (existing !== undefined && (await sameInode(existing, input)))) return true;
  }
  return false;
}

/**
 * Refuses an output path that is one of the inputs (see `isOneOf`), or a folder, or in a missing
 * folder, or a device, pipe or socket; returns it resolved.
 */
export async function checkOutputPath(out: string, inputs: readonly string[]): Promise<string> {
  const path = resolve(out);
  if (await isOneOf(path, inputs)) {
    throw new InputError(`${out} is one of the input files; writing the report there would destroy it. Choose another file name.`, 'same-as-input', out);
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
