/**
 * What each invoke method does: one to a few lines that hand over to the match service, the
 * dialogs or the recent-files list. No Electron import here (only types), so the end-to-end tests
 * run these same handlers in plain Node with their own dialogs.
 */
import type { EngineStatus, ExportFormat, MatchProgress, RecentFile, Side } from '../contract/types.js';
import { explainMatch } from '../core/service/explain.js';
import { ServiceError } from '../core/service/errors.js';
import type { MatchService } from '../core/service/types.js';
import type { Handlers } from './ipc.js';

/** The system dialogs the handlers need; each resolves with a path, or null when cancelled. */
export interface Dialogs {
  openTable(side: Side): Promise<string | null>;
  openProject(): Promise<string | null>;
  saveReport(format: ExportFormat, suggestedName: string): Promise<string | null>;
  saveProject(suggestedName: string): Promise<string | null>;
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
  /** Pushes match progress to the window. */
  sendProgress: (progress: MatchProgress) => void;
  /** Opens a file in the system's program for it; resolves with an error text, '' on success. */
  openPath: (path: string) => Promise<string>;
}

const DATE = (): string => new Date().toISOString().slice(0, 10);

/** Builds the handler of every invoke method. */
export function createHandlers(deps: HandlerDeps): Handlers {
  const { service, dialogs, recent } = deps;
  let run: AbortController | undefined;
  let projectPath: string | null = null;

  return {
    engineStatus: () => deps.engineStatus(),
    pickTable: (side) => dialogs.openTable(side),
    async loadTable({ side, path, sheet }) {
      const summary = await service.loadTable(path, sheet);
      recent.add({ path, kind: side });
      return summary;
    },
    async match(request) {
      if (run) throw new ServiceError('busy', 'A match is already running. Wait for it to finish or cancel it.');
      const controller = (run = new AbortController());
      try {
        return await service.match(request, { signal: controller.signal, onProgress: deps.sendProgress });
      } finally {
        run = undefined;
      }
    },
    cancelMatch() {
      if (!run) return false;
      run.abort();
      return true;
    },
    explain: ({ query, match }) => explainMatch(query, match),
    async exportResults(request) {
      const path = await dialogs.saveReport(request.format, `titlematch-matches-${DATE()}.${request.format}`);
      if (path === null) return null;
      await service.exportResults(request, path);
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
  };
}
