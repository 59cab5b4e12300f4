/**
 * The renderer's one way to the engine: the bridge's methods, with `{ ok: false }` answers turned
 * into thrown ApiFailure (code and message kept). Tests put a stand-in on `window.titlematch`.
 */
import type { Result } from '../../../electron/contract/result.js';
import type { TitleMatchApi, Unsubscribe } from '../../../electron/contract/api.js';
import type { TaxonomyId } from '../../../electron/contract/taxonomy.js';
import type {
  AppCommand,
  DecisionChange,
  DecisionsImported,
  EngineStatus,
  ExportRequest,
  MatchExplanation,
  MatchProgress,
  MatchRequest,
  MatchResult,
  OpenedProject,
  ProviderChoice,
  RecentFile,
  SaveProjectRequest,
  SavedDecisions,
  Side,
  TableSummary,
} from '../../../electron/contract/types.js';

/** A call that failed; `message` is meant for the person using the app. */
export class ApiFailure extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiFailure';
  }
}

function bridge(): TitleMatchApi {
  const b = window.titlematch;
  if (!b) throw new ApiFailure('no-bridge', 'TitleMatch is not connected to its engine. Start it from the TitleMatch app.');
  return b;
}

async function unwrap<T>(answer: Promise<Result<T>>): Promise<T> {
  const r = await answer;
  if (r.ok) return r.value;
  throw new ApiFailure(r.error.code, r.error.message);
}

/** The text to show for a failed call. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** True when a call failed because the person cancelled it. */
export function isCancelled(error: unknown): boolean {
  return error instanceof ApiFailure && error.code === 'cancelled';
}

/** Everything the renderer asks of the app. */
export const api = {
  engineStatus: (): Promise<EngineStatus> => unwrap(bridge().engineStatus()),
  setProvider: (choice: ProviderChoice): Promise<EngineStatus> => unwrap(bridge().setProvider(choice)),
  pickModelFolder: (): Promise<string | null> => unwrap(bridge().pickModelFolder()),
  setModel: (folder: string | null): Promise<EngineStatus> => unwrap(bridge().setModel(folder)),
  pickTable: (side: Side): Promise<string | null> => unwrap(bridge().pickTable(side)),
  loadTable: (side: Side, path: string, sheet: string | null): Promise<TableSummary> => unwrap(bridge().loadTable({ side, path, sheet })),
  loadTaxonomy: (id: TaxonomyId): Promise<TableSummary> => unwrap(bridge().loadTaxonomy(id)),
  match: (request: MatchRequest): Promise<MatchResult> => unwrap(bridge().match(request)),
  cancelMatch: (): Promise<boolean> => unwrap(bridge().cancelMatch()),
  explain: (query: string, match: string): Promise<MatchExplanation> => unwrap(bridge().explain({ query, match })),
  exportResults: (request: ExportRequest): Promise<string | null> => unwrap(bridge().exportResults(request)),
  saveProject: (request: SaveProjectRequest): Promise<string | null> => unwrap(bridge().saveProject(request)),
  openProject: (path: string | null): Promise<OpenedProject | null> => unwrap(bridge().openProject({ path })),
  recentFiles: (): Promise<RecentFile[]> => unwrap(bridge().recentFiles()),
  savedDecisions: (): Promise<SavedDecisions> => unwrap(bridge().savedDecisions()),
  decide: (change: DecisionChange): Promise<SavedDecisions> => unwrap(bridge().decide(change)),
  importDecisions: (): Promise<DecisionsImported | null> => unwrap(bridge().importDecisions()),
  exportDecisions: (): Promise<string | null> => unwrap(bridge().exportDecisions()),
  clearDecisions: (): Promise<{ kept: string | null; saved: SavedDecisions }> => unwrap(bridge().clearDecisions()),
  /** The local path of a dropped file; '' when the system gives none. */
  pathForFile: (file: File): string => bridge().pathForFile(file),
  onMatchProgress: (listener: (p: MatchProgress) => void): Unsubscribe => bridge().onMatchProgress(listener),
  onEngineStatus: (listener: (s: EngineStatus) => void): Unsubscribe => bridge().onEngineStatus(listener),
  onCommand: (listener: (c: AppCommand) => void): Unsubscribe => bridge().onCommand(listener),
};
