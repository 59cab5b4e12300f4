/**
 * Writing a match report from a kept result with the spreadsheet module's writers (XLSX, CSV, HTML,
 * atomic). The app ranks distinct titles; a report lists people and openings, so each ranked title
 * is expanded into every row that carries it (two people with the same title both appear, with the
 * title's rank), in file order, so no person is left out of a recruiter's list.
 */
import { BUCKETS, bucketOf, type Bucket } from '../../contract/confidence.js';
import type { Direction, ExportRequest, Ranking } from '../../contract/types.js';
import { PINNED_DECISION } from '../adapter/index.js';
import { findColumn } from '../io/index.js';
import { printTitle, renderHtmlString, writeReport as writeMatchReport, type MatchReport, type MatchFacets, type ReportDirection } from '../report/index.js';
import { reportRows, type RankedMatch } from '../pipeline/report.js';
import { ServiceError } from './errors.js';
import type { KeptResult } from './types.js';

type Side = KeptResult['candidates'];

const LABELS = { candidates: 'Candidates', targets: 'Openings' } as const;


/** One direction of a kept result as report rows: every query row's matches, filtered as on screen. */
export function reportDirection(kept: KeptResult, direction: Direction, topK: number, threshold: number, buckets: readonly Bucket[] = BUCKETS): ReportDirection {
  const byTarget = direction === 'byTarget';
  const query: Side = byTarget ? kept.targets : kept.candidates;
  const corpus: Side = byTarget ? kept.candidates : kept.targets;
  const ranking: Ranking = byTarget ? kept.result.byTarget : kept.result.byCandidate;
  const queryColumn = byTarget ? kept.result.targets.column : kept.result.candidates.column;
  const corpusColumn = byTarget ? kept.result.candidates.column : kept.result.targets.column;
  const k = Math.min(topK, ranking.k);
  const calibration = kept.result.confidence.calibrated ? kept.result.confidence : undefined;
  const queryLevels = byTarget ? kept.result.targets.levels : kept.result.candidates.levels;
  const corpusLevels = byTarget ? kept.result.candidates.levels : kept.result.targets.levels;
  const keptOf = function* (q: number): Generator<RankedMatch> {
    for (let r = 0; r < k; r++) {
      const m = ranking.indices[q * ranking.k + r];
      const score = ranking.scores[q * ranking.k + r];
      if (m < 0 || score < threshold) break;
      const confidence = ranking.confidence?.[q * ranking.k + r];
      const bucket = calibration && confidence !== undefined ? bucketOf(calibration, confidence) : undefined;
      if (bucket && !buckets.includes(bucket)) continue;
      const modelScore = ranking.modelScores?.[q * ranking.k + r];
      // Filled in place, not spread: a report may hold 1,000,000 matches, and spreads made it twice the memory.
      const facets: MatchFacets = {};
      if (modelScore !== undefined) facets.modelScore = modelScore;
      facets.seniorityQuery = queryLevels[q];
      facets.seniorityMatch = corpusLevels[m];
      if (bucket) {
        facets.confidence = confidence;
        facets.bucket = bucket;
      }
      const via = ranking.matched?.[q * ranking.k + r];
      if (via) facets.via = via;
      // A pair the recruiter accepted, ranked first for its title (rejected pairs are not in the ranking).
      if (ranking.pinned?.[q * ranking.k + r]) facets.decision = PINNED_DECISION;
      yield { index: m, rank: r + 1, score, facets };
    }
  };
  // Distinct titles ranked; each reported on every row that carries it.
  const matches = reportRows(query.titles.titles.length, keptOf, { many: query.titles.rows, zeroBased: true }, { many: corpus.titles.rows, zeroBased: true });
  return {
    query: { table: query.table, column: findColumn(query.table, queryColumn), label: byTarget ? LABELS.targets : LABELS.candidates },
    corpus: { table: corpus.table, column: findColumn(corpus.table, corpusColumn), label: byTarget ? LABELS.candidates : LABELS.targets },
    matches,
  };
}

/** The whole report a request asks for: its direction first, and for XLSX the other one too. */
export function buildReport(kept: KeptResult, request: ExportRequest): MatchReport {
  const other: Direction = request.direction === 'byTarget' ? 'byCandidate' : 'byTarget';
  const buckets = request.buckets ?? BUCKETS;
  const directions = [reportDirection(kept, request.direction, request.topK, request.threshold, buckets)];
  if (request.format === 'xlsx') directions.push(reportDirection(kept, other, request.topK, request.threshold, buckets));
  return {
    directions,
    run: {
      model: kept.result.model,
      provider: kept.result.provider,
      topK: request.topK,
      threshold: request.threshold > 0 ? request.threshold : undefined,
      buckets: kept.result.confidence.calibrated && buckets.length < BUCKETS.length ? buckets : undefined,
      confidence: kept.result.confidence,
      seniority: kept.result.seniority,
      // As the CLI's --adapter: the decisions the ranking used, or none.
      adapter: kept.result.adapter?.summary ?? 'none',
      createdAt: new Date(kept.result.createdAt),
    },
  };
}

/** Writes the report `request` asks for to `path`, atomically, never over one of `inputs`. */
export async function writeReport(kept: KeptResult, request: ExportRequest, path: string, inputs: string[]): Promise<void> {
  // A PDF is the printable report printed by the app's own browser engine, in main.
  if (request.format === 'pdf') throw new ServiceError('bad-request', 'A PDF is printed from the printable report: ask for printableReport.');
  await writeMatchReport(path, buildReport(kept, request), { format: request.format, inputs });
}

/** The printable report of a kept result as HTML, and the title its printed pages carry. */
export async function printableReport(kept: KeptResult, request: ExportRequest): Promise<{ html: string; title: string }> {
  const report = buildReport(kept, request);
  return { html: await renderHtmlString(report), title: printTitle(report) };
}
