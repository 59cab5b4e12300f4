import { openPromise } from 'yauzl';
import type { Entry, ZipFile } from 'yauzl';
import { InputError } from './types.js';

/** Largest part read from inside a workbook once decompressed (a guard against zip bombs). */
export const MAX_PART_BYTES = 2 * 1024 * 1024 * 1024;

/** Largest part read whole into memory (workbook.xml, styles, relationships, shared strings). */
export const MAX_SMALL_PART_BYTES = 512 * 1024 * 1024;

/** A workbook's ZIP container, opened once; part names are compared without case, as OPC says. */
export class ZipArchive {
  private constructor(
    private readonly zip: ZipFile,
    private readonly entries: Map<string, Entry>,
    readonly path: string,
    private readonly describe: string,
  ) {}

  /** Opens the archive and reads its directory; a damaged archive gives an InputError. */
  static async open(path: string, describe: string): Promise<ZipArchive> {
    let zip: ZipFile;
    try {
      zip = await openPromise(path, { autoClose: false, strictFileNames: false, validateEntrySizes: true });
    } catch (e) {
      throw damaged(path, describe, e);
    }
    const entries = new Map<string, Entry>();
    try {
      for await (const entry of zip.eachEntry()) {
        entries.set(entry.fileName.replace(/\\/g, '/').replace(/^\/+/, '').toLowerCase(), entry);
      }
    } catch (e) {
      zip.close();
      throw damaged(path, describe, e);
    }
    return new ZipArchive(zip, entries, path, describe);
  }

  /** True when the archive holds the part. */
  has(name: string): boolean {
    return this.entries.has(name.toLowerCase());
  }

  /** Every part name, lower-cased. */
  names(): string[] {
    return [...this.entries.keys()];
  }

  /** The uncompressed size a part declares. */
  size(name: string): number | undefined {
    return this.entries.get(name.toLowerCase())?.uncompressedSize;
  }

  /** Streams a part's text, decoded as UTF-8, to `onText`. */
  async stream(name: string, onText: (text: string) => void, maxBytes = MAX_PART_BYTES): Promise<void> {
    const entry = this.entries.get(name.toLowerCase());
    if (!entry) throw damaged(this.path, this.describe, new Error(`part ${name} is missing`));
    if (entry.isEncrypted()) {
      throw new InputError(
        `${this.path} is protected with a password. Open it, remove the password (or save an unprotected copy), and try again.`,
        'encrypted',
        this.path,
      );
    }
    if (entry.uncompressedSize > maxBytes) {
      throw new InputError(
        `${this.path} holds a part (${name}) too large to read once unpacked. Save the sheet you need in a smaller workbook, or as CSV.`,
        'too-large',
        this.path,
      );
    }
    const decoder = new TextDecoder('utf-8');
    let stream;
    try {
      stream = await this.zip.openReadStreamPromise(entry);
    } catch (e) {
      throw damaged(this.path, this.describe, e);
    }
    try {
      for await (const chunk of stream as AsyncIterable<Buffer>) onText(decoder.decode(chunk, { stream: true }));
    } catch (e) {
      if (e instanceof InputError) throw e;
      throw damaged(this.path, this.describe, e);
    } finally {
      stream.destroy();
    }
    onText(decoder.decode());
  }

  /** A whole part as text, for the small ones. */
  async text(name: string): Promise<string> {
    const parts: string[] = [];
    await this.stream(name, (t) => parts.push(t), MAX_SMALL_PART_BYTES);
    return parts.join('');
  }

  /** Releases the file. */
  close(): void {
    this.zip.close();
  }
}

/** The message for an archive that cannot be read. */
export function damaged(path: string, describe: string, cause: unknown): InputError {
  const why = cause instanceof Error ? ` (${cause.message})` : '';
  return new InputError(
    `${path} is not a readable ${describe}: the file is damaged or incomplete${why}. Open it in Excel or LibreOffice and save it again, or export the sheet as CSV.`,
    'corrupt',
    path,
  );
}
