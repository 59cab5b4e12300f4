/**
 * The match service in-process: keeps the imported tables and the finished results, runs the
 * engine and the matcher, writes reports and projects. The worker hosts one of these; the
 * end-to-end tests use the worker too, so the app and the tests exercise the same code.
 */
import { randomUUID } from 'node:crypto';
import type {
  ExportRequest,
  MatchProgress,
  MatchRequest,
  MatchResult,
  MatchedSide,
  OpenedProject,
  ProjectInput,
  Ranking,
  SaveProjectRequest,
  TableSummary,
} from '../../contract/types.js';
import { adapterModelOf, DecisionStore } from '../adapter/index.js';
import { rankedConfidences, runConfidence, type CalibrationState } from '../confidence/index.js';
import { createEngineHost, type EngineHostOptions } from './engine-host.js';
import { readTable, type Table } from '../io/index.js';
import { DEFAULT_SENIORITY } from '../../contract/seniority.js';
import { levelName, titleLevels, type TopKFn } from '../match/index.js';
import { encodeSides, rankSides, runCalibration, type PipelineProgress, type RankedDirection } from '../pipeline/run.js';
import { locateInput, readProject, toProject, writeProject, type InputToSave, type ProjectInputRef } from '../project/index.js';
import { fromEntries, runDecisions, savedOf } from './decisions.js';
import { matchBusy, modelBusy, providerBusy, ServiceError } from './errors.js';
import { Eta } from './eta.js';
import { providerLabel } from './providers.js';
import { printableReport, writeReport } from './report.js';
import { matchedTitles, taxonomyRankings, taxonomyStore, type KeptTaxonomy } from './taxonomy.js';
import type { TaxonomyId } from '../../contract/taxonomy.js';
import { summarizeTable } from './summary.js';
import { distinctTitles, type DistinctTitles } from '../pipeline/titles.js';
import type { CallOptions, KeptResult, KeptTable, MatchService } from './types.js';

/** What the service needs from its host: the engine settings, and what it keeps and where. */
export interface ServiceOptions extends EngineHostOptions {
  /** Tables kept at once; older ones are dropped (default 8). */
  keepTables?: number;
  /** Results kept at once (default 3). */
  keepResults?: number;
  /** Least milliseconds between progress reports (default 100). */
  progressEveryMs?: number;
  /** The taxonomies the build derived (default: the project's out/taxonomies). */
  taxonomyDir?: string;
  /** The per-user decision store file (in the user-data folder); without one, no decision is saved. */
  decisionStore?: string;
}

/** The options a worker thread's service starts with: plain data that crosses to the thread. */
export type WorkerData = Pick<
  ServiceOptions,
  'modelDir' | 'multilingualModelDir' | 'modelFolder' | 'modelChoice' | 'cacheDir' | 'tokenizeWorker' | 'taxonomyDir' | 'provider' | 'decisionStore'
>;

/** Creates the in-process service. */
export function createMatchService(options: ServiceOptions): MatchService {
  const host = createEngineHost(options);
  const tables = new Map<string, KeptTable>();
  const store = options.decisionStore === undefined ? undefined : new DecisionStore(options.decisionStore);
  const storeOf = (): DecisionStore => {
    if (!store) throw new ServiceError('no-store', 'This TitleMatch has no place to save decisions. Start it from the TitleMatch app.');
    return store;
  };
  // Taxonomies loaded as the side to match against, by the id of their occupations table.
  const taxonomyOf = taxonomyStore(options.taxonomyDir);
  const taxonomies = new Map<string, KeptTaxonomy>();
  const results = new Map<string, KeptResult>();
  const keepTables = options.keepTables ?? 8;
  const keepResults = options.keepResults ?? 3;
  const progressEveryMs = options.progressEveryMs ?? 100;
  let running = false;
  const keep = <V>(map: Map<string, V>, key: string, value: V, limit: number): void => {
    map.set(key, value);
    while (map.size > limit) map.delete(map.keys().next().value as string);
  };

  const tableOf = (id: string, side: string): Table => {
    const kept = tables.get(id);
    if (!kept) throw new ServiceError('no-table', `The ${side} file is no longer loaded. Open it again.`);
    return kept.table;
  };

  async function loadTable(path: string, sheet: string | null) {
    const table = await readTable(path, sheet === null ? {} : { sheet });
    const id = randomUUID();
    keep(tables, id, { id, table }, keepTables);
    return summarizeTable(table, id);
  }

  /** A taxonomy's title vectors, through a cache file of their own for the model where there is a cache. */
  const taxonomyVectors = async (kept: KeptTaxonomy, signal: AbortSignal | undefined, onProgress: (p: { done: number; total: number }) => void): Promise<Float32Array> =>
    (await host.encoder(`taxonomy-${kept.summary.id}`)).encode(kept.titles.titles, { signal, onProgress });

  async function loadTaxonomy(id: TaxonomyId): Promise<TableSummary> {
    const kept = await taxonomyOf(id);
    const tableId = randomUUID();
    keep(tables, tableId, { id: tableId, table: kept.table }, keepTables);
    for (const key of taxonomies.keys()) if (!tables.has(key)) taxonomies.delete(key);
    taxonomies.set(tableId, kept);
    return { ...summarizeTable(kept.table, tableId), taxonomy: kept.summary };
  }

  async function match(request: MatchRequest, call: CallOptions = {}): Promise<MatchResult> {
    if (running) throw matchBusy();
    running = true;
    try {
      return await runMatch(request, call);
    } finally {
      running = false;
    }
  }

  async function runMatch(request: MatchRequest, call: CallOptions): Promise<MatchResult> {
    const { signal } = call;
    const started = performance.now();
    const cTable = tableOf(request.candidates.tableId, 'candidates');
    const tTable = tableOf(request.targets.tableId, 'match-against');
    const c = distinctTitles(cTable, request.candidates.column);
    const t = distinctTitles(tTable, request.targets.column);
    for (const [titles, table, column] of [[c, cTable, request.candidates.column], [t, tTable, request.targets.column]] as const) {
      if (titles.titles.length === 0) {
        throw new ServiceError('no-titles', `The column "${column}" of ${table.path} has no titles. Choose the column that holds job titles.`);
      }
    }
    const report = throttled(call.onProgress, progressEveryMs);

    // Against a taxonomy, all its occupations' titles are encoded (once per model: a cache file of their own).
    const taxonomy = taxonomies.get(request.targets.tableId);
    // Each phase's progress with its own ETA, passed on at most every progressEveryMs.
    let eta: { phase: string; total: number; eta: Eta } | undefined;
    const onProgress = ({ phase, done, total }: PipelineProgress): void => {
      if (eta?.phase !== phase || eta.total !== total) eta = { phase, total, eta: new Eta(total) };
      report({ phase, done, total, etaSeconds: eta.eta.secondsLeft(done) }, done === total);
    };
    // One model reads both sides: the bundled one for the titles' languages (against a taxonomy, the candidates').
    const route = await host.route(taxonomy ? c.titles : [...c.titles, ...t.titles]);
    // The English model reads a taxonomy without its labels in other languages (noise to it).
    const kept = taxonomy && (route?.model === 'english' ? { ...taxonomy, titles: taxonomy.english } : taxonomy);
    const corpusVectors = kept && (() => taxonomyVectors(kept, signal, ({ done, total }) => onProgress({ phase: 'encoding', done, total })));
    const sides = await encodeSides(await host.encoder(), c.titles, t.titles, { signal, onProgress, corpusVectors });
    const { dim } = sides;

    const k = Math.max(1, Math.min(100, Math.floor(request.topK)));
    const m = await host.matcher();
    // Both directions through the one pipeline the CLI uses; an occupation names no level,
    // so a taxonomy's rankings are the model's alone, and the result says so.
    const mode = kept ? 'ignore' : (request.seniority ?? DEFAULT_SENIORITY);
    const rank: TopKFn = (...a) => m.topK(...a);
    const info = await (await host.engine()).info();
    // The decisions pair titles with titles: an occupation's ranking (through all its titles) is the model's.
    const decided =
      kept || request.adapt === false
        ? undefined
        : await runDecisions(store ? (await store.state()).decisions : [], fromEntries(request.decisions ?? []), await adapterModelOf(info.model.dir), async (titles) => (await host.encoder()).encode(titles, { signal }));
    let byTarget: RankedDirection;
    let byCandidate: RankedDirection;
    let levels: { queries: Uint8Array; corpus: Uint8Array };
    let viaTaxonomy: Awaited<ReturnType<typeof taxonomyRankings>> | undefined;
    if (kept) {
      // Against a taxonomy: its occupations, each at its best title.
      const total = c.titles.length + t.titles.length;
      const onMatch = (offset: number) => ({ done }: { done: number }) => onProgress({ phase: 'matching', done: offset + done, total });
      viaTaxonomy = await taxonomyRankings(rank, kept, sides.queries.vectors, sides.corpus.vectors, dim, k, { signal, onMatch });
      ({ byTarget, byCandidate } = viaTaxonomy);
      levels = { queries: titleLevels(c.titles), corpus: titleLevels(t.titles) };
    } else {
      const ranked = await rankSides(rank, sides, { k, mode, adapter: decided?.prepared, both: true }, { signal, onProgress });
      byCandidate = ranked.byQuery;
      byTarget = ranked.byCorpus;
      levels = ranked.levels;
    }
    const { queries: cLevels, corpus: tLevels } = levels;
    signal?.throwIfAborted();

    // Adapted scores have no calibrated confidence, as in the CLI.
    const cal: CalibrationState = await runCalibration(decided !== undefined, info.model.dir);
    const side = (table: Table, titles: DistinctTitles, tableId: string, column: string, levels: Uint8Array): MatchedSide => ({
      tableId,
      path: table.path,
      fileName: table.path.split(/[\\/]/).pop() ?? table.path,
      sheet: table.sheet ?? null,
      column,
      rowCount: table.rows.length,
      titles: titles.titles,
      rowCounts: titles.rowCounts,
      levels: Array.from(levels, levelName),
    });
    const result: MatchResult = {
      runId: randomUUID(),
      createdAt: new Date().toISOString(),
      elapsedMs: Math.round(performance.now() - started),
      topK: k,
      candidates: side(cTable, c, request.candidates.tableId, request.candidates.column, cLevels),
      targets: side(tTable, t, request.targets.tableId, request.targets.column, tLevels),
      byTarget: toRanking(byTarget, k, rankedConfidences(cal, byTarget), mode === 'prefer'),
      byCandidate: toRanking(byCandidate, k, rankedConfidences(cal, byCandidate), mode === 'prefer'),
      model: { ...host.nameOf(info.model), ...(route ? { route } : {}) },
      provider: providerLabel(info.provider, info.threads, info.precision),
      confidence: runConfidence(cal),
      seniority: mode,
      adapter: decided?.use ?? null,
    };
    if (kept && viaTaxonomy) {
      // The occupations' codes, and the title of each occupation that matched.
      result.targets.codes = kept.taxonomy.occupations.map((o) => o.code);
      result.byTarget.matched = matchedTitles(result.byTarget, viaTaxonomy.byTarget, kept.titles.titles);
      result.byCandidate.matched = matchedTitles(result.byCandidate, viaTaxonomy.byCandidate, kept.titles.titles);
    }
    keep(results, result.runId, { result, candidates: { table: cTable, titles: c }, targets: { table: tTable, titles: t } }, keepResults);
    return result;
  }

  const inputOf = (input: { tableId: string; column: string } | null): InputToSave | null => {
    if (!input) return null;
    const kept = tables.get(input.tableId);
    if (!kept) return null;
    // A taxonomy is saved by its id: it is reopened from the app, whatever its name on screen.
    const taxonomy = taxonomies.get(input.tableId)?.summary.id;
    return { path: kept.table.path, sheet: kept.table.sheet ?? null, column: input.column, ...(taxonomy !== undefined ? { taxonomy } : {}) };
  };

  async function reopenInput(projectPath: string, ref: ProjectInputRef | null): Promise<ProjectInput | null> {
    if (!ref) return null;
    const path = await locateInput(projectPath, ref);
    try {
      const table = ref.taxonomy !== undefined ? await loadTaxonomy(ref.taxonomy) : await loadTable(path, ref.sheet);
      return { table, path, sheet: ref.sheet, column: ref.column, error: null };
    } catch (error) {
      const code = typeof (error as { code?: unknown }).code === 'string' ? (error as { code: string }).code : 'internal';
      return { table: null, path, sheet: ref.sheet, column: ref.column, error: { code, message: error instanceof Error ? error.message : String(error) } };
    }
  }

  const keptFor = (request: ExportRequest): KeptResult => {
    const kept = results.get(request.runId);
    if (!kept) throw new ServiceError('no-result', 'These results are no longer available. Match again, then export.');
    return kept;
  };
  // A report never replaces a file the app has open.
  const inputsOf = (kept: KeptResult): string[] => [kept.candidates.table.path, kept.targets.table.path, ...[...tables.values()].map((t) => t.table.path)];

  return {
    engineStatus: () => host.status(),
    async setProvider(next) {
      if (running) throw providerBusy();
      return host.setProvider(next);
    },
    async setModel(next) {
      if (running) throw modelBusy();
      return host.setModel(next);
    },
    async setModelChoice(next) {
      if (running) throw modelBusy();
      return host.setModelChoice(next);
    },
    loadTable,
    loadTaxonomy,
    match,
    async exportResults(request, path) {
      const kept = keptFor(request);
      await writeReport(kept, request, path, inputsOf(kept));
    },
    async printableReport(request) {
      const kept = keptFor(request);
      return { ...(await printableReport(kept, request)), inputs: inputsOf(kept) };
    },
    async saveProject(path, request: SaveProjectRequest) {
      const result = request.runId === null ? null : (results.get(request.runId)?.result ?? null);
      const project = toProject(path, { candidates: inputOf(request.candidates), targets: inputOf(request.targets) }, request.settings, result, request.decisions ?? []);
      await writeProject(path, project);
    },
    async openProject(path): Promise<OpenedProject> {
      const project = await readProject(path);
      const candidates = await reopenInput(path, project.candidates);
      const targets = await reopenInput(path, project.targets);
      let result: MatchResult | null = null;
      if (project.result) {
        // The stored result is shown as saved; it is tied to the reopened tables so that it can be exported.
        const stored = project.result;
        result = {
          ...stored,
          runId: randomUUID(),
          candidates: { ...stored.candidates, tableId: candidates?.table?.tableId ?? '' },
          targets: { ...stored.targets, tableId: targets?.table?.tableId ?? '' },
        };
        const cKept = candidates?.table ? tables.get(candidates.table.tableId) : undefined;
        const tKept = targets?.table ? tables.get(targets.table.tableId) : undefined;
        if (cKept && tKept) {
          try {
            keep(results, result.runId, {
              result,
              candidates: { table: cKept.table, titles: distinctTitles(cKept.table, stored.candidates.column) },
              targets: { table: tKept.table, titles: distinctTitles(tKept.table, stored.targets.column) },
            }, keepResults);
          } catch {
            // A column that no longer exists: the results still show, export asks to match again.
          }
        }
      }
      return { path, candidates, targets, settings: project.settings, result, decisions: project.decisions };
    },
    savedDecisions: async () => (store ? savedOf(await store.state()) : { path: '', decisions: [], error: null }),
    decide: async (change) => savedOf(await storeOf().decide({ query: change.query, match: change.match, accept: change.decision === null ? null : change.decision === 'accept' })),
    async importDecisions(path) {
      const { imported, notes } = await storeOf().importFile(path);
      return { path, imported, notes, saved: savedOf(await storeOf().state()) };
    },
    exportDecisions: (path) => storeOf().exportFile(path),
    async clearDecisions() {
      const kept = await storeOf().clear();
      return { kept, saved: savedOf(await storeOf().state()) };
    },
    async dispose() {
      tables.clear();
      results.clear();
      await host.release();
    },
  };
}

/**
 * A ranking (its confidences, and its model scores where seniority lowered its scores) as plain
 * arrays with -1 padding: cloneable across threads and the bridge.
 */
function toRanking(r: RankedDirection, k: number, confidences: Float64Array | undefined, adjusted: boolean): Ranking {
  const n = r.counts.length;
  const indices = new Array<number>(n * k).fill(-1);
  const scores = new Array<number>(n * k).fill(0);
  const confidence = confidences ? new Array<number>(n * k).fill(0) : undefined;
  const modelScores = adjusted ? new Array<number>(n * k).fill(0) : undefined;
  const pinned = r.pinned ? new Array<number>(n * k).fill(0) : undefined;
  for (let q = 0; q < n; q++) {
    for (let j = 0; j < r.counts[q]; j++) {
      indices[q * k + j] = r.indices[q * r.k + j];
      scores[q * k + j] = r.scores[q * r.k + j];
      if (confidence && confidences) confidence[q * k + j] = confidences[q * r.k + j];
      if (modelScores) modelScores[q * k + j] = r.modelScores[q * r.k + j];
      if (pinned && r.pinned) pinned[q * k + j] = r.pinned[q * r.k + j];
    }
  }
  return { k, indices, scores, ...(confidence ? { confidence } : {}), ...(modelScores ? { modelScores } : {}), ...(pinned ? { pinned } : {}) };
}

/** Passes progress on at most every `everyMs`, and always the last report of a phase. */
function throttled(listener: ((p: MatchProgress) => void) | undefined, everyMs: number): (p: MatchProgress, last: boolean) => void {
  let lastAt = -Infinity;
  let lastPhase: string | undefined;
  return (p, last) => {
    if (!listener) return;
    const now = performance.now();
    if (!last && p.phase === lastPhase && now - lastAt < everyMs) return;
    lastAt = now;
    lastPhase = p.phase;
    listener(p);
  };
}
