import { MAX_CELL_CHARS, MAX_CELLS, MAX_COLUMNS, formatCount } from './limits.js';
import { InputError } from './types.js';

/** True when every cell is empty or white space: a row a person sees as blank. */
export function isBlankRow(cells: readonly string[]): boolean {
  for (const c of cells) if (c.trim() !== '') return false;
  return true;
}

/**
 * Collects the raw rows of one table from a reader, in sheet order, blank rows kept as empty
 * arrays. Blank rows are counted and only stored once a row with content follows them, so that the
 * thousands of empty rows a sheet may carry at its end (formatting, repeated rows) cost nothing. It
 * stops the read once the row limit is certainly passed (the header is not known yet, so one extra
 * row is allowed here and `buildTable` settles the exact count) or once a preview has what it needs.
 */
export class RowCollector {
  readonly rows: string[][] = [];
  private leading = 0;
  private cells = 0;
  private pendingBlank = 0;

  constructor(
    private readonly path: string,
    private readonly maxRows: number,
    private readonly where: { text: string } = { text: '' },
  ) {}

  /** Accepts the next row of the sheet; throws InputError past a limit. */
  add(cells: string[]): void {
    if (isBlankRow(cells)) {
      this.pendingBlank++;
      return;
    }
    if (cells.length > MAX_COLUMNS) {
      throw new InputError(
        `${this.path}${this.where.text} has a row with ${formatCount(cells.length)} columns; TitleMatch reads at most ${formatCount(MAX_COLUMNS)}. Check that the file is a table (the delimiter may be wrong), or remove columns you do not need.`,
        'too-large',
        this.path,
      );
    }
    if (this.rows.length === this.leading) {
      // Nothing but blank rows so far: they sit above the header (or the first data row).
      if (this.pendingBlank > this.maxRows) throw tooManyRows(this.path, this.maxRows, this.where.text);
      for (; this.pendingBlank > 0; this.pendingBlank--) this.rows.push([]);
      this.leading = this.rows.length;
    }
    for (; this.pendingBlank > 0; this.pendingBlank--) this.push([]);
    // Trailing empty cells carry nothing: dropped, so that a CSV row and a sparse sheet row agree.
    let end = cells.length;
    while (end > 0 && cells[end - 1] === '') end--;
    if (end < cells.length) cells.length = end;
    this.push(cells);
  }

  /** Adds `count` blank rows (sheets skip rows that hold nothing). */
  addBlank(count: number): void {
    if (count > 0) this.pendingBlank += count;
  }

  /** Rows seen so far, blank ones included, as the sheet numbers them. */
  get seen(): number {
    return this.rows.length + this.pendingBlank;
  }

  private push(cells: string[]): void {
    const counted = this.rows.length - this.leading;
    if (counted >= this.maxRows + 1) throw tooManyRows(this.path, this.maxRows, this.where.text);
    if ((this.cells += cells.length) > MAX_CELLS) {
      throw new InputError(
        `${this.path}${this.where.text} has more than ${formatCount(MAX_CELLS)} cells (rows times columns, empty cells before the last filled one in each row included), the most TitleMatch reads from one table. Delete the columns and rows you do not need (or keep only the title column) and try again.`,
        'too-large',
        this.path,
      );
    }
    this.rows.push(cells);
  }
}

/** The message for a table past the row limit. */
export function tooManyRows(path: string, maxRows: number, where = ''): InputError {
  return new InputError(
    `${path}${where} has more than ${formatCount(maxRows)} data rows, the most TitleMatch reads from one table. Split it into smaller files, or delete rows you do not need, and try again.`,
    'too-large',
    path,
  );
}

/** The message for a cell past MAX_CELL_CHARS in a workbook; `where` says which (", sheet "A", cell B7"). */
export function cellTooLong(path: string, where: string): InputError {
  return new InputError(
    `${path}${where} holds more than ${formatCount(MAX_CELL_CHARS)} characters, the most a spreadsheet cell holds (job titles are short). Shorten that cell, or remove the column, and try again.`,
    'too-large',
    path,
  );
}

/** "B" for column index 1 (0-based), as spreadsheets name columns. */
export function columnLetters(col: number): string {
  let name = '';
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}
