/**
 * The first step of the match pipeline: a column's titles. The CLI reads a file and keeps every
 * row with a title (`readTitles`: its CSV and JSON list each row); the app groups a kept table's
 * column into its distinct titles with the rows that carry each (`distinctTitles`), so a title
 * shared by many people is encoded and ranked once and its rows all carry its matches.
 */
import { findColumn, headerReadsAsTitle, InputError, readTable, suggestTitleColumn, type Table } from '../io/index.js';

/** Titles of one column, with their 1-based data row numbers; empty cells are skipped. */
export interface TitleList {
  table: Table;
  column: string;
  titles: string[];
  rows: number[];
}

/** Picks the title column: the one named, else the one that looks like job titles, else the only one. */
export function titleColumn(table: Table, named: string | undefined, option: string): number {
  if (named !== undefined) return findColumn(table, named);
  const suggested = suggestTitleColumn(table);
  if (suggested) return suggested.index;
  throw new InputError(
    `${table.path} has several columns and none looks like job titles: ${table.columns.map((c) => `"${c}"`).join(', ')}. Name the one to use with ${option}.`,
    'no-column',
    table.path,
  );
}

/**
 * Reads a file's titles (blank rows counted in row numbers). The first row is the header, except in
 * a one-column list whose first row reads as a title (no header saved): then it is data, and a
 * note says so. `notes` gets what a person should know that does not stop the run.
 */
export async function readTitles(path: string, named: string | undefined, option: string, sheet?: string, notes: string[] = []): Promise<TitleList> {
  let table = await readTable(path, { header: true, sheet });
  if (named === undefined && headerReadsAsTitle(table)) {
    const first = table.columns[0];
    table = await readTable(path, { header: false, sheet });
    notes.push(`${path} has no header row: its first row "${first}" reads as a job title, so it is matched too, as row 1. If it is the column's name, say so with ${option} "${first}".`);
  }
  for (const w of table.warnings ?? []) notes.push(`${path}${table.sheet !== undefined ? ` (sheet "${table.sheet}")` : ''}: ${w}`);
  const col = titleColumn(table, named, option);
  const titles: string[] = [];
  const rows: number[] = [];
  table.rows.forEach((cells, i) => {
    const v = cells[col];
    if (v === undefined || v.trim() === '') return;
    titles.push(v);
    rows.push(i + 1);
  });
  if (titles.length === 0) {
    throw new InputError(`${path}: column "${table.columns[col]}" has no titles (every cell is empty). Pick another column with ${option}, or fill it in.`, 'empty', path);
  }
  return { table, column: table.columns[col], titles, rows };
}

/** The distinct titles of a column and the rows that carry each. */
export interface DistinctTitles {
  /** Trimmed, non-empty, in order of first appearance. */
  titles: string[];
  /** For each title, how many rows carry it. */
  rowCounts: number[];
  /** For each title, its 0-based data rows, in file order. */
  rows: number[][];
}

/** Groups a column's rows by their trimmed title; blank cells are skipped. */
export function distinctTitles(table: Table, columnName: string): DistinctTitles {
  const column = findColumn(table, columnName);
  const at = new Map<string, number>();
  const titles: string[] = [];
  const rows: number[][] = [];
  table.rows.forEach((row, r) => {
    const v = row[column]?.trim();
    if (!v) return;
    let i = at.get(v);
    if (i === undefined) {
      i = titles.length;
      at.set(v, i);
      titles.push(v);
      rows.push([]);
    }
    rows[i].push(r);
  });
  return { titles, rowCounts: rows.map((r) => r.length), rows };
}
