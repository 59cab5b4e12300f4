import { generalNumber } from './cellformat.js';
import { MAX_CELL_CHARS, MAX_COLUMNS } from './limits.js';
import { cellTooLong, columnLetters } from './rows.js';
import type { RowCollector } from './rows.js';
import { InputError } from './types.js';
import { XmlStream, attr } from './xml.js';
import { damaged } from './zip.js';
import type { ZipArchive } from './zip.js';
import type { MergedRange } from './xlsx.js';

const DESCRIBE = 'OpenDocument spreadsheet (.ods)';

/** Repeat counts above this are treated as "to the end of the sheet" (always empty in practice). */
const MAX_REPEAT = 1_048_576;

/** Throws when the package's manifest says its parts are encrypted (a password-protected file). */
export async function checkOdsNotEncrypted(zip: ZipArchive): Promise<void> {
  if (!zip.has('META-INF/manifest.xml')) return;
  const manifest = await zip.text('META-INF/manifest.xml');
  if (/<(?:\w+:)?encryption-data\b/.test(manifest)) {
    throw new InputError(
      `${zip.path} is protected with a password. Open it in LibreOffice, remove the password (File > Properties or Save As without a password), and try again.`,
      'encrypted',
      zip.path,
    );
  }
}

function count(v: string | undefined): number {
  const n = Number(v ?? '1');
  return Number.isInteger(n) && n >= 1 ? Math.min(n, MAX_REPEAT) : 1;
}

/** What reading an ODS file found. */
export interface OdsResult {
  sheets: string[];
  /** The sheet whose rows went to the collector, if any was selected. */
  chosen: string | undefined;
  merges: MergedRange[];
}

/**
 * Streams content.xml once: lists every table (sheet) and feeds the rows of the first one that
 * `select` accepts to the collector (`hidden`: the sheet is hidden in LibreOffice, by its style). Cells are the text LibreOffice displays (the <text:p> paragraphs), so numbers
 * and dates come as shown; comments (<office:annotation>) are left out; merged areas are returned
 * so the caller can give every covered cell the merged value.
 */
export async function readOds(
  zip: ZipArchive,
  select: (name: string, index: number, hidden: boolean) => boolean,
  sink: RowCollector,
): Promise<OdsResult> {
  const sheets: string[] = [];
  let chosen: string | undefined;
  const merges: MergedRange[] = [];
  let inTarget = false;
  let targetDone = false;
  let tableDepth = 0;
  let rowIndex = 0; // 0-based row of the target table
  let rowRepeat = 1;
  let cells: string[] = [];
  let col = 0;
  let cellRepeat = 1;
  let cellSpan: { cols: number; rows: number } | undefined;
  let covered = false;
  let cellValue: string | undefined; // office:value and friends, used when the cell has no text
  let paragraphs: string[] | undefined;
  let para: string[] | undefined;
  let annotation = 0;
  let inCell = false;
  let cellLength = 0;
  // Table styles that hide their sheet (<style:table-properties table:display="false"/>); they
  // come in the automatic styles, before the tables.
  const hiddenStyles = new Set<string>();
  let tableStyle: string | undefined;
  const tooLong = (): InputError => cellTooLong(zip.path, ` (sheet "${chosen ?? sheets.at(-1) ?? ''}"), cell ${columnLetters(col)}${rowIndex + 1},`);

  const addRows = (): void => {
    if (targetDone) return;
    const empty = cells.every((c) => c === '');
    if (empty) sink.addBlank(rowRepeat);
    else for (let i = 0; i < rowRepeat; i++) sink.add(i === 0 ? cells : [...cells]);
  };

  const addText = (t: string): void => {
    if (!para) return;
    para.push(t);
    if ((cellLength += t.length) > MAX_CELL_CHARS) throw tooLong();
  };

  const xml = new XmlStream({
    open: (name, attrs) => {
      if (tableDepth === 0) {
        if (name === 'style') tableStyle = attr(attrs, 'style:family') === 'table' ? attr(attrs, 'style:name') : undefined;
        else if (name === 'table-properties' && tableStyle !== undefined && attr(attrs, 'table:display') === 'false') hiddenStyles.add(tableStyle);
      }
      if (name === 'table') {
        tableDepth++;
        if (tableDepth === 1) {
          const sheetName = attr(attrs, 'table:name') ?? `Sheet${sheets.length + 1}`;
          sheets.push(sheetName);
          const hidden = hiddenStyles.has(attr(attrs, 'table:style-name') ?? '');
          inTarget = chosen === undefined && select(sheetName, sheets.length - 1, hidden);
          if (inTarget) chosen = sheetName;
          rowIndex = 0;
        }
        return;
      }
      if (!inTarget || tableDepth !== 1) return;
      if (annotation > 0) {
        if (name === 'annotation') annotation++;
        return;
      }
      switch (name) {
        case 'table-row':
          rowRepeat = count(attr(attrs, 'table:number-rows-repeated'));
          cells = [];
          col = 0;
          break;
        case 'table-cell':
        case 'covered-table-cell': {
          inCell = true;
          covered = name === 'covered-table-cell';
          cellRepeat = count(attr(attrs, 'table:number-columns-repeated'));
          const spanCols = count(attr(attrs, 'table:number-columns-spanned'));
          const spanRows = count(attr(attrs, 'table:number-rows-spanned'));
          cellSpan = !covered && (spanCols > 1 || spanRows > 1) ? { cols: spanCols, rows: spanRows } : undefined;
          cellValue =
            attr(attrs, 'office:string-value') ??
            attr(attrs, 'office:date-value') ??
            attr(attrs, 'office:time-value') ??
            attr(attrs, 'office:boolean-value')?.toUpperCase() ??
            (attr(attrs, 'office:value') !== undefined ? generalNumber(Number(attr(attrs, 'office:value'))) : undefined);
          paragraphs = undefined;
          cellLength = 0;
          break;
        }
        case 'annotation':
          annotation = 1;
          break;
        case 'p':
        case 'h':
          if (inCell) {
            paragraphs ??= [];
            para = [];
          }
          break;
        case 's':
          addText(' '.repeat(Math.min(count(attr(attrs, 'text:c')), 1000)));
          break;
        case 'tab':
          addText('\t');
          break;
        case 'line-break':
          addText('\n');
          break;
      }
    },
    close: (name) => {
      if (name === 'table') {
        tableDepth--;
        if (tableDepth === 0 && inTarget) {
          inTarget = false;
          targetDone = true;
        }
        return;
      }
      if (!inTarget || tableDepth !== 1) return;
      if (annotation > 0) {
        if (name === 'annotation') annotation--;
        return;
      }
      switch (name) {
        case 'p':
        case 'h':
          if (para && paragraphs) paragraphs.push(para.join(''));
          para = undefined;
          break;
        case 'table-cell':
        case 'covered-table-cell': {
          inCell = false;
          const text = covered ? '' : (paragraphs?.join('\n') ?? cellValue ?? '');
          if (cellSpan && text !== '') {
            merges.push({ top: rowIndex, left: col, bottom: rowIndex + cellSpan.rows - 1, right: Math.min(col + cellSpan.cols - 1, MAX_COLUMNS - 1) });
          }
          if (text !== '') {
            if (col + cellRepeat > MAX_COLUMNS) throw damaged(zip.path, DESCRIBE, new Error('a row runs past the last column'));
            while (cells.length < col) cells.push('');
            for (let i = 0; i < cellRepeat; i++) cells.push(text);
          }
          col += cellRepeat;
          break;
        }
        case 'table-row':
          addRows();
          rowIndex += rowRepeat;
          break;
      }
    },
    text: (t) => {
      if (annotation === 0) addText(t);
    },
  }, tooLong);
  try {
    await zip.stream('content.xml', (t) => xml.write(t));
    xml.end();
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw damaged(zip.path, DESCRIBE, e);
  }
  return { sheets, chosen, merges };
}
