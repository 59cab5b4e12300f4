/**
 * What each invoke method does: one to a few lines that hand over to the match service, the
 * dialogs or the recent-files list. No Electron import here (only types), so the end-to-end tests
 * run these same handlers in plain Node with their own dialogs.
 */
import type { EngineStatus, ExportFormat, ExportRequest, MatchProgress, ModelChoice, ProviderChoice, RecentFile, Side } from '../contract/types.js';
import { writePdfReport } from '../core/report/pdf.js';
import { explainMatch } from '../core/service/explain.js';
import type { LanguageProfile } from '../core/text/language.js';
import { cancelled, matchBusy, modelBusy, providerBusy } from '../core/service/errors.js';
import type { MatchService } from '../core/service/types.js';
import type { Handlers } from './ipc.js';

/** The system dialogs the handlers need; each resolves with a path, or null when cancelled. */
export interface Dialogs {
  openTable(side: Side): Promise<string | null>;
  openModelFolder(): Promise<string | null>;
  openProject(): Promise<string | null>;
  saveReport(format: ExportFormat, suggestedName: string): Promise<string | null>;
  saveProject(suggestedName: string): Promise<string | null>;
  /** A decisions file to import (CSV, TSV, XLSX or ODS with query, match, decision). */
  openDecisions(): Promise<string | null>;
  /** Where to export the saved decisions (CSV). */
  saveDecisions(suggestedName: string): Promise<string | null>;
}

/** Files opened lately. */
export interface RecentList {
  add(file: RecentFile): void;
  list(): RecentFile[];
}

/** Everything the handlers delegate to. */
export interface HandlerDeps {
  service: MatchService;
  dialogs: Dialogs;
  recent: RecentList;
  /** The engine status as last known (main loads the engine at start and pushes changes). */
  engineStatus: () => Promise<EngineStatus>;
  /** Remembers where the engine runs, reloads it there and pushes the new status. */
  setProvider: (choice: ProviderChoice) => Promise<EngineStatus>;
  /** Loads the model in a folder (null: the bundled one), remembers it once it loaded and pushes the new status. */
  setModel: (folder: string | null) => Promise<EngineStatus>;
  /** Sets which bundled model reads the titles, remembers it and pushes the new status. */
  setModelChoice: (choice: ModelChoice) => Promise<EngineStatus>;
  /** Pushes the engine status again (after a match: the bundled model it picked for the titles' language runs now). */
  refreshStatus: () => Promise<unknown>;
  /** The title language detector the explanation uses (beside the multilingual model); undefined where there is none. */
  languageProfile: () => Promise<LanguageProfile | undefined>;
  /** Pushes match progress to the window. */
  sendProgress: (progress: MatchProgress) => void;
  /** Opens a file in the system's program for it; resolves with an error text, '' on success. */
  openPath: (path: string) => Promise<string>;
  /** Prints a report's HTML to PDF with the browser engine; `title` goes in every page's footer. */
  printPdf: (html: string, title: string) => Promise<Uint8Array>;
}

/** Where the bundled-model choice is remembered (AppSettings in the app); false when it could not be saved. */
export interface ModelChoiceSetting {
  setModelChoice(choice: ModelChoice): boolean;
}

/** Where the provider setting is remembered (AppSettings in the app); false when it could not be saved. */
export interface ProviderSetting {
  setProvider(choice: ProviderChoice): boolean;
}

/** Where the model setting is remembered (AppSettings in the app); false when it could not be saved. */
export interface ModelSetting {
  setModelFolder(folder: string | null): boolean;
}

/** The engine status as main last pushed it. */
interface StatusCell {
  get(): EngineStatus;
  set(next: EngineStatus): void;
}

/**
 * An engine setting change: pushes 'loading' with the new setting, has the service reload the
 * engine, remembers the setting once the service took it, and pushes the new status (the previous
 * one again when the service refused: a match running, a model folder that cannot be used).
 */
function switchSetting<T>(apply: (value: T) => Promise<EngineStatus>, remember: (value: T) => void, loading: (value: T) => Partial<EngineStatus>, status: StatusCell): (value: T) => Promise<EngineStatus> {
  return async (value) => {
    const before = status.get();
    status.set({ ...before, ...loading(value), state: 'loading' });
    try {
      const next = await apply(value);
      remember(value);
      status.set(next);
      return next;
    } catch (error) {
      status.set(before);
      throw error;
    }
  };
}

/** The provider switch main and the end-to-end harness share. */
export function switchProvider(service: MatchService, setting: ProviderSetting, status: StatusCell): (choice: ProviderChoice) => Promise<EngineStatus> {
  return switchSetting((choice) => service.setProvider(choice), (choice) => setting.setProvider(choice), (choice) => ({ choice }), status);
}

/** The model switch main and the end-to-end harness share: a folder is remembered only once its model loaded. */
export function switchModel(service: MatchService, setting: ModelSetting, status: StatusCell): (folder: string | null) => Promise<EngineStatus> {
  return switchSetting((folder) => service.setModel(folder), (folder) => setting.setModelFolder(folder), (folder) => ({ modelFolder: folder, modelNotice: null }), status);
}

/** The bundled-model switch main and the end-to-end harness share. */
export function switchModelChoice(service: MatchService, setting: ModelChoiceSetting, status: StatusCell): (choice: ModelChoice) => Promise<EngineStatus> {
  return switchSetting((choice) => service.setModelChoice(choice), (choice) => setting.setModelChoice(choice), (modelChoice) => ({ modelChoice }), status);
}

/** A PDF report: the service's printable report, printed by the browser engine, written atomically. */
async function exportPdf(service: MatchService, printPdf: HandlerDeps['printPdf'], request: ExportRequest, path: string): Promise<void> {
  const printable = await service.printableReport(request);
  await writePdfReport(path, await printPdf(printable.html, printable.title), printable.inputs);
}

const DATE = (): string => new Date().toISOString().slice(0, 10);

/** Builds the handler of every invoke method. */
export function createHandlers(deps: HandlerDeps): Handlers {
  const { service, dialogs, recent } = deps;
  let run: AbortController | undefined;
  let projectPath: string | null = null;

  return {
    engineStatus: () => deps.engineStatus(),
    async setProvider(choice) {
      if (run) throw providerBusy();
      return deps.setProvider(choice);
    },
    pickModelFolder: () => dialogs.openModelFolder(),
    async setModel(folder) {
      if (run) throw modelBusy();
      return deps.setModel(folder);
    },
    async setModelChoice(choice) {
      if (run) throw modelBusy();
      return deps.setModelChoice(choice);
    },
    pickTable: (side) => dialogs.openTable(side),
    async loadTable({ side, path, sheet }) {
      const summary = await service.loadTable(path, sheet);
      recent.add({ path, kind: side });
      return summary;
    },
    loadTaxonomy: (id) => service.loadTaxonomy(id),
    async match(request) {
      if (run) throw matchBusy();
      const controller = (run = new AbortController());
      try {
        const result = await service.match(request, { signal: controller.signal, onProgress: deps.sendProgress });
        await deps.refreshStatus().catch(() => undefined);
        return result;
      } finally {
        run = undefined;
      }
    },
    cancelMatch() {
      if (!run) return false;
      run.abort(cancelled());
      return true;
    },
    explain: async ({ query, match }) => explainMatch(query, match, await deps.languageProfile()),
    async exportResults(request) {
      const path = await dialogs.saveReport(request.format, `titlematch-matches-${DATE()}.${request.format}`);
      if (path === null) return null;
      if (request.format === 'pdf') await exportPdf(service, deps.printPdf, request, path);
      else await service.exportResults(request, path);
      if (request.openAfter) await deps.openPath(path);
      return path;
    },
    async saveProject(request) {
      const path = request.saveAs || projectPath === null ? await dialogs.saveProject(`titlematch-project-${DATE()}.titlematch`) : projectPath;
      if (path === null) return null;
      await service.saveProject(path, request);
      projectPath = path;
      recent.add({ path, kind: 'project' });
      return path;
    },
    async openProject({ path }) {
      const chosen = path ?? (await dialogs.openProject());
      if (chosen === null) return null;
      const project = await service.openProject(chosen);
      projectPath = chosen;
      recent.add({ path: chosen, kind: 'project' });
      return project;
    },
    recentFiles: () => recent.list(),
    savedDecisions: () => service.savedDecisions(),
    decide: (change) => service.decide(change),
    async importDecisions() {
      const path = await dialogs.openDecisions();
      return path === null ? null : service.importDecisions(path);
    },
    async exportDecisions() {
      const path = await dialogs.saveDecisions(`titlematch-decisions-${DATE()}.csv`);
      if (path !== null) await service.exportDecisions(path);
      return path;
    },
    clearDecisions: () => service.clearDecisions(),
  };
}
