/**
 * What a report says about its run, in words: its title, the lines under it, and the facts table.
 * One source for the printable report (HTML and PDF) and the XLSX Summary sheet, so that both say
 * the same thing, taken from the run's real settings and counts.
 */
import { basename } from 'node:path';
import { BUCKETS, bucketLabel, confidencePercent, type RunConfidence } from '../../contract/confidence.js';
import { seniorityModeLine } from '../../contract/seniority.js';
import { matchesByRow, sideCounts, sideLabel, titleAt } from './layout.js';
import type { MatchReport, ReportDirection, ReportRun, ReportSide } from './types.js';

/** What one row of a side is called, and several of them. */
export interface Nouns {
  one: string;
  many: string;
}

// The labels the app and the CLI give; any other label is used as it is.
const KNOWN: Record<string, Nouns> = {
  candidates: { one: 'candidate', many: 'candidates' },
  openings: { one: 'opening', many: 'openings' },
  queries: { one: 'query', many: 'queries' },
  corpus: { one: 'match', many: 'matches' },
};

/** The nouns for a side: "candidate"/"candidates" for the label "Candidates". */
export function sideNouns(side: ReportSide, index: 0 | 1): Nouns {
  const label = sideLabel(side, index);
  const known = KNOWN[label.toLowerCase()];
  if (known) return known;
  const many = label.toLowerCase();
  return { one: many.endsWith('s') ? many.slice(0, -1) : many, many };
}

function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A direction as the question it answers: "Candidates for each opening". */
export function directionHeading(dir: ReportDirection): string {
  return `${capital(sideNouns(dir.corpus, 1).many)} for each ${sideNouns(dir.query, 0).one}`;
}

/** The report's title: what its first direction answers. */
export function reportTitle(report: MatchReport): string {
  const first = report.directions[0];
  return first ? directionHeading(first) : 'Match report';
}

/** The title a printed page carries: "TitleMatch: Candidates for each opening, 2024-03-15 14:30". */
export function printTitle(report: MatchReport): string {
  return `TitleMatch: ${reportTitle(report)}, ${localDateTime(report.run.createdAt).slice(0, 16)}`;
}

/** Local date and time as "2024-03-15 14:30:05", the way people read it. */
export function localDateTime(d: Date): string {
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}

/** A file and, for a workbook, its sheet: `candidates.xlsx, sheet "Candidates"`. */
export function sourceOf(side: ReportSide): string {
  const file = basename(side.table.path);
  return side.table.sheet !== undefined ? `${file}, sheet “${side.table.sheet}”` : file;
}

function count(n: number, one: string, many: string): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
}

/** One side in a line: `Openings: openings.csv, 12 titles in column "Job title"`. */
export function sideLine(side: ReportSide, index: 0 | 1): string {
  const column = side.table.columns[side.column] ?? '';
  return `${sideLabel(side, index)}: ${sourceOf(side)}, ${count(sideCounts(side).titled, 'title', 'titles')} in column “${column}”`;
}

/**
 * What the list under each query holds, from the run's settings and the matches themselves:
 * "The best 3 candidates for each opening, scoring 0.50 or more". `perQuery` is how many a
 * printout lists (it may be fewer than the run kept); without it, everything kept is listed.
 */
export function selectionLine(dir: ReportDirection, run: ReportRun, perQuery?: number): string {
  const corpus = sideNouns(dir.corpus, 1);
  const query = sideNouns(dir.query, 0);
  const kept = run.topK;
  const cap = perQuery === undefined ? kept : kept === 'all' ? perQuery : Math.min(kept, perQuery);
  const byRow = matchesByRow(dir.matches);
  let full = true;
  let cut = false;
  for (let r = 1; r <= dir.query.table.rows.length; r++) {
    if (titleAt(dir.query, r) === '') continue;
    // Ranks, not rows: rows that carry the same title share its rank (matchesByRow sorts by rank).
    const n = byRow.get(r)?.at(-1)?.rank ?? 0;
    if (cap !== 'all' && n > cap) cut = true;
    // A query without a match says so in its place; "up to" is for lists a threshold shortened.
    if (n > 0 && (cap === 'all' || n < cap)) full = false;
  }
  let line: string;
  if (cap === 'all') line = `Every ${corpus.one}, best first, for each ${query.one}`;
  else if (cap === 1) line = `${full ? 'The best' : 'At most one'} ${corpus.one} for each ${query.one}`;
  else line = `${full ? 'The best' : 'Up to'} ${cap} ${corpus.many} for each ${query.one}`;
  if (run.threshold !== undefined) line += `, scoring ${run.threshold.toFixed(2)} or more`;
  if (run.seniority === 'require') line += ', within one seniority level';
  if (run.minConfidence !== undefined) line += `, with a confidence of ${confidencePercent(run.minConfidence)} or more`;
  if (run.buckets !== undefined && run.buckets.length < BUCKETS.length) line += `, in ${run.buckets.length === 0 ? 'no bucket' : run.buckets.map(bucketLabel).join(' or ')}`;
  if (cut) line += ` (the run kept ${kept === 'all' ? 'all' : kept}; the spreadsheet report lists them all)`;
  return line;
}

/** The model and when it ran: "Model titlematch-job-encoder 1.0 on cpu, 2024-03-15 14:30". */
export function runLine(run: ReportRun): string {
  return `Model ${modelLabel(run.model)} on ${run.provider}, ${localDateTime(run.createdAt).slice(0, 16)}`;
}

/** The model as reports name it: its name and version, and for a model the person chose, its folder. */
function modelLabel(model: ReportRun['model']): string {
  const named = `${model.name} ${model.version}`;
  return model.folder === undefined ? named : `${named} (folder ${model.folder})`;
}

/** What the confidences of a run are, in a line: the bucket levels, or why there are none. */
export function confidenceLine(confidence: RunConfidence): string {
  if (!confidence.calibrated) return `none: ${confidence.reason}`;
  const { accept, review } = confidence.levels;
  return `accept at ${confidencePercent(accept)} or more, review from ${confidencePercent(review)}, reject below (a best match reaches review at score ${confidence.reviewScore.toFixed(2)})`;
}

/** The facts about the inputs, side by side, and about the run, for a details table. */
export interface ReportFacts {
  /** ['', query label, corpus label], then one row per fact. */
  inputs: (string | number)[][];
  run: [string, string | number][];
}

/** Everything a reader may want to check about where the matches came from. */
export function reportFacts(report: MatchReport): ReportFacts {
  const first = report.directions[0];
  const inputs: (string | number)[][] = [];
  if (first) {
    const sides = [first.query, first.corpus];
    const counts = sides.map(sideCounts);
    inputs.push(
      ['', sideLabel(first.query, 0), sideLabel(first.corpus, 1)],
      ['File', ...sides.map((s) => s.table.path)],
      ['Sheet', ...sides.map((s) => s.table.sheet ?? '(text file)')],
      ['Title column', ...sides.map((s) => s.table.columns[s.column] ?? '')],
      ['Data rows', ...counts.map((c) => c.rows)],
      ['Rows with a title', ...counts.map((c) => c.titled)],
      ['Distinct titles', ...counts.map((c) => c.distinct)],
    );
  }
  const run: [string, string | number][] = [
    ['Model', modelLabel(report.run.model)],
    // Which bundled model read the titles, and why: their language, or the setting.
    ...(report.run.model.route ? [['Model choice', report.run.model.route.reason] as [string, string]] : []),
    ['Execution provider', report.run.provider],
    ['Matches kept per title (top-K)', report.run.topK === 'all' ? 'all' : report.run.topK],
    ['Least score kept', report.run.threshold === undefined ? 'none' : report.run.threshold],
  ];
  if (report.run.confidence !== undefined) run.push(['Confidence', confidenceLine(report.run.confidence)]);
  if (report.run.seniority !== undefined) run.push(['Seniority', seniorityModeLine(report.run.seniority)]);
  if (report.run.adapter !== undefined) run.push(['Adapter', report.run.adapter]);
  for (const d of report.directions) run.push([`Matches: ${directionHeading(d).toLowerCase()}`, d.matches.length]);
  run.push(['Created', localDateTime(report.run.createdAt)]);
  return { inputs, run };
}
