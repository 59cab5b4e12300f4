import { readDelimited } from './delimited.js';
import { checkInputFile, inputFileError, readHead } from './files.js';
import { buildTable } from './header.js';
import { formatCount, MAX_FILE_BYTES, MAX_ROWS } from './limits.js';
import { RowCollector } from './rows.js';
import { contentKind, extensionOf } from './sniff.js';
import { InputError } from './types.js';
import type { ReadTableOptions, Table } from './types.js';
import { readWorkbookSheet } from './workbook.js';

export { InputError } from './types.js';
export type { ReadTableOptions, Table } from './types.js';
export { findColumn, headerReadsAsTitle, previewColumns, suggestTitleColumn } from './columns.js';
export { MAX_CELL_CHARS } from './limits.js';

const HEAD_BYTES = 64 * 1024;

/**
 * Reads one table from a CSV, TSV, XLSX or ODS file, whatever its extension says: the content
 * decides. Throws InputError, with a message that says what to do, for anything a user can fix.
 */
export async function readTable(path: string, options: ReadTableOptions = {}): Promise<Table> {
  const maxRows = options.maxRows ?? MAX_ROWS;
  await checkInputFile(path, options.maxBytes ?? MAX_FILE_BYTES);
  const head = await readHead(path, HEAD_BYTES);
  const ext = extensionOf(path);
  const kind = contentKind(head);
  try {
    if (kind === 'zip' || kind === 'cfb') {
      return await readWorkbookSheet(path, kind, options, maxRows);
    }
    if (kind === 'binary') throw binaryError(path, ext);
    if (options.sheet !== undefined) {
      throw new InputError(`${path} is a text file with no sheets; leave out the sheet option for it.`, 'no-sheet', path);
    }
    const holder: { sink?: RowCollector } = {};
    const makeSink = (): RowCollector => (holder.sink = new RowCollector(path, maxRows));
    const { info } = await readDelimited(path, head, ext, makeSink);
    const sink = holder.sink;
    if (!sink) throw new Error('reader finished without rows');
    const warnings: string[] = [];
    if (info?.unterminatedAt?.spansLines) {
      // The lines after the quote would all be one cell: rows lost and merged, so no table to trust.
      throw new InputError(
        `${path}: the quote that opens a cell in line ${formatCount(info.unterminatedAt.record)} is never closed, so every line after it would read as one cell. Close the quote (a quote inside a cell is written twice: ""), or remove it, and try again.`,
        'unclosed-quote',
        path,
      );
    }
    if (info?.invalidUtf8) {
      const { bytes, firstLine } = info.invalidUtf8;
      warnings.push(
        `${formatCount(bytes)} byte(s) are not valid UTF-8 (the first in line ${formatCount(firstLine)}) and read as "\uFFFD"; the rest of the file is UTF-8. Part of it was probably pasted from a file in another encoding: fix those characters and save the file as UTF-8.`,
      );
    }
    if (info?.unterminatedQuote) {
      warnings.push('A quoted field is never closed: everything after its opening quote was read as one cell. Check the quotes near the end of the file.');
    }
    const table = buildTable(sink.rows, { path, sheets: [], format: 'csv', encoding: info?.encoding, delimiter: info?.delimiter }, maxRows, options.header);
    if (warnings.length > 0) table.warnings = warnings;
    return table;
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw inputFileError(path, e) ?? e;
  }
}

function binaryError(path: string, ext: string): InputError {
  const claimed = ['xlsx', 'xlsm', 'xls', 'ods', 'csv', 'tsv', 'txt'].includes(ext) ? ` despite its .${ext} extension` : '';
  return new InputError(
    `${path} is not a table TitleMatch can read: it holds binary data${claimed}. Open it in the program that made it and save it as CSV, XLSX or ODS.`,
    'binary',
    path,
  );
}
