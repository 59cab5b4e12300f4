/** The match service: what main (through a worker) and the end-to-end tests call. */
import type { TaxonomyId } from '../../contract/taxonomy.js';
import type {
  DecisionChange,
  DecisionsImported,
  EngineStatus,
  ExportRequest,
  MatchProgress,
  MatchRequest,
  MatchResult,
  OpenedProject,
  ProviderChoice,
  SaveProjectRequest,
  SavedDecisions,
  TableSummary,
} from '../../contract/types.js';

/** A report ready to print: its HTML, the title its pages carry, and the files it must not replace. */
export interface PrintableReport {
  html: string;
  title: string;
  inputs: string[];
}

/** Cancellation and progress for a long call. */
export interface CallOptions {
  signal?: AbortSignal;
  onProgress?: (progress: MatchProgress) => void;
}

/** Imports, matching, reports and projects, behind one interface, in-process or in a worker. */
export interface MatchService {
  /** Loads the model if needed; resolves with 'ready' or 'failed', never rejects. */
  engineStatus(): Promise<EngineStatus>;
  /** Reloads the engine on the chosen provider ('auto': measured fastest); refused while a match runs. */
  setProvider(choice: ProviderChoice): Promise<EngineStatus>;
  /**
   * Runs the model in `folder` (null: the bundled one), loaded and checked as the CLI's --model DIR
   * is; a folder that cannot be used rejects with ModelError and the model in use stays. Refused while a match runs.
   */
  setModel(folder: string | null): Promise<EngineStatus>;
  /** Reads a table in full and keeps it for matching and reports. */
  loadTable(path: string, sheet: string | null): Promise<TableSummary>;
  /** Loads a taxonomy shipped with the app as a table of its occupations, kept for matching; TaxonomyUnavailableError where the build has none. */
  loadTaxonomy(id: TaxonomyId): Promise<TableSummary>;
  /** Encodes both sides' distinct titles and ranks both ways. One run at a time. */
  match(request: MatchRequest, options?: CallOptions): Promise<MatchResult>;
  /** Writes a report of a kept result to `path` (XLSX, CSV or HTML; main prints the PDF). */
  exportResults(request: ExportRequest, path: string): Promise<void>;
  /** The printable report of a kept result, for main to print to PDF. */
  printableReport(request: ExportRequest): Promise<PrintableReport>;
  /** Saves a project file to `path`. */
  saveProject(path: string, request: SaveProjectRequest): Promise<void>;
  /** Opens a project file, reading its inputs again where they can be found. */
  openProject(path: string): Promise<OpenedProject>;
  /** The decisions saved for this user (core/adapter/store), or why their file cannot be read. */
  savedDecisions(): Promise<SavedDecisions>;
  /** Accepts, rejects or forgets (null) a pair in the saved decisions. */
  decide(change: DecisionChange): Promise<SavedDecisions>;
  /** Adds a decisions file (query, match, decision) to the saved decisions. */
  importDecisions(path: string): Promise<DecisionsImported>;
  /** Writes the saved decisions to `path` as the CSV titlematch tune reads; resolves with how many. */
  exportDecisions(path: string): Promise<number>;
  /** Forgets every saved decision; `kept` names the copy of a store file that could not be read. */
  clearDecisions(): Promise<{ kept: string | null; saved: SavedDecisions }>;
  /** Frees the model and the kept tables. */
  dispose(): Promise<void>;
}

/** The service methods callable across a message port, in a fixed order. */
export const SERVICE_METHODS = [
  'engineStatus',
  'setProvider',
  'setModel',
  'loadTable',
  'loadTaxonomy',
  'match',
  'exportResults',
  'printableReport',
  'saveProject',
  'openProject',
  'savedDecisions',
  'decide',
  'importDecisions',
  'exportDecisions',
  'clearDecisions',
  'dispose',
] as const satisfies readonly (keyof MatchService)[];

/** A service method name. */
export type ServiceMethod = (typeof SERVICE_METHODS)[number];
