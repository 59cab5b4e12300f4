import { MAX_COLUMNS, formatCount } from './limits.js';
import { InputError } from './types.js';

/** Thrown by a row sink to stop a reader early without an error (previews). */
export class StopReading extends Error {
  constructor() {
    super('stop reading');
    this.name = 'StopReading';
  }
}

/** True when every cell is empty or white space: a row a person sees as blank. */
export function isBlankRow(cells: readonly string[]): boolean {
  for (const c of cells) if (c.trim() !== '') return false;
  return true;
}

/**
 * Collects the raw rows of one table from a reader, in sheet order, blank rows kept as empty
 * arrays. It stops the read once the row limit is certainly passed (the header is not known yet,
 * so one extra row is allowed here and `buildTable` settles the exact count) or once a preview has
 * what it needs.
 */
export class RowCollector {
  readonly rows: string[][] = [];
  private leading = 0;
  private seenContent = false;
  /** True when the collector stopped at the preview size. */
  truncated = false;

  constructor(
    private readonly path: string,
    private readonly maxRows: number,
    private readonly previewRows: number | undefined,
    private readonly where = '',
  ) {}

  /** Accepts the next row of the sheet; throws InputError past a limit, StopReading for a preview. */
  add(cells: string[]): void {
    if (cells.length > MAX_COLUMNS) {
      throw new InputError(
        `${this.path}${this.where} has a row with ${formatCount(cells.length)} columns; TitleMatch reads at most ${formatCount(MAX_COLUMNS)}. Check that the file is a table (the delimiter may be wrong), or remove columns you do not need.`,
        'too-large',
        this.path,
      );
    }
    const blank = isBlankRow(cells);
    if (!this.seenContent) {
      if (blank) {
        this.leading++;
        this.rows.push([]);
        return;
      }
      this.seenContent = true;
    }
    const counted = this.rows.length - this.leading;
    if (this.previewRows !== undefined && counted >= this.previewRows + 1) {
      this.truncated = true;
      throw new StopReading();
    }
    if (counted >= this.maxRows + 1) throw tooManyRows(this.path, this.maxRows, this.where);
    this.rows.push(blank ? [] : cells);
  }

  /** Adds `count` blank rows (sheets skip rows that hold nothing). */
  addBlank(count: number): void {
    for (let i = 0; i < count; i++) this.add([]);
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
