import { open, stat } from 'node:fs/promises';
import { formatBytes } from './limits.js';
import { InputError } from './types.js';

/** The error code of a Node system error, if it is one. */
export function errnoCode(e: unknown): string | undefined {
  if (typeof e === 'object' && e !== null && 'code' in e) {
    const code: unknown = e.code;
    return typeof code === 'string' ? code : undefined;
  }
  return undefined;
}

/** Turns a file-system error on an input file into an InputError a person can act on. */
export function inputFileError(path: string, e: unknown): InputError | undefined {
  switch (errnoCode(e)) {
    case 'ENOENT':
    case 'ENOTDIR':
      return new InputError(`${path} does not exist. Check the path and the file name.`, 'not-found', path);
    case 'EISDIR':
      return new InputError(`${path} is a folder, not a file. Give the path of a CSV, TSV, XLSX or ODS file.`, 'not-a-file', path);
    case 'EACCES':
      return new InputError(`${path} cannot be read: permission denied. Copy it somewhere you can read, or change its permissions.`, 'unreadable', path);
    case 'EBUSY':
    case 'EPERM':
      return new InputError(`${path} is locked by another program (is it open in Excel?). Close it there and try again.`, 'locked', path);
    default:
      return undefined;
  }
}

/** Checks the file exists, is a regular file, is not empty and not past the size limit; returns its size. */
export async function checkInputFile(path: string, maxBytes: number): Promise<number> {
  let size: number;
  try {
    const s = await stat(path);
    if (s.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
    if (!s.isFile()) {
      throw new InputError(`${path} is not a regular file. Give the path of a CSV, TSV, XLSX or ODS file.`, 'not-a-file', path);
    }
    size = s.size;
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw inputFileError(path, e) ?? e;
  }
  if (size === 0) throw new InputError(`${path} is empty (0 bytes). Check that you picked the right file, or export it again.`, 'empty', path);
  if (size > maxBytes) {
    throw new InputError(
      `${path} is ${formatBytes(size)}; TitleMatch reads files up to ${formatBytes(maxBytes)}. Split it into smaller files, or keep only the columns and rows you need.`,
      'too-large',
      path,
    );
  }
  return size;
}

/** The first `n` bytes of a file (fewer when it is shorter). */
export async function readHead(path: string, n: number): Promise<Buffer> {
  try {
    const fh = await open(path, 'r');
    try {
      const buf = Buffer.alloc(n);
      const { bytesRead } = await fh.read(buf, 0, n, 0);
      return buf.subarray(0, bytesRead);
    } finally {
      await fh.close();
    }
  } catch (e) {
    throw inputFileError(path, e) ?? e;
  }
}
