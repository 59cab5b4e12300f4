import { extname } from 'node:path';
import { InputError } from '../io/types.js';
import { checkOutputPath } from '../files/output-path.js';
import { writeCsvReport } from './csv.js';
import { writeHtmlReport } from './html.js';
import type { HtmlOptions } from './html.js';
import type { MatchReport, ReportFormat } from './types.js';
import { writeXlsxReport } from './xlsx.js';

export type { MatchFacets, MatchReport, ReportDirection, ReportFormat, ReportMatch } from './types.js';
export { neutralizeFormula } from './neutralize.js';
export { renderHtml, renderHtmlString } from './html.js';
export { printTitle } from './facts.js';
export type { HtmlOptions } from './html.js';

/** The report format a file name asks for: .xlsx, .csv, .html/.htm; undefined otherwise. */
export function reportFormatOf(path: string): ReportFormat | undefined {
  const ext = extname(path).toLowerCase();
  if (ext === '.xlsx') return 'xlsx';
  if (ext === '.csv') return 'csv';
  if (ext === '.html' || ext === '.htm') return 'html';
  return undefined;
}

/** Where a report goes and what it must not overwrite. */
export interface WriteReportOptions {
  format?: ReportFormat;
  /** Files the report was made from: writing over one of them is refused. */
  inputs?: readonly string[];
  html?: HtmlOptions;
}

/**
 * Writes a match report, atomically, in the format asked for (else the one the extension names).
 * Throws InputError, before anything is written, for an output that is an input, a folder, in a
 * missing folder, locked by another program, or a format it cannot tell.
 */
export async function writeReport(path: string, report: MatchReport, options: WriteReportOptions = {}): Promise<void> {
  const format = options.format ?? reportFormatOf(path);
  if (format === undefined) {
    throw new InputError(`Cannot tell the report format from ${path}: name it .xlsx, .csv or .html, or give the format.`, 'format', path);
  }
  if (report.directions.length === 0) throw new Error('a report needs at least one direction');
  const target = await checkOutputPath(path, options.inputs ?? report.directions.flatMap((d) => [d.query.table.path, d.corpus.table.path]));
  if (format === 'xlsx') await writeXlsxReport(target, report);
  else if (format === 'csv') await writeCsvReport(target, report);
  else await writeHtmlReport(target, report, options.html);
}
