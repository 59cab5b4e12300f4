/** Data that crosses the bridge. Plain, cloneable shapes only: no classes, no typed arrays. */
import type { Bucket, RunConfidence } from './confidence.js';
import type { TaxonomySummary } from './taxonomy.js';
import type { SeniorityLevel, SeniorityMode } from './seniority.js';

/** The two inputs of a match: the people, and what they are matched against (openings, a taxonomy). */
export type Side = 'candidates' | 'targets';

/** Which way results are read: for each target the ranked candidates, or the other way round. */
export type Direction = 'byTarget' | 'byCandidate';

/** One column of an imported table, with what helps a person choose it. */
export interface ColumnSummary {
  name: string;
  /** A few distinct non-empty values, in file order. */
  samples: string[];
  /** Rows with a non-empty value. */
  filled: number;
  /** Distinct non-empty values (trimmed). */
  distinct: number;
}

/** An imported table as the import screen shows it. */
export interface TableSummary {
  /** Handle for later calls (match, export); valid while the app runs. */
  tableId: string;
  path: string;
  fileName: string;
  format: 'csv' | 'xlsx' | 'ods';
  /** The sheet read, for workbooks. */
  sheet: string | null;
  /** Every sheet, for workbooks; empty for delimited text. */
  sheets: string[];
  columns: ColumnSummary[];
  /** Data rows, header excluded, blank rows included. */
  rowCount: number;
  /** The first data rows, every column, as shown in a spreadsheet. */
  preview: string[][];
  /** The column whose values look most like job titles. */
  suggestedColumn: string | null;
  /** How text was decoded ("utf-8", "windows-1252", ...), for delimited text. */
  encoding: string | null;
  /** Things that did not stop the read but a person should know. */
  warnings: string[];
  /** Set when the table is a taxonomy shipped with the app: one row per occupation, matched through all its titles. */
  taxonomy?: TaxonomySummary;
}

/** A GPU (or other) execution provider that was tried and not used, and why. */
export interface ProviderSkip {
  provider: string;
  reason: string;
}

/** The engine as the status bar shows it. */
/**
 * Where the engine runs, as set in the app: 'auto', the provider measured fastest on this machine
 * for this model (measured once, then remembered), or one provider (cpu stays the fallback).
 */
export type ProviderChoice = 'auto' | 'webgpu' | 'cuda' | 'dml' | 'coreml' | 'cpu';

/** Every provider setting, in the order the app offers them. */
export const PROVIDER_CHOICES = ['auto', 'webgpu', 'cuda', 'dml', 'coreml', 'cpu'] as const satisfies readonly ProviderChoice[];

/**
 * Which bundled model reads the titles: 'auto' picks, for each run, the English model or the
 * multilingual one by the languages detected in its titles; the others fix one.
 */
export type ModelChoice = 'auto' | 'english' | 'multilingual';

/** Every model choice, in the order the app and the CLI offer them. */
export const MODEL_CHOICES = ['auto', 'english', 'multilingual'] as const satisfies readonly ModelChoice[];

/** The bundled model a run used, and why ("the multilingual model: 40% of the titles are in other languages (German 40); ..."). */
export interface ModelRoute {
  choice: ModelChoice;
  model: 'english' | 'multilingual';
  reason: string;
}

/** The model a run used, as reports name it: a chosen folder's model is named with its folder. */
export interface ModelName {
  name: string;
  version: string;
  /** The folder the person chose the model from; absent for the bundled models. */
  folder?: string;
  /** Which bundled model the run used and why; absent for a chosen folder's model. */
  route?: ModelRoute;
}

export interface EngineStatus {
  state: 'loading' | 'ready' | 'failed';
  /** The model running; `folder` is null for the bundled model. */
  model: { name: string; version: string; dimension: number; folder: string | null } | null;
  /** The Model setting in force: a folder the person chose, or null for the bundled model. */
  modelFolder: string | null;
  /** Why the chosen folder's model is not the one running (the bundled model runs instead); else null. */
  modelNotice: string | null;
  /** The execution provider in use, e.g. { id: 'cpu', label: 'CPU, 8 threads' }. */
  provider: { id: string; label: string } | null;
  /** Providers preferred over the one in use that could not be used. */
  skipped: ProviderSkip[];
  /** Why the engine failed, when it did. */
  message: string | null;
  /** The provider setting in force. */
  choice: ProviderChoice;
  /** Which bundled model runs: by the titles' language, or one fixed (no effect while a folder's model is chosen). */
  modelChoice?: ModelChoice;
  /** The bundled model the latest run used and why; null before a run or with a folder's model. */
  route?: ModelRoute | null;
  /** The providers that could run on this machine (cpu always), to offer in the setting. */
  available: { id: ProviderChoice; label: string }[];
}

/** Which column of which imported table a side of the match uses. */
export interface MatchInput {
  tableId: string;
  column: string;
}

/** What to match. */
export interface MatchRequest {
  candidates: MatchInput;
  targets: MatchInput;
  /** How many ranked titles to keep for each title (1-100). */
  topK: number;
  /** What the ranking does with the seniority each title states (absent: DEFAULT_SENIORITY). */
  seniority?: SeniorityMode;
  /** The project's own decisions, applied with the saved ones (the project's win for a pair). */
  decisions?: DecisionEntry[];
  /** Rank with the decisions (pin accepted pairs, hide rejected ones, move the rest); false: the model alone. Absent: true. */
  adapt?: boolean;
}

/** A recruiter's verdict on a match. */
export type Verdict = 'accept' | 'reject';

/** A decision about a pair of titles: the listed title (`query`) and its match. */
export interface DecisionEntry {
  query: string;
  match: string;
  decision: Verdict;
}

/** A change to the decision about one pair; `decision` null forgets it (undo). */
export interface DecisionChange {
  query: string;
  match: string;
  decision: Verdict | null;
}

/** The decisions saved for this user (every project), and why their file cannot be used when it cannot. */
export interface SavedDecisions {
  /** The store file in the user-data folder. */
  path: string;
  decisions: DecisionEntry[];
  /** Why the store cannot be read (it is left as it is and changes are refused); null when it can. */
  error: string | null;
}

/** What an import of a decisions file did. */
export interface DecisionsImported {
  /** The file read. */
  path: string;
  /** Decisions the file held. */
  imported: number;
  /** What did not stop the import (pairs decided twice in the file). */
  notes: string[];
  saved: SavedDecisions;
}

/** The decisions a run ranked with. */
export interface AdapterUse {
  decisions: number;
  accepted: number;
  rejected: number;
  /** What reports say about it (the CLI's adapter line). */
  summary: string;
}

/** A step of a match run. */
export type MatchPhase = 'encoding' | 'matching';

/** Progress of the running match, pushed while it runs. */
export interface MatchProgress {
  phase: MatchPhase;
  /** Units done and in all (titles encoded, or titles matched). */
  done: number;
  total: number;
  /** Estimated seconds left for the whole run; null until there is enough to go on. */
  etaSeconds: number | null;
}

/** One side of a finished match: its distinct titles and how many rows carry each. */
export interface MatchedSide {
  tableId: string;
  path: string;
  fileName: string;
  sheet: string | null;
  column: string;
  /** Rows in the table (blank title cells included). */
  rowCount: number;
  /** Distinct non-empty titles (trimmed), in order of first appearance. */
  titles: string[];
  /** For each title, the number of rows that carry it. */
  rowCounts: number[];
  /** For a taxonomy, each occupation's code (O*NET-SOC code or ESCO concept URI), at the places of `titles`. */
  codes?: string[];
  /** For each title, the seniority level it states (core/text/seniority.ts). */
  levels: SeniorityLevel[];
}

/**
 * Ranked titles for every title of one side: the entries for title i are at [i*k, i*k+k), best
 * first. `indices` point into the other side's titles; -1 pads lists shorter than k.
 */
export interface Ranking {
  k: number;
  indices: number[];
  scores: number[];
  /**
   * The calibrated confidence (0-1) of each entry, at the places of its score (0 for padding): the
   * score read against the best of its list. Absent when the model has no calibration.
   */
  confidence?: number[];
  /** Against a taxonomy: the occupation's title that matched, at the places of `indices` ('' for padding). */
  matched?: string[];
  /**
   * The model's own score of each entry, where `scores` were lowered for seniority (mode prefer);
   * absent when the scores are the model's.
   */
  modelScores?: number[];
  /** 1 where the entry is a pair the recruiter accepted (ranked first), 0 elsewhere; absent without decisions. */
  pinned?: number[];
}

/** A finished match: both sides and both directions. */
export interface MatchResult {
  runId: string;
  /** ISO date and time the run finished. */
  createdAt: string;
  elapsedMs: number;
  topK: number;
  candidates: MatchedSide;
  targets: MatchedSide;
  /** For each target title, the candidate titles. */
  byTarget: Ranking;
  /** For each candidate title, the target titles. */
  byCandidate: Ranking;
  model: ModelName;
  /** The execution provider's label, as in EngineStatus. */
  provider: string;
  /** The calibration the rankings' confidences came from, or why they have scores only. */
  confidence: RunConfidence;
  /** What the rankings did with seniority. */
  seniority: SeniorityMode;
  /** The decisions the rankings used (pinned, hidden, moved); absent or null: the model alone. */
  adapter?: AdapterUse | null;
}

/** A title taken apart, as the engine sees it. */
export interface TitleBreakdown {
  original: string;
  normalized: string;
  words: string[];
  expansions: { from: string; to: string }[];
  /** Abbreviations of several meanings the title keeps and the engine reads in each ("pm": project manager, product manager, ...). */
  senses: { from: string; to: string[] }[];
  /** The seniority level the title states, and the words that decided it ('' when it states none: mid). */
  seniority: SeniorityLevel;
  seniorityCue: string;
  /**
   * The language detected for the title ('German'), with the detector's probability; name null where
   * no language is sure enough (titles such as "Manager" are written alike in many); absent without a detector.
   */
  language?: { name: string | null; confidence: number };
}

/** Why two titles matched. */
export interface MatchExplanation {
  query: TitleBreakdown;
  match: TitleBreakdown;
  /** Words both titles have after normalisation. */
  shared: string[];
  onlyQuery: string[];
  onlyMatch: string[];
  /** Levels between the two titles' seniority (0: the same level). */
  seniorityDistance: number;
}

/** Report formats. */
export type ExportFormat = 'xlsx' | 'csv' | 'html' | 'pdf';

/** What to export from the last match. */
export interface ExportRequest {
  runId: string;
  format: ExportFormat;
  /** The direction the report leads with; XLSX reports carry both. */
  direction: Direction;
  topK: number;
  /** Matches scoring below this are left out (0-1). */
  threshold: number;
  /** Only matches in these buckets are kept, where the result has confidences; absent: every bucket. */
  buckets?: Bucket[];
  /** Open the file in the system's program for it once written. */
  openAfter: boolean;
}

/** Settings a project remembers besides its inputs. */
export interface ProjectSettings {
  topK: number;
  threshold: number;
  direction: Direction;
  /** The seniority setting (absent, as in older project files: DEFAULT_SENIORITY). */
  seniority?: SeniorityMode;
  /** Whether matching uses the decisions (absent, as in older project files: true). */
  adapt?: boolean;
}

/** What a project file saves: the inputs' places and columns, the settings, and the results. */
export interface SaveProjectRequest {
  candidates: MatchInput | null;
  targets: MatchInput | null;
  settings: ProjectSettings;
  /** The match to store with it, when there is one. */
  runId: string | null;
  /** The decisions made in this project (absent: none). */
  decisions?: DecisionEntry[];
  /** Ask for a new place even when the project was saved before. */
  saveAs: boolean;
}

/** One side of a reopened project. */
export interface ProjectInput {
  /** The table, read again from its file; null when that failed (see `error`). */
  table: TableSummary | null;
  path: string;
  sheet: string | null;
  column: string;
  error: { code: string; message: string } | null;
}

/** A project file opened again. */
export interface OpenedProject {
  path: string;
  candidates: ProjectInput | null;
  targets: ProjectInput | null;
  settings: ProjectSettings;
  result: MatchResult | null;
  /** The decisions made in the project (none in older project files). */
  decisions: DecisionEntry[];
}

/** A file the app opened lately. */
export interface RecentFile {
  path: string;
  /** A project, or a table opened as candidates or as titles to match against. */
  kind: Side | 'project';
}

/** Something the menu, a file association or a second launch asks the window to do. */
export type AppCommand =
  | { type: 'open-table'; side: Side; path?: string }
  | { type: 'open-project'; path?: string }
  | { type: 'save-project'; saveAs: boolean }
  | { type: 'export'; format: ExportFormat }
  | { type: 'show'; view: 'import' | 'results' };
