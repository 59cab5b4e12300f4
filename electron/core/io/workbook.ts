import { inspectCfb } from './cfb.js';
import { buildTable } from './header.js';
import { MAX_COLUMNS } from './limits.js';
import { checkOdsNotEncrypted, readOds } from './ods.js';
import { RowCollector } from './rows.js';
import type { ContentKind } from './sniff.js';
import { InputError } from './types.js';
import type { ReadTableOptions, Table } from './types.js';
import { readXlsxSheet, readXlsxWorkbook } from './xlsx.js';
import type { MergedRange } from './xlsx.js';
import { ZipArchive } from './zip.js';

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

type ZipKind = 'xlsx' | 'ods';

/** Tells an XLSX from an ODS (or from the other things a ZIP can be) by the parts it holds. */
async function zipKind(zip: ZipArchive): Promise<ZipKind> {
  const { path } = zip;
  if (zip.has('mimetype')) {
    const mime = (await zip.text('mimetype')).trim();
    if (mime === 'application/vnd.oasis.opendocument.spreadsheet' || mime === 'application/vnd.oasis.opendocument.spreadsheet-template') return 'ods';
    if (mime.startsWith('application/vnd.oasis.opendocument.')) {
      throw new InputError(`${path} is an OpenDocument file but not a spreadsheet (${mime}). Give an .ods, .xlsx or .csv file.`, 'unsupported', path);
    }
  }
  if (zip.has('xl/workbook.bin')) {
    throw new InputError(
      `${path} is an Excel binary workbook (.xlsb), which TitleMatch does not read. Open it in Excel or LibreOffice and save it as .xlsx, then try again.`,
      'unsupported',
      path,
    );
  }
  if (zip.has('[content_types].xml')) {
    const names = zip.names();
    if (names.some((n) => n.startsWith('xl/'))) return 'xlsx';
    const what = names.some((n) => n.startsWith('word/')) ? 'a Word document' : names.some((n) => n.startsWith('ppt/')) ? 'a PowerPoint file' : 'an Office file';
    throw new InputError(`${path} is ${what}, not a spreadsheet. Give an .xlsx, .ods or .csv file.`, 'unsupported', path);
  }
  if (zip.has('content.xml')) return 'ods';
  throw new InputError(`${path} is a ZIP archive, not a spreadsheet. Unpack it, or give an .xlsx, .ods or .csv file.`, 'unsupported', path);
}

async function withZip<T>(path: string, work: (zip: ZipArchive, kind: ZipKind) => Promise<T>): Promise<T> {
  const zip = await ZipArchive.open(path, 'workbook (.xlsx or .ods)');
  try {
    const kind = await zipKind(zip);
    if (kind === 'ods') await checkOdsNotEncrypted(zip);
    return await work(zip, kind);
  } finally {
    zip.close();
  }
}

/** Picks the sheet asked for (exact name, else ignoring case) or, with none asked, the first. */
function pickSheet(path: string, sheets: string[], wanted: string | undefined, preferred: string | undefined): string {
  if (sheets.length === 0) throw new InputError(`${path} holds no sheets. Open it in a spreadsheet program and check its content.`, 'empty', path);
  if (wanted === undefined) return preferred ?? sheets[0];
  if (sheets.includes(wanted)) return wanted;
  const loose = sheets.find((s) => s.trim().toLowerCase() === wanted.trim().toLowerCase());
  if (loose !== undefined) return loose;
  throw new InputError(
    `${path} has no sheet "${wanted}". Its sheets are: ${sheets.map((s) => `"${s}"`).join(', ')}. Pass one of these names.`,
    'no-sheet',
    path,
  );
}

/** Most cells a table gets from merged areas; past it the rest of a huge merge stays blank. */
const MAX_MERGE_FILL = 5_000_000;

/** Gives every cell of a merged area the value of its top-left cell, as a person sees it. */
export function applyMerges(rows: string[][], merges: readonly MergedRange[]): boolean {
  let budget = MAX_MERGE_FILL;
  for (const m of merges) {
    const value = rows[m.top]?.[m.left];
    if (value === undefined || value === '') continue;
    const bottom = Math.min(m.bottom, rows.length - 1);
    const right = Math.min(m.right, MAX_COLUMNS - 1);
    for (let r = m.top; r <= bottom; r++) {
      const row = rows[r];
      for (let c = m.left; c <= right; c++) {
        if (r === m.top && c === m.left) continue;
        if (--budget < 0) return false;
        while (row.length < c) row.push('');
        if ((row[c] ?? '') === '') row[c] = value;
      }
    }
  }
  return true;
}

/** Reads one sheet of a ZIP (XLSX, ODS) or OLE2 (XLS, encrypted) workbook. */
export async function readWorkbookSheet(
  path: string,
  kind: Extract<ContentKind, 'zip' | 'cfb'>,
  options: ReadTableOptions,
  maxRows: number,
): Promise<Table> {
  if (kind === 'cfb') throw await cfbError(path);
  return withZip(path, async (zip, k) => {
    const warnings: string[] = [];
    let sheets: string[];
    let sheet: string;
    let merges: MergedRange[];
    let sink: RowCollector;
    if (k === 'xlsx') {
      const wb = await readXlsxWorkbook(zip);
      sheets = wb.sheets.map((s) => s.name);
      sheet = pickSheet(path, sheets, options.sheet, wb.sheets.find((s) => s.state === 'visible')?.name);
      const chosen = wb.sheets[sheets.indexOf(sheet)];
      sink = new RowCollector(path, maxRows, { text: ` (sheet "${sheet}")` });
      let uncalculated: number;
      ({ merges, uncalculated } = await readXlsxSheet(zip, chosen, wb.date1904, wb.part, sink));
      if (uncalculated > 0) {
        warnings.push(
          `${uncalculated} formula cell(s) have no saved value (the file was written by a program that does not calculate), so they read as blank. Open the file in Excel or LibreOffice, save it, and read it again to get their values.`,
        );
      }
    } else {
      // One pass over content.xml: the sheet is chosen as its table opens, so the collector names it late.
      // Without a name asked for, the first visible sheet, as for XLSX.
      const wanted = options.sheet?.trim().toLowerCase();
      const select = (name: string, hidden: boolean): boolean => (wanted === undefined ? !hidden : name === options.sheet || name.trim().toLowerCase() === wanted);
      const where = { text: '' };
      sink = new RowCollector(path, maxRows, where);
      const read = await readOds(zip, (name, _index, hidden) => {
        const yes = select(name, hidden);
        if (yes) where.text = ` (sheet "${name}")`;
        return yes;
      }, sink);
      sheets = read.sheets;
      sheet = read.chosen ?? pickSheet(path, sheets, options.sheet, undefined);
      merges = read.merges;
    }
    if (!applyMerges(sink.rows, merges)) warnings.push('A merged area is too large to fill: some of its cells read as blank.');
    const table = buildTable(sink.rows, { path, sheet, sheets, format: k }, maxRows, options.header);
    if (warnings.length > 0) table.warnings = warnings;
    return table;
  });
}
