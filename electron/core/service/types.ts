/** The match service: what main (through a worker) and the end-to-end tests call. */
import type { TaxonomyId } from '../../contract/taxonomy.js';
import type { Table } from '../io/index.js';
import type { DistinctTitles } from '../pipeline/titles.js';
import type {
  DecisionChange,
  DecisionsImported,
  EngineStatus,
  ExportRequest,
  MatchProgress,
  MatchRequest,
  ModelChoice,
  MatchResult,
  OpenedProject,
  ProviderChoice,
  SaveProjectRequest,
  SavedDecisions,
  TableSummary,
} from '../../contract/types.js';

/** A table kept for matching and reports. */
export interface KeptTable {
  id: string;
  table: Table;
}

/** A finished result with what reports need besides it. */
export interface KeptResult {
  result: MatchResult;
  candidates: { table: Table; titles: DistinctTitles };
  targets: { table: Table; titles: DistinctTitles };
}

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
  /** Which bundled model reads the titles ('auto': picked per run by their language); refused while a match runs. */
  setModelChoice(choice: ModelChoice): Promise<EngineStatus>;
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

/**
 * How each service method crosses a message port, declared once: the RPC's server and client and
 * the worker client are made from this table (core/service/rpc.ts), as VS Code's ProxyChannel
 * makes a channel from a service. `true`: its arguments cross as they are; `{ options: N }`: its
 * argument N is the call's CallOptions (cancellation and progress), which stay on their side and
 * travel as cancel and progress messages. Every method of MatchService must have an entry.
 */
export const SERVICE_METHODS = {
  engineStatus: true,
  setProvider: true,
  setModel: true,
  setModelChoice: true,
  loadTable: true,
  loadTaxonomy: true,
  match: { options: 1 },
  exportResults: true,
  printableReport: true,
  saveProject: true,
  openProject: true,
  savedDecisions: true,
  decide: true,
  importDecisions: true,
  exportDecisions: true,
  clearDecisions: true,
  dispose: true,

} as const satisfies { [M in keyof MatchService]: MethodSpec<MatchService[M]> };

/** A method's entry: where its CallOptions go, for a method that takes them; else true. */
type MethodSpec<F> = [OptionsIndex<F>] extends [never] ? true : { options: OptionsIndex<F> };

/** The index of a method's CallOptions parameter (never when it takes none). */
type OptionsIndex<F> = F extends (...args: infer A) => unknown
  ? Exclude<{ [I in keyof A]: CallOptions extends NonNullable<A[I]> ? (I extends `${infer N extends number}` ? N : never) : never }[number], undefined>
  : never;

/** A service method name. */
export type ServiceMethod = keyof typeof SERVICE_METHODS;

/** True for a name the service answers (a message's method is checked before it is called). */
export function isServiceMethod(name: unknown): name is ServiceMethod {
  return typeof name === 'string' && Object.hasOwn(SERVICE_METHODS, name);
}
