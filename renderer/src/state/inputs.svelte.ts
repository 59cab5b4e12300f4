/** The two inputs of a match: which file, which sheet, which column, and what went wrong. */
import type { TaxonomyId } from '../../../electron/contract/taxonomy.js';
import type { MatchInput, Side, TableSummary } from '../../../electron/contract/types.js';
import { api, messageOf } from '../lib/api.js';

/** One side's import state. */
export interface InputState {
  summary: TableSummary | null;
  column: string | null;
  /** True while a file is being read. */
  loading: boolean;
  /** The last failure, shown next to the file. */
  error: string | null;
  /** The file that failed, so that the message can name it. */
  failedPath: string | null;
}

const empty = (): InputState => ({ summary: null, column: null, loading: false, error: null, failedPath: null });

/** Both sides. */
export const inputs = $state<Record<Side, InputState>>({ candidates: empty(), targets: empty() });

/** Reads a file for a side (the given sheet, else the first) and picks the suggested column. */
export function loadInput(side: Side, path: string, sheet: string | null = null, column: string | null = null): Promise<boolean> {
  const s = inputs[side];
  return reading(s, path, async () => {
    const summary = await api.loadTable({ side, path, sheet });
    // Another sheet of the same file keeps the chosen column when the sheet has it.
    const previous = s.summary?.path === path ? s.column : null;
    const has = (name: string | null): name is string => name !== null && summary.columns.some((c) => c.name === name);
    s.summary = summary;
    s.column = has(column) ? column : has(previous) ? previous : (summary.suggestedColumn ?? summary.columns[0]?.name ?? null);
  });
}

/** Runs a side's read: in progress meanwhile, and a failure kept next to the input (naming `failedPath`). */
async function reading(s: InputState, failedPath: string | null, read: () => Promise<void>): Promise<boolean> {
  s.loading = true;
  s.error = null;
  try {
    await read();
    s.failedPath = null;
    return true;
  } catch (error) {
    s.error = messageOf(error);
    s.failedPath = failedPath;
    return false;
  } finally {
    s.loading = false;
  }
}

/**
 * Matches against a taxonomy shipped with the app instead of a file: its occupations, each
 * matched through all its titles. A build without it says why, next to the choice.
 */
export function chooseTaxonomy(id: TaxonomyId): Promise<boolean> {
  const s = inputs.targets;
  return reading(s, null, async () => {
    const summary = await api.loadTaxonomy(id);
    s.summary = summary;
    s.column = summary.columns[0]?.name ?? null;
  });
}

/** Asks for a file with the system dialog, then reads it. */
export async function chooseInput(side: Side): Promise<void> {
  const s = inputs[side];
  let path: string | null;
  try {
    path = await api.pickTable(side);
  } catch (error) {
    s.error = messageOf(error);
    return;
  }
  if (path !== null) await loadInput(side, path);
}

/** Reads a file dropped on a side's drop zone. */
export async function dropInput(side: Side, file: File): Promise<void> {
  const path = api.pathForFile(file);
  if (!path) {
    inputs[side].error = `TitleMatch could not find where "${file.name}" is stored. Use the Open button instead.`;
    return;
  }
  await loadInput(side, path);
}

/** Reads another sheet of the side's workbook. */
export async function chooseSheet(side: Side, sheet: string): Promise<void> {
  const summary = inputs[side].summary;
  if (summary) await loadInput(side, summary.path, sheet);
}

/** Uses another column as the side's titles. */
export function chooseColumn(side: Side, column: string): void {
  inputs[side].column = column;
}

/** What a match request needs from a side, or null when it is not ready. */
export function matchInput(side: Side): MatchInput | null {
  const s = inputs[side];
  return s.summary && s.column ? { tableId: s.summary.tableId, column: s.column } : null;
}

/** Forgets both sides (for tests and a fresh start). */
export function resetInputs(): void {
  inputs.candidates = empty();
  inputs.targets = empty();
}
