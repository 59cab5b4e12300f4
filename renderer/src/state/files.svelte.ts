/** Export, project save and project open: each with its in-progress state and its failure. */
import { DEFAULT_SENIORITY } from '../../../electron/contract/seniority.js';
import type { ExportFormat, ProjectInput, Side } from '../../../electron/contract/types.js';
import { api, messageOf } from '../lib/api.js';
import { decisions, matchDecisions } from './decisions.svelte.js';
import { baseName } from '../lib/format.js';
import { inputs, matchInput } from './inputs.svelte.js';
import { results, showResult } from './results.svelte.js';
import { run } from './run.svelte.js';
import { ui } from './ui.svelte.js';

/** Files state. */
export const files = $state<{
  exporting: ExportFormat | null;
  exportError: string | null;
  lastExport: string | null;
  openAfterExport: boolean;
  saving: boolean;
  saveError: string | null;
  opening: boolean;
  openError: string | null;
  projectPath: string | null;
}>({
  exporting: null,
  exportError: null,
  lastExport: null,
  openAfterExport: false,
  saving: false,
  saveError: null,
  opening: false,
  openError: null,
  projectPath: null,
});

/** Writes a report of the shown result, after the save dialog. */
export async function exportResults(format: ExportFormat): Promise<void> {
  const result = results.current;
  if (!result || files.exporting) return;
  files.exporting = format;
  files.exportError = null;
  try {
    const { direction, topK, threshold, buckets } = results.settings;
    const path = await api.exportResults({ runId: result.runId, format, direction, topK, threshold, buckets: [...buckets], openAfter: files.openAfterExport });
    if (path !== null) {
      files.lastExport = path;
      ui.notice = `Exported to ${baseName(path)}`;
    }
  } catch (error) {
    files.exportError = messageOf(error);
  } finally {
    files.exporting = null;
  }
}

/** Saves the inputs, settings and result as a project file. */
export async function saveProject(saveAs: boolean): Promise<void> {
  if (files.saving) return;
  files.saving = true;
  files.saveError = null;
  try {
    const { direction, topK, threshold } = results.settings;
    const { decisions: made, adapt } = matchDecisions();
    const path = await api.saveProject({
      candidates: matchInput('candidates'),
      targets: matchInput('targets'),
      settings: { direction, topK, threshold, seniority: run.seniority, ...(adapt ? {} : { adapt }) },
      runId: results.current?.runId ?? null,
      decisions: made,
      saveAs,
    });
    if (path !== null) {
      files.projectPath = path;
      ui.notice = `Project saved as ${baseName(path)}`;
    }
  } catch (error) {
    files.saveError = messageOf(error);
  } finally {
    files.saving = false;
  }
}

function restoreInput(side: Side, input: ProjectInput | null): void {
  const s = inputs[side];
  s.loading = false;
  if (!input) {
    s.summary = null;
    s.column = null;
    s.error = null;
    s.failedPath = null;
    return;
  }
  s.summary = input.table;
  s.column = input.table ? input.column : null;
  s.error = input.error ? input.error.message : null;
  s.failedPath = input.error ? input.path : null;
}

/** Opens a project file (the given one, else one chosen in a dialog) and shows it. */
export async function openProject(path: string | null = null): Promise<void> {
  if (files.opening) return;
  files.opening = true;
  files.openError = null;
  try {
    const project = await api.openProject({ path });
    if (project === null) return;
    restoreInput('candidates', project.candidates);
    restoreInput('targets', project.targets);
    files.projectPath = project.path;
    const { seniority, adapt, ...view } = project.settings;
    run.seniority = seniority ?? DEFAULT_SENIORITY;
    decisions.project = project.decisions;
    decisions.adapt = adapt ?? true;
    if (project.result) {
      showResult(project.result, view);
      ui.screen = 'results';
    } else {
      results.current = null;
      ui.screen = 'import';
    }
    ui.notice = `Opened ${baseName(project.path)}`;
  } catch (error) {
    files.openError = messageOf(error);
  } finally {
    files.opening = false;
  }
}
