/**
 * The one typed API between main, preload and renderer. The preload implements `TitleMatchApi`
 * and exposes it as `window.titlematch`; main registers one handler per invoke method.
 */
import type { Result } from './result.js';
import type { TaxonomyId } from './taxonomy.js';
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
  ModelChoice,
  ProviderChoice,
  RecentFile,
  SaveProjectRequest,
  SavedDecisions,
  Side,
  TableSummary,
} from './types.js';

/** Stops a subscription made with one of the `onX` methods. */
export type Unsubscribe = () => void;

/** Everything the renderer can ask of the app. */
export interface TitleMatchApi {
  /** The model and execution provider, or why the engine could not start. */
  engineStatus(): Promise<Result<EngineStatus>>;
  /** Sets where the engine runs (remembered for next time), reloads it there and says how it went. */
  setProvider(choice: ProviderChoice): Promise<Result<EngineStatus>>;
  /** Asks for a model folder with the system's folder dialog; null when the person cancels. */
  pickModelFolder(): Promise<Result<string | null>>;
  /**
   * Sets the model (a folder, or null for the bundled one), checked as `--model DIR` is and
   * remembered for next time; reloads the engine. A folder that cannot be used fails with the
   * CLI's message, and the model in use stays.
   */
  setModel(folder: string | null): Promise<Result<EngineStatus>>;
  /**
   * Sets which bundled model reads the titles ('auto': the English or the multilingual model,
   * picked for each run by the titles' language), remembered for next time.
   */
  setModelChoice(choice: ModelChoice): Promise<Result<EngineStatus>>;
  /** Asks for a spreadsheet with the system's open dialog; null when the person cancels. */
  pickTable(side: Side): Promise<Result<string | null>>;
  /** Reads a spreadsheet (the given sheet, else the first) for one side and summarises it. */
  loadTable(request: { side: Side; path: string; sheet: string | null }): Promise<Result<TableSummary>>;
  /**
   * Loads a taxonomy shipped with the app as the side to match against: its occupations as a table,
   * matched through all their titles. Fails with code 'taxonomy-unavailable', saying why, in a build without it.
   */
  loadTaxonomy(id: TaxonomyId): Promise<Result<TableSummary>>;
  /** Encodes and matches off the main thread; progress arrives through `onMatchProgress`. */
  match(request: MatchRequest): Promise<Result<MatchResult>>;
  /** Stops the running match (it then answers with code 'cancelled'); false when none runs. */
  cancelMatch(): Promise<Result<boolean>>;
  /** Why two titles matched: normalised forms, expansions, shared words, seniority. */
  explain(request: { query: string; match: string }): Promise<Result<MatchExplanation>>;
  /** Writes a report of a match after a save dialog; the path written, or null when cancelled. */
  exportResults(request: ExportRequest): Promise<Result<string | null>>;
  /** Saves the work as a project file; the path written, or null when cancelled. */
  saveProject(request: SaveProjectRequest): Promise<Result<string | null>>;
  /** Opens a project file (the given one, else one chosen in a dialog); null when cancelled. */
  openProject(request: { path: string | null }): Promise<Result<OpenedProject | null>>;
  /** The decisions saved for this user, which apply to every project. */
  savedDecisions(): Promise<Result<SavedDecisions>>;
  /** Accepts, rejects or forgets (null) one pair in the saved decisions; refused while their file cannot be read. */
  decide(change: DecisionChange): Promise<Result<SavedDecisions>>;
  /** Adds a decisions file (query, match, decision) chosen in a dialog to the saved decisions; null when cancelled. */
  importDecisions(): Promise<Result<DecisionsImported | null>>;
  /** Writes the saved decisions as the CSV titlematch tune reads, after a save dialog; the path, or null when cancelled. */
  exportDecisions(): Promise<Result<string | null>>;
  /** Forgets every saved decision (a file that could not be read is kept beside it, named in `kept`). */
  clearDecisions(): Promise<Result<{ kept: string | null; saved: SavedDecisions }>>;
  /** Files opened lately, newest first. */
  recentFiles(): Promise<Result<RecentFile[]>>;
  /** The path of a file dropped on the window (local, synchronous, no message to main). */
  pathForFile(file: File): string;
  /** Progress of the running match. */
  onMatchProgress(listener: (progress: MatchProgress) => void): Unsubscribe;
  /** Engine status changes (loading, ready, failed). */
  onEngineStatus(listener: (status: EngineStatus) => void): Unsubscribe;
  /** Requests from the menu, a file association or a second launch. */
  onCommand(listener: (command: AppCommand) => void): Unsubscribe;
}

/** The methods the preload answers itself (pathForFile) or that subscribe to main's events. */
type LocalMethod = 'pathForFile' | 'onMatchProgress' | 'onEngineStatus' | 'onCommand';

/** A method that is one message to main: every other method of the API. */
export type InvokeMethod = Exclude<keyof TitleMatchApi, LocalMethod>;

/**
 * The invoke methods at run time (types are gone then): main registers a handler for each, the
 * preload and the renderer's API are made from this list, so a method is declared in the interface
 * above and named here, and nowhere else (the table fails to compile when one is missing or unknown).
 */
const INVOKE_TABLE = {
  engineStatus: true,
  setProvider: true,
  pickModelFolder: true,
  setModel: true,
  setModelChoice: true,
  pickTable: true,
  loadTable: true,
  loadTaxonomy: true,
  match: true,
  cancelMatch: true,
  explain: true,
  exportResults: true,
  saveProject: true,
  openProject: true,
  recentFiles: true,
  savedDecisions: true,
  decide: true,
  importDecisions: true,
  exportDecisions: true,
  clearDecisions: true,
} as const satisfies Record<InvokeMethod, true>;

/** The invoke methods, in a fixed order. */
export const INVOKE_METHODS = Object.keys(INVOKE_TABLE) as InvokeMethod[];

/** The argument list of an invoke method. */
export type InvokeArgs<M extends InvokeMethod> = Parameters<TitleMatchApi[M]>;

/** What an invoke method's result carries when it succeeds. */
export type InvokeValue<M extends InvokeMethod> =
  Awaited<ReturnType<TitleMatchApi[M]>> extends Result<infer T> ? T : never;

/** Events main pushes to the window, and their payloads. */
export interface EventPayloads {
  matchProgress: MatchProgress;
  engineStatus: EngineStatus;
  command: AppCommand;
}

/** An event main pushes. */
export type EventName = keyof EventPayloads;

/** The IPC channel of an invoke method; prefixed so that no other code's channel can collide. */
export function invokeChannel(method: InvokeMethod): string {
  return `titlematch:invoke:${method}`;
}

/** The IPC channel of an event. */
export function eventChannel(event: EventName): string {
  return `titlematch:event:${event}`;
}
