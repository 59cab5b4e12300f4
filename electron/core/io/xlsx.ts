import { posix } from 'node:path';
import { builtinFormat, formatNumber, formatText, generalNumber, isDatePattern } from './cellformat.js';
import { MAX_CELL_CHARS, MAX_COLUMNS } from './limits.js';
import { cellTooLong, columnLetters } from './rows.js';
import type { RowCollector } from './rows.js';
import { InputError } from './types.js';
import { XmlStream, attr, attrLocal } from './xml.js';
import { damaged } from './zip.js';
import type { ZipArchive } from './zip.js';

/** One sheet of an XLSX workbook: its name and the ZIP part that holds it. */
export interface XlsxSheet {
  name: string;
  part: string;
  /** 'visible', 'hidden' or 'veryHidden', as the workbook says. */
  state: string;
}

/** What the workbook part says about the whole workbook. */
export interface XlsxWorkbook {
  sheets: XlsxSheet[];
  date1904: boolean;
}

/** A merged range, 0-based and inclusive. */
export interface MergedRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

const DESCRIBE = 'Excel workbook (.xlsx)';

/** Rows in an Excel sheet; a row number past it is ignored (the row is read in order). */
const MAX_SHEET_ROWS = 1_048_576;

/** Resolves a relationship target against the folder of the part that holds the relationship. */
function resolvePart(fromPart: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  return posix.normalize(posix.join(posix.dirname(fromPart), target)).replace(/^(\.\.\/)+/, '');
}

/** Reads a .rels part into id -> target part. */
async function relationships(zip: ZipArchive, relsPart: string, ownerPart: string): Promise<Map<string, { target: string; type: string }>> {
  const map = new Map<string, { target: string; type: string }>();
  if (!zip.has(relsPart)) return map;
  await parseWhole(zip, relsPart, {
    open: (name, attrs) => {
      if (name !== 'Relationship') return;
      const id = attr(attrs, 'Id');
      const target = attr(attrs, 'Target');
      if (id === undefined || target === undefined || attr(attrs, 'TargetMode') === 'External') return;
      map.set(id, { target: resolvePart(ownerPart, target), type: attr(attrs, 'Type') ?? '' });
    },
  });
  return map;
}

/** The relationships of a part: its _rels/<name>.rels. */
function partRelationships(zip: ZipArchive, part: string): Promise<Map<string, { target: string; type: string }>> {
  return relationships(zip, posix.join(posix.dirname(part), '_rels', `${posix.basename(part)}.rels`), part);
}

/** The related part whose type ends with typeSuffix, else the usual path; undefined when the file has neither. */
function relatedPart(zip: ZipArchive, rels: Map<string, { target: string; type: string }>, typeSuffix: string, usual: string): string | undefined {
  let part: string | undefined;
  for (const r of rels.values()) if (r.type.endsWith(typeSuffix)) part = r.target;
  part ??= usual;
  return zip.has(part) ? part : undefined;
}

async function parseWhole(zip: ZipArchive, part: string, handlers: ConstructorParameters<typeof XmlStream>[0], tooLong?: () => Error): Promise<void> {
  const xml = new XmlStream(handlers, tooLong);
  try {
    await zip.stream(part, (t) => xml.write(t));
    xml.end();
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw damaged(zip.path, DESCRIBE, e);
  }
}

/** The workbook part's path, from the package relationships (usually xl/workbook.xml). */
async function workbookPart(zip: ZipArchive): Promise<string> {
  const rels = await relationships(zip, '_rels/.rels', '');
  for (const r of rels.values()) if (r.type.endsWith('/officeDocument') && zip.has(r.target)) return r.target;
  if (zip.has('xl/workbook.xml')) return 'xl/workbook.xml';
  throw damaged(zip.path, DESCRIBE, new Error('no workbook part'));
}

/** Lists the sheets of an XLSX workbook and reads its date system. */
export async function readXlsxWorkbook(zip: ZipArchive): Promise<XlsxWorkbook & { part: string }> {
  const part = await workbookPart(zip);
  const rels = await partRelationships(zip, part);
  const sheets: XlsxSheet[] = [];
  let date1904 = false;
  await parseWhole(zip, part, {
    open: (name, attrs) => {
      if (name === 'workbookPr') {
        const v = attr(attrs, 'date1904');
        date1904 = v === '1' || v === 'true';
      } else if (name === 'sheet') {
        const rel = rels.get(attrLocal(attrs, 'id') ?? '');
        const sheetName = attr(attrs, 'name');
        // Chart sheets and dialog sheets hold no cells: list only worksheets.
        if (!rel || sheetName === undefined || !rel.type.endsWith('/worksheet')) return;
        sheets.push({ name: sheetName, part: rel.target, state: attr(attrs, 'state') ?? 'visible' });
      }
    },
  });
  if (sheets.length === 0) throw damaged(zip.path, DESCRIBE, new Error('the workbook lists no worksheets'));
  return { sheets, date1904, part };
}

/** The number format pattern of each cell style (index of cellXfs), from the styles part. */
async function readStyles(zip: ZipArchive, part: string | undefined): Promise<string[]> {
  if (part === undefined) return [];
  const custom = new Map<number, string>();
  const xfs: string[] = [];
  let inCellXfs = false;
  await parseWhole(zip, part, {
    open: (name, attrs) => {
      if (name === 'numFmt') {
        const id = Number(attr(attrs, 'numFmtId'));
        const code = attr(attrs, 'formatCode');
        if (Number.isInteger(id) && code !== undefined) custom.set(id, code);
      } else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'xf' && inCellXfs) {
        const id = Number(attr(attrs, 'numFmtId') ?? '0');
        xfs.push(custom.get(id) ?? builtinFormat(Number.isInteger(id) ? id : 0));
      }
    },
    close: (name) => {
      if (name === 'cellXfs') inCellXfs = false;
    },
  });
  return xfs;
}

/** Decodes the _xHHHH_ escapes OOXML uses for characters XML cannot hold. */
export function unescapeOoxml(s: string): string {
  if (!s.includes('_x')) return s;
  return s.replace(/_x([0-9A-Fa-f]{4})_/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** The shared strings table, from its part: plain and rich text, phonetic runs left out. */
async function readSharedStrings(zip: ZipArchive, part: string | undefined): Promise<string[]> {
  if (part === undefined) return [];
  const strings: string[] = [];
  let current: string[] | undefined;
  let length = 0;
  let inT = false;
  let phonetic = 0;
  const tooLong = (): InputError => cellTooLong(zip.path, `: text number ${strings.length + 1} of its shared strings (the texts its cells use)`);
  await parseWhole(zip, part, {
    open: (name) => {
      if (name === 'si') {
        current = [];
        length = 0;
      }
      else if (name === 'rPh') phonetic++;
      else if (name === 't' && current && phonetic === 0) inT = true;
    },
    close: (name) => {
      if (name === 't') inT = false;
      else if (name === 'rPh') phonetic--;
      else if (name === 'si' && current) {
        strings.push(unescapeOoxml(current.join('')));
        current = undefined;
      }
    },
    text: (t) => {
      if (inT && current) {
        current.push(t);
        if ((length += t.length) > MAX_CELL_CHARS) throw tooLong();
      }
    },
  }, tooLong);
  return strings;
}

/** "BC12" -> { col: 54, row: 11 } (0-based); undefined when malformed. */
export function parseCellRef(ref: string): { col: number; row: number } | undefined {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(ref);
  if (!m) return undefined;
  let col = 0;
  for (const ch of m[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { col: col - 1, row: Number(m[2]) - 1 };
}

/** "A1:C3" -> a merged range; undefined when malformed. */
export function parseRange(ref: string): MergedRange | undefined {
  const [a, b] = ref.split(':');
  const p = parseCellRef(a);
  const q = b === undefined ? p : parseCellRef(b);
  if (!p || !q) return undefined;
  return { top: Math.min(p.row, q.row), left: Math.min(p.col, q.col), bottom: Math.max(p.row, q.row), right: Math.max(p.col, q.col) };
}

/** What reading one sheet found besides its rows. */
export interface XlsxSheetResult {
  merges: MergedRange[];
  /** Formula cells that carry no saved value (the file was never calculated by a spreadsheet program). */
  uncalculated: number;
}

/** Streams the cells of one worksheet, row by row, into the collector. */
export async function readXlsxSheet(zip: ZipArchive, sheet: XlsxSheet, date1904: boolean, workbook: string, sink: RowCollector): Promise<XlsxSheetResult> {
  const rels = await partRelationships(zip, workbook);
  const [styles, shared] = await Promise.all([
    readStyles(zip, relatedPart(zip, rels, '/styles', 'xl/styles.xml')),
    readSharedStrings(zip, relatedPart(zip, rels, '/sharedStrings', 'xl/sharedStrings.xml')),
  ]);
  const merges: MergedRange[] = [];
  let uncalculated = 0;
  let nextRow = 0; // 0-based index of the next row the collector expects
  let rowIndex = -1;
  let cells: string[] = [];
  let col = -1;
  let cellType = 'n';
  let cellStyle = 0;
  let hasFormula = false;
  let value: string[] | undefined; // text of <v> or of the inline string's <t>
  let valueLength = 0;
  const tooLong = (): InputError => cellTooLong(zip.path, ` (sheet "${sheet.name}"), cell ${columnLetters(Math.max(col, 0))}${Math.max(rowIndex, nextRow) + 1},`);
  let inValue = false;
  let inInline = false;
  let inInlineText = false;
  let phonetic = 0;
  let inSheetData = false;

  const cellText = (raw: string): string => {
    const pattern = styles[cellStyle] ?? 'General';
    switch (cellType) {
      case 's': {
        const i = Number(raw);
        const s = Number.isInteger(i) && i >= 0 && i < shared.length ? shared[i] : '';
        return formatText(s, pattern);
      }
      case 'inlineStr':
      case 'str':
        return formatText(unescapeOoxml(raw), pattern);
      case 'b':
        return raw === '1' || raw === 'true' ? 'TRUE' : 'FALSE';
      case 'e':
        return raw;
      case 'd': {
        const ms = Date.parse(raw.endsWith('Z') || raw.length <= 10 ? raw : `${raw}Z`);
        if (Number.isNaN(ms)) return raw;
        const serial = ms / 86_400_000 + 25_569;
        return formatNumber(serial, isDatePattern(pattern) ? pattern : 'yyyy-mm-dd hh:mm:ss');
      }
      default: {
        const n = Number(raw);
        if (raw.trim() === '' || Number.isNaN(n)) return raw;
        return pattern === 'General' ? generalNumber(n) : formatNumber(n, pattern, date1904);
      }
    }
  };

  const flushRow = (): void => {
    if (rowIndex < 0) return;
    if (rowIndex < nextRow) rowIndex = nextRow; // rows out of order: keep them in reading order
    sink.addBlank(rowIndex - nextRow);
    sink.add(cells);
    nextRow = rowIndex + 1;
    rowIndex = -1;
    cells = [];
  };

  await parseWhole(zip, sheet.part, {
    open: (name, attrs) => {
      switch (name) {
        case 'sheetData':
          inSheetData = true;
          break;
        case 'row': {
          if (!inSheetData) break;
          flushRow();
          const r = Number(attr(attrs, 'r'));
          rowIndex = Number.isInteger(r) && r >= 1 && r <= MAX_SHEET_ROWS ? r - 1 : nextRow;
          col = -1;
          break;
        }
        case 'c': {
          if (!inSheetData) break;
          if (rowIndex < 0) rowIndex = nextRow; // a cell outside any <row>: tolerated
          const ref = attr(attrs, 'r');
          const pos = ref === undefined ? undefined : parseCellRef(ref);
          col = pos ? pos.col : col + 1;
          if (col >= MAX_COLUMNS) throw damaged(zip.path, DESCRIBE, new Error(`cell ${ref ?? ''} lies past the last column`));
          cellType = attr(attrs, 't') ?? 'n';
          const s = Number(attr(attrs, 's') ?? '0');
          cellStyle = Number.isInteger(s) && s >= 0 ? s : 0;
          hasFormula = false;
          value = undefined;
          break;
        }
        case 'f':
          hasFormula = true;
          break;
        case 'v':
          if (col >= 0) {
            inValue = true;
            value = [];
            valueLength = 0;
          }
          break;
        case 'is':
          if (col >= 0) {
            inInline = true;
            value = [];
            valueLength = 0;
          }
          break;
        case 't':
          if (inInline && phonetic === 0) inInlineText = true;
          break;
        case 'rPh':
          phonetic++;
          break;
        case 'mergeCell': {
          const range = parseRange(attr(attrs, 'ref') ?? '');
          if (range && range.right < MAX_COLUMNS) merges.push(range);
          break;
        }
      }
    },
    close: (name) => {
      switch (name) {
        case 'v':
          inValue = false;
          break;
        case 'is':
          inInline = false;
          break;
        case 't':
          inInlineText = false;
          break;
        case 'rPh':
          phonetic--;
          break;
        case 'c':
          if (col >= 0) {
            const raw = value?.join('') ?? '';
            // A formula with no saved value: written by a program that does not calculate.
            if (hasFormula && raw === '' && cellType !== 'str') uncalculated++;
            const text = value === undefined ? '' : cellText(raw);
            if (text !== '') {
              while (cells.length < col) cells.push('');
              cells[col] = text;
            }
          }
          value = undefined;
          break;
        case 'row':
          flushRow();
          break;
        case 'sheetData':
          flushRow();
          inSheetData = false;
          break;
      }
    },
    text: (t) => {
      if (value && (inValue || inInlineText)) {
        value.push(t);
        if ((valueLength += t.length) > MAX_CELL_CHARS) throw tooLong();
      }
    },
  }, tooLong);
  flushRow();
  return { merges, uncalculated };
}
