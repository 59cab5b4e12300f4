/** Largest input file read, in bytes (200 MB). */
export const MAX_FILE_BYTES = 200 * 1024 * 1024;

/** Largest number of data rows read from one table. */
export const MAX_ROWS = 1_000_000;

/**
 * Most cells kept from one table, empty ones up to the last filled cell of each row included: a
 * million rows of 30 columns. Workbooks are compressed, and a file of a few hundred bytes can
 * describe a billion cells (an ODS row repeated 900,000 times across 16,000 columns); past this
 * the reader stops with a message instead of running out of memory.
 */
export const MAX_CELLS = 30_000_000;

/** Largest number of columns kept from one table (Excel's own limit is 16,384). */
export const MAX_COLUMNS = 16_384;

/**
 * Longest cell read, in characters: Excel's own limit per cell (32,767). A longer cell is no job
 * title and no spreadsheet holds it (in a CSV it is almost always a quote that is never closed),
 * so the reader stops with a message instead of holding, and later encoding, megabytes of text.
 */
export const MAX_CELL_CHARS = 32_767;

/** Human-readable size, for messages ("200 MB"). */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round(bytes / (1024 * 1024))} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}

/** Thousands-separated count, for messages ("1,000,000"). */
export function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}
