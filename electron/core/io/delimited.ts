import { createReadStream } from 'node:fs';
import { CsvParser, FieldTooLong, sniffDelimiter } from './csv-parser.js';
import type { Delimiter } from './csv-parser.js';
import { formatCount, MAX_CELL_CHARS } from './limits.js';
import type { RowCollector } from './rows.js';
import { bomEncoding, bomlessUtf16 } from './sniff.js';
import type { TextEncoding } from './sniff.js';
import { InputError } from './types.js';

/** How a delimited text file was read. */
export interface DelimitedInfo {
  encoding: TextEncoding;
  /** The delimiter found; undefined for a one-column file. */
  delimiter: Delimiter | undefined;
  /** True when the file ended inside a quoted field (the rest of the file became one cell). */
  unterminatedQuote: boolean;
  /** Where that quote opened (1-based record of the file), and whether the cell ran over line breaks. */
  unterminatedAt?: { record: number; spansLines: boolean };
  /** UTF-8 text with a few bytes that are not UTF-8: how many, and the line of the first. */
  invalidUtf8?: { bytes: number; firstLine: number };
}

/** The message for a cell past MAX_CELL_CHARS in a text file. */
function cellTooLong(path: string, e: FieldTooLong): InputError {
  const cause = e.quoted
    ? `the quote that opens it is probably never closed. Close it (a quote inside a cell is written twice: ""), or remove it, and try again.`
    : 'shorten that cell, or remove the column, and try again.';
  return new InputError(
    `${path}: the cell in line ${formatCount(e.record)}, column ${e.field} holds more than ${formatCount(MAX_CELL_CHARS)} characters, the most a spreadsheet cell holds; ${cause}`,
    'too-large',
    path,
  );
}

const SNIFF_CHARS = 64 * 1024;

class NotUtf8 extends Error {}

/**
 * Streams a delimited text file into `sink`, row by row. The encoding comes from the byte-order
 * mark, else UTF-16 by its zero bytes, else UTF-8 when every byte sequence is valid UTF-8, else
 * Windows-1252 (then the file is read again from the start: `reset` is called before that).
 */
export async function readDelimited(
  path: string,
  head: Uint8Array,
  extension: string,
  makeSink: () => RowCollector,
): Promise<{ info: DelimitedInfo; sink: RowCollector }> {
  const bom = bomEncoding(head);
  const guessed: TextEncoding = bom?.encoding ?? bomlessUtf16(head) ?? 'utf-8';
  const preferred: Delimiter | undefined = extension === 'tsv' || extension === 'tab' ? '\t' : undefined;
  try {
    const sink = makeSink();
    return { info: await pass(path, guessed, bom?.length ?? 0, preferred, sink, guessed === 'utf-8' && !bom), sink };
  } catch (e) {
    if (!(e instanceof NotUtf8)) throw e;
  }
  // Not UTF-8 throughout. A file in UTF-8 with a few stray bytes (one line pasted from a
  // Windows-1252 file) stays UTF-8, the stray bytes reading as U+FFFD and reported; a file with
  // no UTF-8 sequence at all is Windows-1252, as Excel saves CSV on Windows.
  const evidence = await utf8Evidence(path);
  const sink = makeSink();
  if (evidence.valid > 0 && evidence.valid >= evidence.invalid) {
    const info = await pass(path, 'utf-8', 0, preferred, sink, false);
    return { info: { ...info, invalidUtf8: { bytes: evidence.invalid, firstLine: evidence.firstLine } }, sink };
  }
  return { info: await pass(path, 'windows-1252', 0, preferred, sink, false), sink };
}

/** Counts the valid multi-byte UTF-8 sequences and the bytes that fit no sequence, with the line of the first. */
async function utf8Evidence(path: string): Promise<{ valid: number; invalid: number; firstLine: number }> {
  let valid = 0;
  let invalid = 0;
  let firstLine = 0;
  let line = 1;
  let need = 0; // continuation bytes still expected
  const stream = createReadStream(path, { highWaterMark: 1 << 20 });
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      for (const b of chunk) {
        if (need > 0) {
          if ((b & 0xc0) === 0x80) {
            if (--need === 0) valid++;
            continue;
          }
          need = 0;
          if (invalid++ === 0) firstLine = line;
        }
        if (b < 0x80) {
          if (b === 0x0a) line++;
        } else if (b >= 0xc2 && b <= 0xdf) need = 1;
        else if (b >= 0xe0 && b <= 0xef) need = 2;
        else if (b >= 0xf0 && b <= 0xf4) need = 3;
        else if (invalid++ === 0) firstLine = line;
      }
    }
  } finally {
    stream.destroy();
  }
  if (need > 0 && invalid++ === 0) firstLine = line;
  return { valid, invalid, firstLine };
}

async function pass(
  path: string,
  encoding: TextEncoding,
  skip: number,
  preferred: Delimiter | undefined,
  sink: RowCollector,
  fatal: boolean,
): Promise<DelimitedInfo> {
  const decoder = new TextDecoder(encoding, { fatal, ignoreBOM: true });
  let parser: CsvParser | undefined;
  let delimiter: Delimiter | undefined;
  let pending = '';
  const onRow = (cells: string[]): void => sink.add(cells);
  const start = (): CsvParser => {
    delimiter = sniffDelimiter(pending, preferred);
    // No delimiter splits the sample: one column, so nothing may split a row (NUL never occurs in text).
    const p = new CsvParser(delimiter ?? preferred ?? '\0', onRow, MAX_CELL_CHARS);
    p.push(pending);
    pending = '';
    return p;
  };
  const decode = (chunk?: Buffer): string => {
    try {
      return chunk ? decoder.decode(chunk, { stream: true }) : decoder.decode();
    } catch {
      throw new NotUtf8();
    }
  };
  const stream = createReadStream(path, { start: skip, highWaterMark: 1 << 20 });
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      const text = decode(chunk);
      if (parser) parser.push(text);
      else {
        pending += text;
        if (pending.length >= SNIFF_CHARS) parser = start();
      }
    }
    const rest = decode();
    parser ??= start();
    parser.push(rest);
    parser.end();
  } catch (e) {
    if (e instanceof FieldTooLong) throw cellTooLong(path, e);
    throw e;
  } finally {
    stream.destroy();
  }
  return { encoding, delimiter, unterminatedQuote: parser.unterminatedQuote, unterminatedAt: parser.unterminatedAt };
}
