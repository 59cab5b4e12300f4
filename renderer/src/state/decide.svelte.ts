/**
 * What the recruiter does with decisions: accept, reject or undo a pair of the shown result, turn
 * the adapter on or off, and import, export or clear the saved decisions. Each change ranks the
 * shown match again in the worker (the window stays live); the engine pins and hides pairs.
 */
import type { DecisionEntry, SavedDecisions, Verdict } from '../../../electron/contract/types.js';
import { api, messageOf } from '../lib/api.js';
import { baseName, plural } from '../lib/format.js';
import { decisions, matchDecisions } from './decisions.svelte.js';
import { replaceResult, results } from './results.svelte.js';
import { run } from './run.svelte.js';
import { ui } from './ui.svelte.js';

function useSaved(saved: SavedDecisions): void {
  decisions.saved = saved.decisions;
  decisions.savedPath = saved.path;
  decisions.storeError = saved.error;
}

/** Reads the saved decisions (once, at start). */
export async function loadSavedDecisions(): Promise<void> {
  try {
    useSaved(await api.savedDecisions());
  } catch (error) {
    decisions.error = messageOf(error);
  }
}

const samePair = (d: DecisionEntry, query: string, match: string): boolean => (d.query === query && d.match === match) || (d.query === match && d.match === query);

/**
 * Accepts, rejects or forgets (null) a pair: in the project at once, in the saved decisions, then
 * ranks again. A pair decided before from the other side keeps that side's reading.
 */
export async function decide(query: string, match: string, verdict: Verdict | null): Promise<void> {
  decisions.error = null;
  const earlier = [...decisions.project, ...decisions.saved].find((d) => samePair(d, query, match));
  const pair = earlier ? { query: earlier.query, match: earlier.match } : { query, match };
  decisions.project = [...decisions.project.filter((d) => !samePair(d, query, match)), ...(verdict ? [{ ...pair, decision: verdict }] : [])];
  try {
    useSaved(await api.decide({ ...pair, decision: verdict }));
  } catch (error) {
    decisions.error = `The decision is kept in this project, not in your saved decisions: ${messageOf(error)}`;
  }
  await rankAgain();
}

let again = false;

/** Ranks the shown match again with the decisions as they are now; a change made meanwhile ranks once more after it. */
export async function rankAgain(): Promise<void> {
  if (!results.current) return;
  if (run.status !== 'idle' || decisions.adapting) {
    again = true;
    return;
  }
  decisions.adapting = true;
  run.status = 'running';
  try {
    do {
      again = false;
      const shown = results.current;
      const result = await api.match({
        candidates: { tableId: shown.candidates.tableId, column: shown.candidates.column },
        targets: { tableId: shown.targets.tableId, column: shown.targets.column },
        topK: shown.topK,
        seniority: shown.seniority,
        ...matchDecisions(),
      });
      replaceResult(result);
    } while (again);
  } catch (error) {
    decisions.error = `Could not rank again with the decisions: ${messageOf(error)}`;
  } finally {
    decisions.adapting = false;
    run.status = 'idle';
  }
}

/** Turns ranking with the decisions on or off (the decisions are kept either way). */
export async function setAdapt(on: boolean): Promise<void> {
  if (decisions.adapt === on) return;
  decisions.adapt = on;
  await rankAgain();
}

async function busy(what: 'import' | 'export' | 'clear', work: () => Promise<void>): Promise<void> {
  if (decisions.busy) return;
  decisions.busy = what;
  decisions.error = null;
  try {
    await work();
  } catch (error) {
    decisions.error = messageOf(error);
  } finally {
    decisions.busy = null;
  }
}

/** Adds a decisions file (a team's, or an earlier export) to the saved decisions. */
export function importDecisions(): Promise<void> {
  return busy('import', async () => {
    const r = await api.importDecisions();
    if (r === null) return;
    useSaved(r.saved);
    ui.notice = `Imported ${plural(r.imported, 'decision', 'decisions')} from ${baseName(r.path)}${r.notes.length > 0 ? ` (${r.notes.join(' ')})` : ''}`;
    await rankAgain();
  });
}

/** Writes the saved decisions as the CSV titlematch tune reads. */
export function exportDecisions(): Promise<void> {
  return busy('export', async () => {
    const path = await api.exportDecisions();
    if (path !== null) ui.notice = `Exported ${plural(decisions.saved.length, 'decision', 'decisions')} to ${baseName(path)}`;
  });
}

/** Forgets the saved decisions (the project's own stay with the project). */
export function clearDecisions(): Promise<void> {
  return busy('clear', async () => {
    const r = await api.clearDecisions();
    useSaved(r.saved);
    ui.notice = r.kept ? `Saved decisions cleared; the file that could not be read is kept as ${baseName(r.kept)}` : 'Saved decisions cleared';
    await rankAgain();
  });
}
