import type { Bucket, RunConfidence } from '../../contract/confidence.js';
import type { SeniorityLevel, SeniorityMode } from '../../contract/seniority.js';
import type { ModelName } from '../../contract/types.js';
import type { Table } from '../io/types.js';

/** One side of a match as a report shows it: the table it came from and its title column. */
export interface ReportSide {
  table: Table;
  /** Index of the title column in `table.columns`. */
  column: number;
  /** What the side is called in headings ("Candidates", "Openings"); "Queries" or "Corpus" when absent. */
  label?: string;
}

/** One ranked match: rows are 1-based data rows of their tables, as everywhere in TitleMatch. */
export interface ReportMatch {
  queryRow: number;
  rank: number;
  matchRow: number;
  /** Cosine similarity. */
  score: number;
  /** Facts about the pair that a later stage may supply; reports show a column for each one present. */
  facets?: MatchFacets;
}

/**
 * Optional facts about a match, each shown in its own column (after the score) only when some
 * match of the direction carries it.
 */
export interface MatchFacets {
  /** The model's own score, where the ranking's score was adjusted for seniority. */
  modelScore?: number;
  /** The seniority level of the query's title and of the matched title (core/text/seniority.ts). */
  seniorityQuery?: SeniorityLevel;
  seniorityMatch?: SeniorityLevel;
  /** The calibrated probability (0-1) that the match names the same job (core/confidence). */
  confidence?: number;
  /** What the confidence advises: accept, review or reject. */
  bucket?: Bucket;
  /** A code of the matched title in a taxonomy (ISCO, O*NET, an internal job code). */
  code?: string;
  /** Against a taxonomy: the occupation's title that matched (its best against the query). */
  via?: string;
  /** What the recruiter decided about the pair, where it was ranked by that decision ("accepted": ranked first). */
  decision?: string;
}

/** One direction of a match: every query row's ranked matches in the corpus. */
export interface ReportDirection {
  query: ReportSide;
  corpus: ReportSide;
  /** The matches, in any order; a query row with a title and no match is still listed. */
  matches: readonly ReportMatch[];
  /** Sheet name in XLSX reports; "Matches" for the first direction, "Reverse matches" for the second. */
  sheetName?: string;
}

/** What the Summary sheet and the printable report say about the run. */
export interface ReportRun {
  /** The model; one the person chose carries its folder, which reports name. */
  model: ModelName;
  /** The execution provider, as the engine reports it ("cpu", "cuda"...). */
  provider: string;
  topK: number | 'all';
  /** Matches scoring below it were left out; undefined when none were. */
  threshold?: number;
  /** Matches with a lower confidence (0-1) were left out; undefined when none were. */
  minConfidence?: number;
  /** Only matches in these buckets were kept; undefined when all were. */
  buckets?: readonly Bucket[];
  /** What the ranking did with seniority; undefined: not said. */
  seniority?: SeniorityMode;
  /** The calibration the confidences came from, or why the report has scores only; undefined: not said. */
  confidence?: RunConfidence;
  /** The recruiter's adapter the ranking used ("none" when none); undefined: not said. */
  adapter?: string;
  /** When the match ran. */
  createdAt: Date;
}

/** A whole report: one or two directions and the run that produced them. */
export interface MatchReport {
  directions: readonly ReportDirection[];
  run: ReportRun;
}

/** Formats the report writers produce. */
export type ReportFormat = 'xlsx' | 'csv' | 'html';
