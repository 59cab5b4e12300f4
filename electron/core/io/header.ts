import { tooManyRows } from './rows.js';
import { InputError } from './types.js';
import type { Table } from './types.js';

const NUMBER = /^[-+(]?[$€£¥]?\s?\d[\d.,\s']*%?\)?$/;
const DATE = /^\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?$/;
const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;
const URL_LIKE = /^(?:https?:\/\/|www\.)/i;

/** True for a cell that a header would not hold: a number, a date, an e-mail address or a link. */
export function isDataLike(cell: string): boolean {
  const v = cell.trim();
  return NUMBER.test(v) || DATE.test(v) || EMAIL.test(v) || URL_LIKE.test(v);
}

/**
 * Whether a row is data rather than a header: it holds a number, date, e-mail or link, or one of
 * its values comes back further down the same column (a header is not repeated as a value).
 */
export function looksLikeData(first: readonly string[], next: readonly string[][]): boolean {
  if (first.some((c) => c.trim() !== '' && isDataLike(c))) return true;
  for (let col = 0; col < first.length; col++) {
    const v = first[col].trim();
    if (v === '') continue;
    let others = 0;
    let same = 0;
    for (const row of next) {
      const w = (row[col] ?? '').trim();
      if (w === '') continue;
      others++;
      if (w === v) same++;
    }
    if (others >= 3 && same > 0) return true;
  }
  return false;
}

/** Distinct non-empty values of a row. */
function distinctValues(row: readonly string[]): number {
  return new Set(row.map((c) => c.trim()).filter((c) => c !== '')).size;
}

/** A title line: one value alone in its row while the rows under it hold several. */
function isBanner(row: readonly string[], next: readonly string[][]): boolean {
  if (distinctValues(row) !== 1) return false;
  const widths = next.filter((r) => r.length > 0).map(distinctValues).sort((a, b) => a - b);
  return widths.length >= 2 && widths[Math.floor(widths.length / 2)] >= 2;
}

/** Header names from a header row: blanks become "Column N", repeats get " (2)", " (3)"... */
export function columnNames(header: readonly string[], width: number): string[] {
  const names: string[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < width; i++) {
    const raw = (header[i] ?? '').replace(/\s+/g, ' ').trim();
    const base = raw === '' ? `Column ${i + 1}` : raw;
    let name = base;
    for (let k = 2; seen.has(name.toLowerCase()); k++) name = `${base} (${k})`;
    seen.add(name.toLowerCase());
    names.push(name);
  }
  return names;
}

/** What a reader knows about the table besides its rows. */
export type TableMeta = Omit<Table, 'columns' | 'rows' | 'headerRow'>;

/**
 * Splits raw sheet rows into header and data. The header is the first non-blank row unless it
 * looks like data (or `header` says otherwise); blank rows keep their place; trailing blank rows
 * are dropped. Throws InputError for a table with no rows or past the row limit.
 */
export function buildTable(raw: string[][], meta: TableMeta, maxRows: number, header?: boolean): Table {
  let end = raw.length;
  while (end > 0 && raw[end - 1].length === 0) end--;
  const where = meta.sheet !== undefined ? ` (sheet "${meta.sheet}")` : '';
  if (end === 0) {
    const other = meta.sheets.length > 1 ? ` Pick another sheet: ${meta.sheets.map((s) => `"${s}"`).join(', ')}.` : ' Check that you picked the right file.';
    throw new InputError(`${meta.path}${where} has no rows.${other}`, 'empty', meta.path);
  }
  let first = 0;
  while (raw[first].length === 0) first++;
  // Skip title lines above the table ("Candidates, March 2024", often merged across the columns).
  for (let k = 0; k < 3 && header !== false; k++) {
    let next = first + 1;
    while (next < end && raw[next].length === 0) next++;
    if (next >= end || !isBanner(raw[first], raw.slice(next, next + 20)) || looksLikeData(raw[next], raw.slice(next + 1, next + 51))) break;
    first = next;
  }
  const hasHeader = header ?? !looksLikeData(raw[first], raw.slice(first + 1, first + 51));
  const rows = hasHeader ? raw.slice(first + 1, end) : raw.slice(0, end);
  if (rows.length > maxRows) throw tooManyRows(meta.path, maxRows, where);
  if (rows.every((r) => r.length === 0)) {
    throw new InputError(
      `${meta.path}${where} has a header row but no data rows under it. Add the rows to match, or pick the file or sheet that holds them.`,
      'empty',
      meta.path,
    );
  }
  let width = hasHeader ? raw[first].length : 0;
  for (const r of rows) if (r.length > width) width = r.length;
  const columns = columnNames(hasHeader ? raw[first] : [], width);
  return { ...meta, columns, rows, headerRow: hasHeader ? first + 1 : 0 };
}
