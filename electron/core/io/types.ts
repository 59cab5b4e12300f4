/** One table read from a spreadsheet or delimited text file, with the header split off. */
export interface Table {
  /** The file the table came from. */
  path: string;
  /** The sheet read, for workbooks; undefined for CSV/TSV. */
  sheet?: string;
  /** Every sheet in the workbook, in order; empty for CSV/TSV. */
  sheets: string[];
  /** Header names, in column order (blank headers become "Column N"). */
  columns: string[];
  /**
   * Data rows, header excluded, blank rows included as empty arrays so that row numbers stay those
   * a person sees in a spreadsheet program (row 1 = first data row). Cells are text as displayed.
   */
  rows: string[][];
  /** How the bytes were decoded, for the summary ("utf-8", "utf-16le", "windows-1252", ...). */
  encoding?: string;
  /** The delimiter found, for delimited text. */
  delimiter?: string;
  /** The file's format as detected from its content. */
  format?: TableFormat;
  /**
   * The 1-based row of the sheet (or line-record of the text file) that held the header; 0 when
   * the table has no header row. Data row n sits on sheet row `headerRow + n`.
   */
  headerRow?: number;
  /** Things a person should know that did not stop the read (an unterminated quote, ...). */
  warnings?: string[];
}

/** The formats the reader understands. */
export type TableFormat = 'csv' | 'xlsx' | 'ods';

/** Options for reading a table. */
export interface ReadTableOptions {
  /** Sheet name to read from a workbook; the first sheet when absent. */
  sheet?: string;
  /** Cap on data rows, to keep the app alive on huge files (an error names the limit past it). */
  maxRows?: number;
  /** Cap on file size in bytes (an error names the limit past it). */
  maxBytes?: number;
  /** Whether the first non-empty row is a header; detected when absent. */
  header?: boolean;
}

/** Error raised for input a user can fix; `message` says what is wrong and what to do. */
export class InputError extends Error {
  constructor(
    message: string,
    /** Machine-readable reason, e.g. 'not-found', 'empty', 'no-column', 'encoding', 'corrupt', 'too-large'. */
    readonly code: string,
    /** The file the message is about, when there is one. */
    readonly path?: string,
  ) {
    super(message);
    this.name = 'InputError';
  }
}
