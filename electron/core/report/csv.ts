import type { Writable } from 'node:stream';
import { put, writeAtomic } from '../files/atomic-write.js';
import { csvField, formatScore } from './csv-field.js';
import { directionColumns, directionRows } from './layout.js';
import type { ReportCell } from './layout.js';
import { neutralizeFormula } from './neutralize.js';
import type { MatchReport } from './types.js';

/**
 * A report cell as CSV text: numbers plain (scores and confidences as fractions with 4 decimals),
 * a bucket as its word, text neutralised then quoted.
 */
function csvCell(cell: ReportCell): string {
  if (typeof cell === 'string') return csvField(neutralizeFormula(cell));
  if ('bucket' in cell) return cell.bucket;
  return cell.format === 'integer' ? String(cell.number) : formatScore(cell.number);
}

/**
 * Streams a direction's table as CSV: UTF-8 with a byte-order mark (so Excel reads accents right),
 * CR LF line ends and RFC 4180 quoting, every text cell a spreadsheet would run as a formula
 * neutralised. Only the first direction goes in: a CSV file holds one table.
 */
export async function renderCsv(report: MatchReport, out: Writable): Promise<void> {
  const dir = report.directions[0];
  await put(out, '\uFEFF');
  await put(out, `${directionColumns(dir).map((c) => csvField(neutralizeFormula(c.header))).join(',')}\r\n`);
  let chunk = '';
  for (const row of directionRows(dir)) {
    chunk += `${row.map(csvCell).join(',')}\r\n`;
    if (chunk.length >= 1 << 16) {
      await put(out, chunk);
      chunk = '';
    }
  }
  if (chunk !== '') await put(out, chunk);
}

/** Writes the CSV report to `path` atomically. */
export async function writeCsvReport(path: string, report: MatchReport): Promise<void> {
  await writeAtomic(path, (out) => renderCsv(report, out));
}
