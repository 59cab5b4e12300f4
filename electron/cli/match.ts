/**
 * `titlematch match QUERIES CORPUS [--query-column NAME] [--corpus-column NAME] [--query-sheet NAME]
 *  [--corpus-sheet NAME] [--top K|all] [--min-score S] [--min-confidence C] [--out FILE]
 *  [--format csv|json|xlsx|html] [--seniority ignore|prefer|require]
 *  [--model DIR] [--provider LIST] [--threads N] [--precision P]`
 */
import { dirname, extname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { bucketOf, rankedConfidences, runConfidence, type CalibrationState } from '../core/confidence/index.js';
import { cachedEngine } from '../core/engine/embedding-cache.js';
import { countLongTitles, createEngine, MAX_TITLE_CHARS, modelNameOf, type Engine } from '../core/engine/index.js';
import { InputError } from '../core/io/index.js';
import { readTitles, type TitleList } from '../core/pipeline/titles.js';
import { levelName, matchesOf, type SeniorityTopK } from '../core/match/index.js';
import { encodeSides, matcherFor, rankSides, runCalibration, type PipelineProgress, type RankedSides } from '../core/pipeline/run.js';
import { writeAtomic } from '../core/files/atomic-write.js';
import { checkOutputPath } from '../core/files/output-path.js';
import { renderHtml, writeReport, type MatchFacets, type MatchReport } from '../core/report/index.js';
import { reportRows, type RankedMatch } from '../core/pipeline/report.js';
import { formatCount } from '../core/io/limits.js';
import { joinNegativeValues } from './args.js';
import { CACHE_ARG_OPTIONS, CACHE_USAGE, cacheDirFrom } from './cache-options.js';
import { calibratedProviders } from './calibrate.js';
import { ENGINE_ARG_OPTIONS, ENGINE_USAGE, engineOptionsFrom, runEngineOptions } from './engine-options.js';
import { oneLine, processIo, UsageError, type CliIo } from './errors.js';
import { renderOutput, writeChunks, writeToStdout, type MatchRow, type OutputFormat } from './output.js';
import { checkTaxonomyOptions, parseLanguage, parseTaxonomy, runTaxonomyMatch, TAXONOMY_USAGE } from './match-taxonomy.js';
import { ProgressReporter } from './progress.js';
import { ADAPTER_ARG_OPTIONS, ADAPTER_USAGE, adapterFor } from './adapter-option.js';
import { adapterSummary, prepareAdapter, PINNED_DECISION } from '../core/adapter/index.js';
import { parseSeniority, SENIORITY_USAGE } from './seniority-option.js';
import type { SeniorityMode } from '../contract/seniority.js';
import type { ModelRoute } from '../contract/types.js';

/** Default number of matches per query. */
export const DEFAULT_TOP = 10;

export const MATCH_USAGE = `Usage: titlematch match QUERIES CORPUS [options]
       titlematch match QUERIES --taxonomy onet|esco [--language CODE] [options]

Ranks, for every title in QUERIES, the titles of CORPUS by meaning (CSV, TSV, XLSX or ODS files with a header row).

Options:
  --query-column NAME    column of QUERIES with the titles (default: the one that looks like job titles)
  --corpus-column NAME   column of CORPUS with the titles (same default)
  --query-sheet NAME     sheet of a QUERIES workbook to read (default: the first)
  --corpus-sheet NAME    sheet of a CORPUS workbook to read (default: the first)
  --top K|all            matches per query (default ${DEFAULT_TOP}); all ranks the whole corpus
  --min-score S          leave out matches whose score (after --seniority) is below S (-1 to 1)
  --min-confidence C     leave out matches whose confidence is below C (0 to 1; needs a model
                         with a calibration, confidence.json, as the bundled one has)
  --out FILE             write to FILE instead of standard output
  --format FORMAT        csv or json (the columns below), or a report: xlsx (every column of both
                         files carried, a Summary sheet; needs --out) or html (printable)
                         (default: from --out's extension: .json, .xlsx, .html, else csv)
${SENIORITY_USAGE}
${ADAPTER_USAGE}
${TAXONOMY_USAGE}
${ENGINE_USAGE}
${CACHE_USAGE}

Output columns: query_row,query,rank,match_row,match,score (rows are 1-based data rows, header not counted;
score is the one the ranking used, after --seniority). JSON and the reports add model_score (the model's
cosine), seniority_query and seniority_match (intern, entry, mid, senior, lead, manager, director, vp or
c-level), and confidence (0 to 1, from the model score) and bucket (accept, review or reject) where the
model has a calibration.`;

function parseTop(text: string | undefined): number | 'all' {
  if (text === undefined) return DEFAULT_TOP;
  if (text.toLowerCase() === 'all') return 'all';
  const n = Number(text);
  if (!/^\d+$/.test(text.trim()) || !Number.isInteger(n) || n < 1) throw new UsageError(`--top must be a whole number of 1 or more, or all; got "${text}".`);
  return n;
}

function parseFraction(text: string | undefined, option: string, least: number): number | undefined {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (text.trim() === '' || !Number.isFinite(n) || n < least || n > 1) throw new UsageError(`${option} must be a number from ${least} to 1, got "${text}".`);
  return n;
}

/** What `match` writes: the issue-2 contract (csv, json) or a spreadsheet report (xlsx, html). */
type MatchFormat = OutputFormat | 'xlsx' | 'html';

function parseFormat(format: string | undefined, out: string | undefined): MatchFormat {
  if (format !== undefined) {
    const f = format.toLowerCase();
    if (f !== 'csv' && f !== 'json' && f !== 'xlsx' && f !== 'html') throw new UsageError(`--format must be csv or json, or a report: xlsx or html; got "${format}".`);
    if (f === 'xlsx' && out === undefined) throw new UsageError('--format xlsx writes a workbook: give the file with --out FILE.xlsx.');
    return f;
  }
  const ext = out === undefined ? '' : extname(out).toLowerCase();
  return ext === '.json' ? 'json' : ext === '.xlsx' ? 'xlsx' : ext === '.html' || ext === '.htm' ? 'html' : 'csv';
}

/** The --out path, refused (before anything runs) when it is an input however it is named, a folder, or in a missing folder. */
async function checkOutPath(out: string, inputs: string[]): Promise<string> {
  try {
    return await checkOutputPath(out, inputs);
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    if (e.code === 'same-as-input') throw new UsageError(`--out ${out} is one of the input files (the same file, through a link or another name); write the matches to another file.`);
    if (e.code === 'no-folder') throw new UsageError(`--out ${out}: the folder ${dirname(resolve(out))} does not exist; create it or write somewhere else.`);
    if (e.code === 'not-a-file') throw new UsageError(`--out ${out} is a folder; give a file name.`);
    throw e;
  }
}

/** The confidences of a run's matches, and the least one kept. */
export interface RunConfidences {
  state: CalibrationState;
  /** At the places of the result's scores; undefined without a calibration. */
  values?: Float64Array;
  minConfidence?: number;
}

/** The seniority levels of a run's titles (indices into SENIORITY_LEVELS) and the mode it ranked with. */
export interface RunSeniority {
  mode: SeniorityMode;
  queries: Uint8Array;
  corpus: Uint8Array;
}

/** The kept matches of query title q: each output row with its corpus title and its place in the result's arrays. */
function* rankedOf(queries: TitleList, corpus: TitleList, result: SeniorityTopK, seniority: RunSeniority, confidences: RunConfidences | undefined, q: number): Generator<{ row: MatchRow; index: number; at: number }> {
  const cal = confidences?.state.calibration;
  const values = confidences?.values;
  const least = confidences?.minConfidence ?? -Infinity;
  const ranked = matchesOf(result, q);
  for (let r = 0; r < ranked.length; r++) {
    const m = ranked[r];
    const at = q * result.k + r;
    const row: MatchRow = {
      query_row: queries.rows[q],
      query: queries.titles[q],
      rank: r + 1,
      match_row: corpus.rows[m.index],
      match: corpus.titles[m.index],
      score: m.score,
      model_score: result.modelScores[at],
      seniority_query: levelName(seniority.queries[q]),
      seniority_match: levelName(seniority.corpus[m.index]),
    };
    if (cal && values) {
      row.confidence = values[at];
      if (row.confidence < least) continue;
      row.bucket = bucketOf(cal, row.confidence);
    }
    yield { row, index: m.index, at };
  }
}

/** The output rows of a ranking, in query order then rank, with their seniority and confidences where there are any. */
export function* matchRows(queries: TitleList, corpus: TitleList, result: SeniorityTopK, seniority: RunSeniority, confidences?: RunConfidences): Generator<MatchRow> {
  for (let q = 0; q < queries.titles.length; q++) for (const { row } of rankedOf(queries, corpus, result, seniority, confidences, q)) yield row;
}

/** The spreadsheet report of a run: both files' columns carried, and the run for the Summary. */
async function matchReport(
  queries: TitleList,
  corpus: TitleList,
  result: SeniorityTopK,
  engine: Engine,
  top: number | 'all',
  minScore: number | undefined,
  seniority: RunSeniority,
  confidences: RunConfidences,
  route: ModelRoute | undefined,
): Promise<MatchReport> {
  // An adapted ranking marks the pairs the recruiter accepted, as the app's reports do.
  const pinned = 'pinned' in result && result.pinned instanceof Uint8Array ? result.pinned : undefined;
  const kept = function* (q: number): Generator<RankedMatch> {
    for (const { row: r, index, at } of rankedOf(queries, corpus, result, seniority, confidences, q)) {
      // One facets object per match, filled in place: a report may hold 1,000,000 of them.
      const facets: MatchFacets = { seniorityQuery: r.seniority_query, seniorityMatch: r.seniority_match };
      if (pinned?.[at]) facets.decision = PINNED_DECISION;
      // The model's own score only where the ranking's differs from it.
      if (seniority.mode === 'prefer') facets.modelScore = r.model_score;
      if (r.confidence !== undefined) {
        facets.confidence = r.confidence;
        facets.bucket = r.bucket;
      }
      yield { index, rank: r.rank, score: r.score, facets };
    }
  };
  // Each CLI title is one data row.
  const matches = reportRows(queries.titles.length, kept, { one: queries.rows }, { one: corpus.rows });
  const info = await engine.info();
  return {
    directions: [
      {
        query: { table: queries.table, column: queries.table.columns.indexOf(queries.column), label: 'Queries' },
        corpus: { table: corpus.table, column: corpus.table.columns.indexOf(corpus.column), label: 'Corpus' },
        matches,
      },
    ],
    run: {
      model: { ...modelNameOf(info.model), ...(route ? { route } : {}) },
      provider: info.provider,
      topK: top,
      threshold: minScore,
      minConfidence: confidences.minConfidence,
      confidence: runConfidence(confidences.state),
      seniority: seniority.mode,
      createdAt: new Date(),
    },
  };
}

/** Runs `titlematch match`; returns the exit code. */
export async function runMatch(argv: string[], io: CliIo = processIo()): Promise<number> {
  const options = {
    ...ENGINE_ARG_OPTIONS,
    ...CACHE_ARG_OPTIONS,
    'query-column': { type: 'string' },
    'corpus-column': { type: 'string' },
    'query-sheet': { type: 'string' },
    'corpus-sheet': { type: 'string' },
    top: { type: 'string' },
    'min-score': { type: 'string' },
    'min-confidence': { type: 'string' },
    out: { type: 'string' },
    format: { type: 'string' },
    seniority: { type: 'string' },
    ...ADAPTER_ARG_OPTIONS,
    taxonomy: { type: 'string' },
    language: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  } as const;
  const { values, positionals } = parseArgs({ args: joinNegativeValues(argv, options), allowPositionals: true, options });
  if (values.help) {
    io.stdout.write(`${MATCH_USAGE}\n`);
    return 0;
  }
  const taxonomy = values.taxonomy !== undefined ? parseTaxonomy(values.taxonomy) : undefined;
  const language = parseLanguage(taxonomy, values.language);
  if (taxonomy !== undefined) checkTaxonomyOptions(positionals, values);
  else if (positionals.length !== 2) {
    throw new UsageError(`match needs two files, QUERIES and CORPUS (got ${positionals.length}). Run "titlematch match --help" for the options.`);
  }
  const [queryPath, corpusPath] = positionals;
  const top = parseTop(values.top);
  const minScore = parseFraction(values['min-score'], '--min-score', -1);
  const minConfidence = parseFraction(values['min-confidence'], '--min-confidence', 0);
  const format = parseFormat(values.format, values.out);
  const mode = parseSeniority(values.seniority);
  // --model, checked before any file is read (which bundled model runs is known once the titles are).
  engineOptionsFrom(values);
  const cacheDir = cacheDirFrom(values);
  const outPath = values.out !== undefined ? await checkOutPath(values.out, positionals) : undefined;
  if (taxonomy !== undefined) {
    const notes: string[] = [];
    const queries = () => readTitles(queryPath, values['query-column'], '--query-column', values['query-sheet'], notes);
    const engineFor = (titles: readonly string[]) => runEngineOptions(values, titles);
    return runTaxonomyMatch({ taxonomy, language, queries, notes, top, minScore, minConfidence, format, outPath, inputs: positionals, engineFor, providerGiven: values.provider !== undefined, cacheDir }, io);
  }

  // An adapter names its model: with one, the model is known, and the adapter checked, before any file is read.
  const early = values.adapter !== undefined ? await runEngineOptions(values, [], { adapter: values.adapter }) : undefined;
  const adapter = early && (await adapterFor(values.adapter, early.options.modelDir ?? ''));

  // Read and check both inputs before loading the model: bad input fails fast.
  const progress = new ProgressReporter(io.stderr);
  const notes: string[] = [];
  const queries = await readTitles(queryPath, values['query-column'], '--query-column', values['query-sheet'], notes);
  const corpus = await readTitles(corpusPath, values['corpus-column'], '--corpus-column', values['corpus-sheet'], notes);
  const long = countLongTitles(queries.titles) + countLongTitles(corpus.titles);
  if (long > 0) notes.push(`${formatCount(long)} title(s) longer than ${MAX_TITLE_CHARS} characters were cut to their first ${MAX_TITLE_CHARS} for matching (the output keeps them whole).`);
  // One model reads both files: the bundled one for their titles' language, or --model's.
  const { options: engineOptions, route, note } = early ?? (await runEngineOptions(values, [...queries.titles, ...corpus.titles]));
  if (note !== undefined) notes.push(note);
  for (const note of notes) io.stderr.write(`note: ${oneLine(note)}\n`);

  // Without --provider: the provider `info --calibrate` measured fastest for this much work.
  if (values.provider === undefined) engineOptions.providers = await calibratedProviders(engineOptions.modelDir, cacheDir, queries.titles.length + corpus.titles.length, { io });
  const engine = createEngine(engineOptions);
  try {
    // The calibration is read once, with the model: a --min-confidence it cannot serve fails before encoding.
    const calibration = await runCalibration(adapter !== undefined, (await engine.info()).model.dir);
    if (!calibration.calibration) {
      if (minConfidence !== undefined) throw new UsageError(`--min-confidence needs a model with a confidence calibration, and ${calibration.reason}. Filter with --min-score instead.`);
      // Only where the output would carry confidences: the CSV never does.
      if (format !== 'csv') io.stderr.write(`note: ${oneLine(calibration.reason)}.\n`);
    }
    // Titles encoded by this model before come from the cache; the others are added to it.
    const cached = cacheDir !== undefined ? await cachedEngine(engine, cacheDir) : undefined;
    const encoder = cached ?? engine;
    const onProgress = (p: PipelineProgress): void => progress.update(p.phase === 'encoding' ? 'encoding distinct titles' : 'matching queries', p.done, p.total);
    const sides = await encodeSides(encoder, queries.titles, corpus.titles, { onProgress });
    if (cached?.cache.saveError !== undefined) io.stderr.write(`note: the title cache could not be saved (${cached.cache.saveError}); matching goes on without it.\n`);
    // Scores and top-k in onnxruntime on the engine's provider: the reference's results, faster.
    const matcher = await matcherFor(engine);
    let ranked: RankedSides;
    try {
      const prepared = adapter && (await prepareAdapter(adapter, (titles) => encoder.encode(titles)));
      ranked = await rankSides((...args) => matcher.topK(...args), sides, { k: top, mode, minScore, adapter: prepared }, { onProgress });
    } finally {
      await matcher.dispose();
    }
    const result = ranked.byQuery;
    const seniority: RunSeniority = { mode, queries: ranked.levels.queries, corpus: ranked.levels.corpus };
    const confidences: RunConfidences = { state: calibration, values: rankedConfidences(calibration, result), minConfidence };
    if (format === 'xlsx' || format === 'html') {
      const report = await matchReport(queries, corpus, result, engine, top, minScore, seniority, confidences, route);
      report.run.adapter = adapterSummary(values.adapter, adapter);
      if (outPath !== undefined) await writeReport(outPath, report, { format, inputs: positionals });
      else await renderHtml(report, io.stdout);
    } else {
      const chunks = renderOutput(matchRows(queries, corpus, result, seniority, confidences), format);
      if (outPath !== undefined) await writeAtomic(outPath, (out) => writeChunks(out, chunks));
      else await writeToStdout(chunks, io.stdout);
    }
    progress.finish(outPath !== undefined ? `wrote ${outPath}` : 'done');
    return 0;
  } finally {
    await engine.dispose();
  }
}
