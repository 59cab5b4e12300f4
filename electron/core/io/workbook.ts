import { inspectCfb } from './cfb.js';
import type { ContentKind } from './sniff.js';
import { InputError } from './types.js';
import type { ReadTableOptions, Table } from './types.js';

/** Explains why an OLE2 compound file cannot be read, naming the fix. */
async function cfbError(path: string): Promise<InputError> {
  const content = await inspectCfb(path);
  if (content === 'encrypted-ooxml') {
    return new InputError(
      `${path} is protected with a password. Open it in Excel or LibreOffice, remove the password (or save an unprotected copy), and try again.`,
      'encrypted',
      path,
    );
  }
  if (content === 'xls') {
    return new InputError(
      `${path} is a legacy Excel 97-2003 workbook (.xls), which TitleMatch does not read. Open it in Excel or LibreOffice and save it as .xlsx (or .ods, or .csv), then try again.`,
      'unsupported',
      path,
    );
  }
  return new InputError(
    `${path} is an Office compound file but not a workbook TitleMatch reads. Save the table as .xlsx, .ods or .csv and try again.`,
    'unsupported',
    path,
  );
}

/** Lists the sheets of a ZIP (XLSX, ODS) or OLE2 (XLS, encrypted) workbook. */
export async function listWorkbookSheets(path: string, kind: Extract<ContentKind, 'zip' | 'cfb'>): Promise<string[]> {
  if (kind === 'cfb') throw await cfbError(path);
  throw new InputError(`${path} is a workbook; reading XLSX and ODS is not available in this build yet. Save the sheet as CSV.`, 'unsupported', path);
}

/** Reads one sheet of a ZIP (XLSX, ODS) or OLE2 (XLS, encrypted) workbook. */
export async function readWorkbookSheet(
  path: string,
  kind: Extract<ContentKind, 'zip' | 'cfb'>,
  options: ReadTableOptions,
  maxRows: number,
): Promise<Table> {
  void options;
  void maxRows;
  await listWorkbookSheets(path, kind);
  throw new Error('unreachable');
}
