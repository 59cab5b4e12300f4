import { createReadStream } from 'node:fs';
import { CsvParser, sniffDelimiter } from './csv-parser.js';
import type { Delimiter } from './csv-parser.js';
import type { RowCollector } from './rows.js';
import { bomEncoding, bomlessUtf16 } from './sniff.js';
import type { TextEncoding } from './sniff.js';

/** How a delimited text file was read. */
export interface DelimitedInfo {
  encoding: TextEncoding;
  /** The delimiter found; undefined for a one-column file. */
  delimiter: Delimiter | undefined;
  /** True when the file ended inside a quoted field (the rest of the file became one cell). */
  unterminatedQuote: boolean;
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
  const sink = makeSink();
  return { info: await pass(path, 'windows-1252', 0, preferred, sink, false), sink };
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
    const p = new CsvParser(delimiter ?? preferred ?? '\0', onRow);
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
  } finally {
    stream.destroy();
  }
  return { encoding, delimiter, unterminatedQuote: parser.unterminatedQuote };
}
