/**
 * The `match` output: CSV with exactly query_row,query,rank,match_row,match,score, or JSON with the
 * same fields. Rows are produced lazily and written in chunks, so `--top all` on large files does
 * not build one huge string; files are written to a temporary name and renamed when complete.
 */
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Writable } from 'node:stream';

/** One line of the match output. */
export interface MatchRow {
  query_row: number;
  query: string;
  rank: number;
  match_row: number;
  match: string;
  score: number;
}

/** Output formats of `titlematch match`. */
export type OutputFormat = 'csv' | 'json';

/** The CSV header, in the contract's order. */
export const CSV_COLUMNS = ['query_row', 'query', 'rank', 'match_row', 'match', 'score'] as const;

/** RFC 4180 quoting: fields with a comma, quote or line break are quoted, quotes doubled. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Score with 4 decimals, never "-0.0000". */
export function formatScore(score: number): string {
  const s = score.toFixed(4);
  return s === '-0.0000' ? '0.0000' : s;
}

function csvLine(r: MatchRow): string {
  return `${r.query_row},${csvField(r.query)},${r.rank},${r.match_row},${csvField(r.match)},${formatScore(r.score)}\n`;
}

function jsonRecord(r: MatchRow): string {
  return JSON.stringify({ ...r, score: Number(formatScore(r.score)) });
}

/** Text chunks of the whole output, about 256 KB each. */
export function* renderOutput(rows: Iterable<MatchRow>, format: OutputFormat): Generator<string> {
  let chunk = format === 'csv' ? `${CSV_COLUMNS.join(',')}\n` : '[';
  let first = true;
  for (const r of rows) {
    if (format === 'csv') chunk += csvLine(r);
    else {
      chunk += `${first ? '\n' : ',\n'}${jsonRecord(r)}`;
      first = false;
    }
    if (chunk.length > 256 * 1024) {
      yield chunk;
      chunk = '';
    }
  }
  if (format === 'json') chunk += first ? ']\n' : '\n]\n';
  yield chunk;
}

async function writeChunks(stream: Writable, chunks: Iterable<string>): Promise<void> {
  for (const chunk of chunks) {
    if (!stream.write(chunk)) await new Promise<void>((resolve) => stream.once('drain', resolve));
  }
}

/** Writes to stdout, respecting back-pressure. */
export async function writeToStdout(chunks: Iterable<string>, stdout: Writable = process.stdout): Promise<void> {
  await writeChunks(stdout, chunks);
}

/** Writes a file atomically: a temporary file next to it, renamed into place once complete. */
export async function writeFileAtomic(path: string, chunks: Iterable<string>): Promise<void> {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  const stream = createWriteStream(tmp, { flags: 'wx' });
  const failed = new Promise<never>((_, reject) => stream.once('error', reject));
  failed.catch(() => undefined); // observed through the races below
  try {
    await Promise.race([writeChunks(stream, chunks), failed]);
    await Promise.race([new Promise<void>((resolve) => stream.end(resolve)), failed]);
    await rename(tmp, path);
  } catch (e) {
    stream.destroy();
    await rm(tmp, { force: true });
    throw e;
  }
}
