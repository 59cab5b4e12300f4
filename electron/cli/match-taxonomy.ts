/**
 * `titlematch match QUERIES --taxonomy onet|esco`: codes each title of QUERIES to the occupations
 * of a taxonomy shipped with TitleMatch. Every title of an occupation is ranked (the O*NET
 * occupation title, alternate, short and reported titles; ESCO's preferred and alternative labels)
 * and each occupation is listed once per query, at its best-matching title.
 */
import { isTaxonomyId, TAXONOMY_IDS, TAXONOMY_NAMES, type TaxonomyId } from '../contract/taxonomy.js';
import { bucketOf, modelCalibration, rankedConfidences, runConfidence } from '../core/confidence/index.js';
import { cachedEngine } from '../core/engine/embedding-cache.js';
import { countLongTitles, createEngine, MAX_TITLE_CHARS, modelNameOf, type Engine, type EngineOptions } from '../core/engine/index.js';
import { writeAtomic } from '../core/files/atomic-write.js';
import { formatCount } from '../core/io/limits.js';
import { createMatcher } from '../core/match/index.js';
import { csvField, formatScore } from '../core/report/csv-field.js';
import { renderHtml, writeReport, type MatchReport, type ReportMatch } from '../core/report/index.js';
import {
  ENGLISH,
  inLanguage,
  languageName,
  loadTaxonomy,
  occupationsTable,
  occupationTopK,
  taxonomyLanguages,
  TaxonomyUnavailableError,
  taxonomyTitles,
  type OccupationTopK,
  type Taxonomy,
  type TaxonomyTitles,
} from '../core/taxonomy/index.js';
import { LANGUAGES } from '../core/taxonomy/i18n.js';
import { calibratedProviders } from './calibrate.js';
import { oneLine, UsageError, type CliIo } from './errors.js';
import { renderRecords, writeChunks, writeToStdout } from './output.js';
import { ProgressReporter } from './progress.js';
import type { RunConfidences } from './match.js';
import type { TitleList } from '../core/pipeline/titles.js';
import type { Bucket } from '../contract/confidence.js';
import type { ModelRoute } from '../contract/types.js';

/** The CSV header of a taxonomy match, in the contract's order. */
export const TAXONOMY_CSV_COLUMNS = ['query_row', 'query', 'rank', 'code', 'occupation', 'matched_title', 'score'] as const;

/** Usage lines of --taxonomy and --language. */
export const TAXONOMY_USAGE = `  --taxonomy NAME        match QUERIES against occupations shipped with TitleMatch, not a CORPUS:
                         ${TAXONOMY_IDS.map((id) => `${id} (${TAXONOMY_NAMES[id]})`).join(' or ')}; each occupation
                         once per title, at its best title. Columns: ${TAXONOMY_CSV_COLUMNS.join(',')}
  --language CODE        with --taxonomy esco: name each occupation by its preferred label in CODE
                         (${LANGUAGES.slice(0, -1).join(', ')} or ${LANGUAGES[LANGUAGES.length - 1]}; its English one where it has none); default en`;

/** One line of a taxonomy match. */
export interface TaxonomyRow {
  query_row: number;
  query: string;
  rank: number;
  /** O*NET-SOC code or ESCO concept URI. */
  code: string;
  occupation: string;
  /** The occupation's title that scored best against the query. */
  matched_title: string;
  score: number;
  /** ESCO's ISCO-08 unit group (JSON only; the reports carry it as a column). */
  isco_group?: string;
  confidence?: number;
  bucket?: Bucket;
}

/** The --taxonomy value, checked. */
export function parseTaxonomy(text: string): TaxonomyId {
  const id = text.trim().toLowerCase();
  if (!isTaxonomyId(id)) throw new UsageError(`--taxonomy must be ${TAXONOMY_IDS.join(' or ')}; got "${text}".`);
  return id;
}

/**
 * Refuses what does not go with --taxonomy: a CORPUS file, its column or sheet, --seniority
 * (occupations name no level) and --adapter (a recruiter's decisions pair titles with titles, and
 * the occupations' ranking collapses titles to occupations: the adapter would be ignored).
 */
export function checkTaxonomyOptions(positionals: readonly string[], values: { 'corpus-column'?: string; 'corpus-sheet'?: string; seniority?: string; adapter?: string }): void {
  if (positionals.length !== 1) {
    throw new UsageError(`match --taxonomy takes one file, QUERIES: the taxonomy takes the place of CORPUS (got ${positionals.length} files). Run "titlematch match --help" for the options.`);
  }
  for (const option of ['corpus-column', 'corpus-sheet', 'seniority'] as const) {
    if (values[option] !== undefined) throw new UsageError(`--${option} does not go with --taxonomy: ${option === 'seniority' ? 'occupations name no seniority level' : 'there is no CORPUS file'}. Leave it out.`);
  }
  if (values.adapter !== undefined) {
    throw new UsageError(
      '--adapter does not go with --taxonomy: the decisions it holds pair titles with titles, not with occupations. Leave it out, or match against a file of the occupations\' titles (a CORPUS) with the adapter.',
    );
  }
}

/**
 * The --language value, checked as far as it can be before the taxonomy is read: it goes with
 * --taxonomy esco only (O*NET names its occupations in English only). Undefined for English.
 * Whether ESCO has the language is checked against the taxonomy (namedIn).
 */
export function parseLanguage(taxonomy: TaxonomyId | undefined, text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  if (taxonomy === undefined) {
    throw new UsageError('--language goes with --taxonomy esco: it names the ESCO occupations a match lists in another language. Add --taxonomy esco, or leave it out.');
  }
  if (taxonomy !== 'esco') {
    throw new UsageError(`--language goes with --taxonomy esco only: the ${TAXONOMY_NAMES[taxonomy]} are named in one language, ${ENGLISH} (${languageName(ENGLISH)}). Leave it out.`);
  }
  const language = text.trim().toLowerCase();
  return language === ENGLISH ? undefined : language;
}

/** The taxonomy with its occupations named in `language` (undefined: English); one it has no names in is bad input. */
function namedIn(taxonomy: Taxonomy, language: string | undefined): { taxonomy: Taxonomy; fellBack: Uint8Array } {
  if (language === undefined) return inLanguage(taxonomy, ENGLISH);
  const languages = taxonomyLanguages(taxonomy);
  if (!languages.includes(language)) {
    const list = languages.map((l) => `${l} (${languageName(l)})`);
    const choices = list.length === 1 ? `${list[0]} only` : `${list.slice(0, -1).join(', ')} or ${list[list.length - 1]}`;
    throw new UsageError(`--language must be a language the ${TAXONOMY_NAMES[taxonomy.id]} of this build have names in: ${choices}; got "${language}".`);
  }
  return inLanguage(taxonomy, language);
}

/** A taxonomy, as the CLI reads it; a build without it is bad input (exit 2) with the build's reason. */
export async function readTaxonomy(id: TaxonomyId): Promise<Taxonomy> {
  try {
    return await loadTaxonomy(id);
  } catch (e) {
    if (e instanceof TaxonomyUnavailableError) throw new UsageError(e.message);
    throw e;
  }
}

/** The rows of a taxonomy match, in query order then rank. */
export function* taxonomyRows(queries: TitleList, taxonomy: Taxonomy, titles: TaxonomyTitles, ranking: OccupationTopK, confidences?: RunConfidences): Generator<TaxonomyRow> {
  const cal = confidences?.state.calibration;
  const least = confidences?.minConfidence ?? -Infinity;
  for (let q = 0; q < queries.titles.length; q++) {
    for (let r = 0; r < ranking.counts[q]; r++) {
      const at = q * ranking.k + r;
      const occupation = taxonomy.occupations[ranking.indices[at]];
      const row: TaxonomyRow = {
        query_row: queries.rows[q],
        query: queries.titles[q],
        rank: r + 1,
        code: occupation.code,
        occupation: occupation.name,
        matched_title: titles.titles[ranking.titles[at]],
        score: ranking.scores[at],
      };
      if (occupation.isco !== undefined) row.isco_group = occupation.isco;
      const confidence = confidences?.values?.[at];
      if (cal && confidence !== undefined) {
        if (confidence < least) continue;
        row.confidence = confidence;
        row.bucket = bucketOf(cal, confidence);
      }
      yield row;
    }
  }
}

/** CSV (exactly TAXONOMY_CSV_COLUMNS) or JSON (every field), in chunks of about 256 KB. */
export function renderTaxonomyRows(rows: Iterable<TaxonomyRow>, format: 'csv' | 'json'): Generator<string> {
  return renderRecords(
    rows,
    format,
    TAXONOMY_CSV_COLUMNS,
    (r) => `${r.query_row},${csvField(r.query)},${r.rank},${csvField(r.code)},${csvField(r.occupation)},${csvField(r.matched_title)},${formatScore(r.score)}\n`,
    (r) => JSON.stringify({ ...r, score: Number(formatScore(r.score)), ...(r.confidence === undefined ? {} : { confidence: Number(formatScore(r.confidence)) }) }),
  );
}

/** What a taxonomy match needs from the command line, checked by runMatch. */
export interface TaxonomyRun {
  taxonomy: TaxonomyId;
  /** The language to name the occupations in (parseLanguage); undefined for English. */
  language?: string;
  queries: () => Promise<TitleList>;
  notes: string[];
  top: number | 'all';
  minScore?: number;
  minConfidence?: number;
  format: 'csv' | 'json' | 'xlsx' | 'html';
  outPath?: string;
  inputs: string[];
  /** The engine options for the run's query titles (the bundled model picked by their language, or --model's). */
  engineFor: (queries: readonly string[]) => Promise<{ options: EngineOptions; route?: ModelRoute; note?: string }>;
  /** Whether --provider was given (else the provider measured fastest is used). */
  providerGiven: boolean;
  cacheDir?: string;
}

/** Runs a taxonomy match; returns the exit code. */
export async function runTaxonomyMatch(run: TaxonomyRun, io: CliIo): Promise<number> {
  // Read and check the input and the taxonomy before loading the model: bad input fails fast.
  const { taxonomy, fellBack } = namedIn(await readTaxonomy(run.taxonomy), run.language);
  const queries = await run.queries();
  const long = countLongTitles(queries.titles);
  if (long > 0) run.notes.push(`${formatCount(long)} title(s) longer than ${MAX_TITLE_CHARS} characters were cut to their first ${MAX_TITLE_CHARS} for matching (the output keeps them whole).`);
  for (const note of run.notes) io.stderr.write(`note: ${oneLine(note)}\n`);

  const progress = new ProgressReporter(io.stderr);
  const { cacheDir } = run;
  const { options: engineOptions, route, note } = await run.engineFor(queries.titles);
  if (note !== undefined) io.stderr.write(`note: ${oneLine(note)}\n`);
  // The English model reads the taxonomy without its labels in other languages (noise to it).
  const titles = taxonomyTitles(taxonomy, { english: route?.model === 'english' });
  if (!run.providerGiven) engineOptions.providers = await calibratedProviders(engineOptions.modelDir, cacheDir, queries.titles.length + titles.titles.length, { io });
  const engine = createEngine(engineOptions);
  try {
    const calibration = await modelCalibration((await engine.info()).model.dir);
    if (!calibration.calibration) {
      if (run.minConfidence !== undefined) throw new UsageError(`--min-confidence needs a model with a confidence calibration, and ${calibration.reason}. Filter with --min-score instead.`);
      if (run.format !== 'csv') io.stderr.write(`note: ${oneLine(calibration.reason)}.\n`);
    }
    const vectors = await encodeBoth(engine, cacheDir, run.taxonomy, queries.titles, titles.titles, progress, io);
    const dim = await engine.dimension();
    const info = await engine.info();
    const matcher = await createMatcher({ provider: info.provider, threads: info.threads });
    let ranking: OccupationTopK;
    try {
      ranking = await occupationTopK((...args) => matcher.topK(...args), vectors.queries, vectors.titles, dim, titles.owner, taxonomy.occupations.length, run.top, {
        minScore: run.minScore,
        onProgress: (p) => progress.update('matching queries', p.done, p.total),
      });
    } finally {
      await matcher.dispose();
    }
    const confidences: RunConfidences = { state: calibration, values: rankedConfidences(calibration, ranking), minConfidence: run.minConfidence };
    if (run.language !== undefined) {
      const english = [...listedOccupations(ranking, confidences)].filter((o) => fellBack[o] === 1).length;
      const which = english === 1 ? 'occupation listed has' : 'occupations listed have';
      if (english > 0) io.stderr.write(`note: ${formatCount(english)} ${which} no ${languageName(run.language)} preferred label in the ${TAXONOMY_NAMES[run.taxonomy]}: named by the English one.\n`);
    }
    if (run.format === 'xlsx' || run.format === 'html') {
      const report = await taxonomyReport(queries, taxonomy, titles, ranking, engine, run, confidences, route);
      if (run.outPath !== undefined) await writeReport(run.outPath, report, { format: run.format, inputs: run.inputs });
      else await renderHtml(report, io.stdout);
    } else {
      const chunks = renderTaxonomyRows(taxonomyRows(queries, taxonomy, titles, ranking, confidences), run.format);
      if (run.outPath !== undefined) await writeAtomic(run.outPath, (out) => writeChunks(out, chunks));
      else await writeToStdout(chunks, io.stdout);
    }
    progress.finish(run.outPath !== undefined ? `wrote ${run.outPath}` : 'done');
    return 0;
  } finally {
    await engine.dispose();
  }
}

/** The occupations a ranking lists (one a --min-confidence leaves out not counted), as taxonomyRows keeps them. */
function listedOccupations(ranking: OccupationTopK, confidences: RunConfidences): Set<number> {
  const listed = new Set<number>();
  const least = confidences.minConfidence ?? -Infinity;
  const filtered = confidences.state.calibration !== undefined;
  for (let q = 0; q < ranking.counts.length; q++) {
    for (let r = 0; r < ranking.counts[q]; r++) {
      const at = q * ranking.k + r;
      const confidence = confidences.values?.[at];
      if (filtered && confidence !== undefined && confidence < least) continue;
      listed.add(ranking.indices[at]);
    }
  }
  return listed;
}

/** Encodes the queries (through the title cache) and the taxonomy's titles (through a cache file of their own for this model: computed once). */
async function encodeBoth(engine: Engine, cacheDir: string | undefined, id: TaxonomyId, queries: string[], titles: string[], progress: ProgressReporter, io: CliIo): Promise<{ queries: Float32Array; titles: Float32Array }> {
  const out: Float32Array[] = [];
  for (const [list, part, what] of [[titles, `taxonomy-${id}`, `encoding the ${TAXONOMY_NAMES[id]}' titles`], [queries, undefined, 'encoding distinct titles']] as const) {
    const cached = cacheDir !== undefined ? await cachedEngine(engine, cacheDir, part) : undefined;
    out.push(await (cached ?? engine).encode(list, { onProgress: (p) => progress.update(what, p.done, p.total) }));
    if (cached?.cache.saveError !== undefined) io.stderr.write(`note: the title cache could not be saved (${cached.cache.saveError}); matching goes on without it.\n`);
  }
  return { titles: out[0], queries: out[1] };
}

/** The spreadsheet report of a taxonomy match, as the app exports one: each match is an occupation (its code, and its ISCO-08 unit group for ESCO), with the title that matched. */
async function taxonomyReport(
  queries: TitleList,
  taxonomy: Taxonomy,
  titles: TaxonomyTitles,
  ranking: OccupationTopK,
  engine: Engine,
  run: TaxonomyRun,
  confidences: RunConfidences,
  route: ModelRoute | undefined,
): Promise<MatchReport> {
  const matches: ReportMatch[] = [];
  const least = confidences.minConfidence ?? -Infinity;
  for (let q = 0; q < queries.titles.length; q++) {
    for (let r = 0; r < ranking.counts[q]; r++) {
      const at = q * ranking.k + r;
      const m: ReportMatch = { queryRow: queries.rows[q], rank: r + 1, matchRow: ranking.indices[at] + 1, score: ranking.scores[at], facets: { via: titles.titles[ranking.titles[at]] } };
      const confidence = confidences.values?.[at];
      const cal = confidences.state.calibration;
      if (cal && confidence !== undefined) {
        if (confidence < least) continue;
        m.facets = { ...m.facets, confidence, bucket: bucketOf(cal, confidence) };
      }
      matches.push(m);
    }
  }
  const info = await engine.info();
  return {
    directions: [
      {
        query: { table: queries.table, column: queries.table.columns.indexOf(queries.column), label: 'Queries' },
        corpus: { table: occupationsTable(taxonomy, run.language), column: 0, label: taxonomy.name },
        matches,
      },
    ],
    run: {
      model: { ...modelNameOf(info.model), ...(route ? { route } : {}) },
      provider: info.provider,
      topK: run.top,
      threshold: run.minScore,
      minConfidence: run.minConfidence,
      confidence: runConfidence(confidences.state),
      createdAt: new Date(),
    },
  };
}
