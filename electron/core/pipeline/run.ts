/**
 * The match pipeline both front ends run, the CLI's `match` and the app's match service:
 *
 *     spreadsheet -> titles of a column (front end) -> encodeSides (one encode call for both
 *     sides, through the title cache and the engine's provider) -> rankSides (seniority step, or
 *     the recruiter's adapter; one or both directions, in onnxruntime on the same provider)
 *     -> confidences (runCalibration: the model's, or none for adapted scores) -> report (front end)
 *
 * Each front end keeps only its own concerns: the CLI its arguments, notes and exit codes; the
 * service its kept tables and results, progress throttling and cancellation from the window.
 */
import type { SeniorityMode } from '../../contract/seniority.js';
import { ADAPTED_NO_CONFIDENCE, rankDirection, type PreparedAdapter } from '../adapter/index.js';
import { modelCalibration, type CalibrationState } from '../confidence/index.js';
import type { Engine } from '../engine/index.js';
import { createMatcher, titleLevels, type Matcher, type SeniorityTopK, type TopKFn } from '../match/index.js';

/** One direction's ranking: seniority-adjusted scores, and the pairs the recruiter accepted where an adapter ranked. */
export type RankedDirection = SeniorityTopK & { pinned?: Uint8Array };

/** Progress of one phase: titles encoded, or query titles ranked (both directions counted together). */
export interface PipelineProgress {
  phase: 'encoding' | 'matching';
  done: number;
  total: number;
}

/** Cancellation and progress of a pipeline step. */
export interface PipelineOptions {
  signal?: AbortSignal;
  onProgress?: (progress: PipelineProgress) => void;
}

/** The titles of both sides and their unit vectors (`dim` floats per title, in title order). */
export interface EncodedSides {
  dim: number;
  queries: { titles: readonly string[]; vectors: Float32Array };
  corpus: { titles: readonly string[]; vectors: Float32Array };
}

/**
 * Encodes both sides in one call (a title on both sides is encoded once) through `encoder`, the
 * engine or its cached form. `corpusVectors`, where given, makes the corpus's vectors elsewhere
 * (a taxonomy's titles, from their own cache), after the queries are encoded: only the queries are
 * encoded here then, and the vectors it gives need not be one per corpus title.
 */
export async function encodeSides(
  encoder: Pick<Engine, 'encode'>,
  queries: readonly string[],
  corpus: readonly string[],
  options: PipelineOptions & { corpusVectors?: () => Promise<Float32Array> } = {},
): Promise<EncodedSides> {
  const { signal, onProgress, corpusVectors } = options;
  const titles = corpusVectors ? [...queries] : [...queries, ...corpus];
  const vectors = await encoder.encode(titles, { signal, onProgress: onProgress && (({ done, total }) => onProgress({ phase: 'encoding', done, total })) });
  const dim = vectors.length / titles.length;
  const split = queries.length * dim;
  return {
    dim,
    queries: { titles: queries, vectors: vectors.subarray(0, split) },
    corpus: { titles: corpus, vectors: corpusVectors ? await corpusVectors() : vectors.subarray(split) },
  };
}

/** How a run ranks. */
export interface RankRequest {
  /** Matches kept per title ('all': the whole other side). */
  k: number | 'all';
  mode: SeniorityMode;
  /** Matches below this score (after seniority) are left out. */
  minScore?: number;
  /** The recruiter's decisions, prepared for this model: accepted pairs first, rejected ones hidden, the rest moved. */
  adapter?: PreparedAdapter;
  /** Also rank the corpus's titles against the queries (the app shows both directions). */
  both?: boolean;
}

/** The rankings of a run, and the seniority levels they were made with (indices into SENIORITY_LEVELS). */
export interface RankedSides {
  levels: { queries: Uint8Array; corpus: Uint8Array };
  byQuery: RankedDirection;
  /** With `both`: each corpus title's best queries. */
  byCorpus?: RankedDirection;
}

/** Ranks encoded sides through the one seniority step (or the adapter) with `rank`, a matcher's top-k. */
export async function rankSides(rank: TopKFn, sides: EncodedSides, request: RankRequest & { both: true }, options?: PipelineOptions): Promise<RankedSides & { byCorpus: RankedDirection }>;
export async function rankSides(rank: TopKFn, sides: EncodedSides, request: RankRequest, options?: PipelineOptions): Promise<RankedSides>;
export async function rankSides(rank: TopKFn, sides: EncodedSides, request: RankRequest, options: PipelineOptions = {}): Promise<RankedSides> {
  const { signal, onProgress } = options;
  const levels = { queries: titleLevels(sides.queries.titles), corpus: titleLevels(sides.corpus.titles) };
  const queries = { vectors: sides.queries.vectors, titles: sides.queries.titles, levels: levels.queries };
  const corpus = { vectors: sides.corpus.vectors, titles: sides.corpus.titles, levels: levels.corpus };
  const total = queries.titles.length + (request.both ? corpus.titles.length : 0);
  const progress = (offset: number) => onProgress && (({ done }: { done: number }) => onProgress({ phase: 'matching', done: offset + done, total }));
  const ranking = { mode: request.mode, minScore: request.minScore, signal };
  const byQuery = await rankDirection(request.adapter, rank, { queries, corpus }, sides.dim, request.k, { ...ranking, onProgress: progress(0) });
  const byCorpus = request.both
    ? await rankDirection(request.adapter, rank, { queries: corpus, corpus: queries }, sides.dim, request.k, { ...ranking, onProgress: progress(queries.titles.length) })
    : undefined;
  signal?.throwIfAborted();
  return { levels, byQuery, ...(byCorpus ? { byCorpus } : {}) };
}

/** A matcher on the engine's provider and threads: the exact top-k in onnxruntime, or the JavaScript reference where it cannot start. */
export async function matcherFor(engine: Engine): Promise<Matcher> {
  const info = await engine.info();
  return createMatcher({ provider: info.provider, threads: info.threads });
}

/** The calibration a run's confidences come from: the model's, except where an adapter moved the scores it was fitted on. */
export async function runCalibration(adapted: boolean, modelDir: string): Promise<CalibrationState> {
  return adapted ? { reason: ADAPTED_NO_CONFIDENCE } : modelCalibration(modelDir);
}
