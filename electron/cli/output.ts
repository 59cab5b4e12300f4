/**
 * The `match` output: CSV with exactly query_row,query,rank,match_row,match,score, or JSON with the
 * same fields plus model_score, seniority_query and seniority_match and, where the model has a
 * calibration, confidence and bucket. Rows are produced lazily and written in chunks, so `--top all` on large files does
 * not build one huge string; files are written atomically by core/files/atomic-write.ts.
 */
import type { Writable } from 'node:stream';
import type { Bucket } from '../contract/confidence.js';
import type { SeniorityLevel } from '../contract/seniority.js';
import { put } from '../core/files/atomic-write.js';
import { csvField, formatScore } from '../core/report/csv-field.js';

/** One line of the match output; confidence and bucket where the model has a calibration (JSON only). */
export interface MatchRow {
  query_row: number;
  query: string;
  rank: number;
  match_row: number;
  match: string;
  /** The score the ranking used: the model's, less what --seniority prefer took off. */
  score: number;
  /** The model's cosine score, and the seniority level of each title (JSON and reports only). */
  model_score?: number;
  seniority_query?: SeniorityLevel;
  seniority_match?: SeniorityLevel;
  confidence?: number;
  bucket?: Bucket;
}

/** Output formats of `titlematch match`. */
export type OutputFormat = 'csv' | 'json';

/** The CSV header, in the contract's order. */
export const CSV_COLUMNS = ['query_row', 'query', 'rank', 'match_row', 'match', 'score'] as const;

function csvLine(r: MatchRow): string {
  return `${r.query_row},${csvField(r.query)},${r.rank},${r.match_row},${csvField(r.match)},${formatScore(r.score)}\n`;
}

function jsonRecord(r: MatchRow): string {
  return JSON.stringify({ ...r, score: Number(formatScore(r.score)), ...(r.model_score === undefined ? {} : { model_score: Number(formatScore(r.model_score)) }), ...(r.confidence === undefined ? {} : { confidence: Number(formatScore(r.confidence)) }) });
}

/** Text chunks of the whole output, about 256 KB each. */
export function renderOutput(rows: Iterable<MatchRow>, format: OutputFormat): Generator<string> {
  return renderRecords(rows, format, CSV_COLUMNS, csvLine, jsonRecord);
}

/** Text chunks of rows as CSV (the header, then a line per row) or as a JSON array, about 256 KB each. */
export function* renderRecords<R>(rows: Iterable<R>, format: OutputFormat, header: readonly string[], csvLineOf: (r: R) => string, jsonOf: (r: R) => string): Generator<string> {
  let chunk = format === 'csv' ? `${header.join(',')}\n` : '[';
  let first = true;
  for (const r of rows) {
    if (format === 'csv') chunk += csvLineOf(r);
    else {
      chunk += `${first ? '\n' : ',\n'}${jsonOf(r)}`;
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

/** Writes the chunks to a stream, respecting back-pressure; rejects when the stream fails. */
export async function writeChunks(stream: Writable, chunks: Iterable<string>): Promise<void> {
  for (const chunk of chunks) await put(stream, chunk);
}

/** Writes to stdout, respecting back-pressure. */
export async function writeToStdout(chunks: Iterable<string>, stdout: Writable = process.stdout): Promise<void> {
  await writeChunks(stdout, chunks);
}
