/** What the import screen shows about a table. */
import { basename } from 'node:path';
import type { ColumnSummary, TableSummary } from '../../contract/types.js';
import { previewColumns, suggestTitleColumn, type Table } from '../io/index.js';

/** Rows of every column shown in the import preview. */
export const PREVIEW_ROWS = 8;

/** Summarises a table read in full: columns with samples and counts, preview, suggested column. */
export function summarizeTable(table: Table, tableId: string): TableSummary {
  const previews = previewColumns(table, 3);
  const columns: ColumnSummary[] = previews.map((p) => ({
    name: p.name,
    samples: p.samples,
    filled: p.filled,
    distinct: countDistinct(table, p.index),
  }));
  const preview: string[][] = [];
  for (const row of table.rows) {
    if (preview.length >= PREVIEW_ROWS) break;
    if (row.every((cell) => cell.trim() === '')) continue;
    preview.push(table.columns.map((_, i) => row[i] ?? ''));
  }
  return {
    tableId,
    path: table.path,
    fileName: basename(table.path),
    format: table.format ?? 'csv',
    sheet: table.sheet ?? null,
    sheets: table.sheets,
    columns,
    rowCount: table.rows.length,
    preview,
    suggestedColumn: suggestTitleColumn(table)?.name ?? null,
    encoding: table.encoding ?? null,
    warnings: table.warnings ?? [],
  };
}

function countDistinct(table: Table, column: number): number {
  const seen = new Set<string>();
  for (const row of table.rows) {
    const v = row[column]?.trim();
    if (v) seen.add(v);
  }
  return seen.size;
}
