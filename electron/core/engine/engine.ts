/**
 * The embedding engine: it loads a model folder lazily and once (load.ts: provider and precision
 * with explicit fallback) and turns titles into L2-normalised vectors (normalise -> dedupe ->
 * tokenize -> length-grouped batches -> run -> pool; session.ts runs a batch). A title with an
 * abbreviation of several meanings ("PM") is read in each of them and gets the mean of the readings'
 * vectors (text/normalize.ts, titleReadings). The engine's files (engine, load, session, gpu-probe)
 * are the only ones that import onnxruntime-node's sessions.
 */
import { normalizeTitle, readsSenses, titleReadings } from '../text/index.js';
import { cutTitle } from './title-limit.js';
import { bucketShapes, dedupe, planBatches, shapedBatches } from './batching.js';
import { loadModel } from './load.js';
import { loadLanguageProfile } from './model-folder.js';
import { l2Normalize } from './pooling.js';
import { runBatch, type Loaded } from './session.js';
import { DEFAULT_TOKENIZE_WORKER, TokenizeThread, type TokenizedChunk } from './tokenize-thread.js';
import { padBatch, tokenIds } from './tokenize.js';
import type { Engine, EngineOptions } from './types.js';

/** Longest sequence the warm-up compiles shapes for. */
const WARM_UP_MAX_SEQ = 64;

/**
 * How the engine reads titles: vectors cached under another reading (embedding-cache.ts) are
 * encoded again. 2: titles with abbreviations of several meanings are read in each. 3: only where
 * the language profile of EngineOptions.languageProfileDir finds English (or no language), or the
 * title is such words only, for either model (readsSenses). The cache also keys by the lexicon's
 * words of several meanings (embedding-cache.ts, READING_KEY).
 */
export const TITLE_READING = 3;

/** Titles per tokenized chunk when tokenizing runs beside the model; smaller jobs tokenize at once. */
export const TOKENIZE_CHUNK = 4096;

/** Creates an engine; nothing is loaded until it is first used. */
export function createEngine(options: EngineOptions): Engine {
  let loading: Promise<Loaded> | undefined;
  const batchSize = options.batchSize ?? 128;
  const maxBatchTokens = options.maxBatchTokens ?? 4096;
  const prepare = options.normalizeTitles === false ? cutTitle : (t: string): string => normalizeTitle(cutTitle(t));
  let thread: TokenizeThread | undefined;
  let threadProblem: string | undefined;
  const fixedShapes = (m: Loaded): boolean => {
    const mode = options.fixedShapes ?? 'gpu';
    return mode === 'always' || (mode === 'gpu' && m.info.provider !== 'cpu');
  };

  /** The batches of a chunk: item indices, and the shape to pad them to where shapes are fixed. */
  const batchesOf = (m: Loaded, rows: readonly ArrayLike<number>[]): { items: number[]; shape?: { rows: number; seq: number } }[] => {
    const lengths = rows.map((r) => r.length);
    if (fixedShapes(m)) return shapedBatches(lengths, m.folder.maxLength, batchSize, maxBatchTokens).map((b) => ({ items: b.items, shape: b }));
    return planBatches(lengths, batchSize, maxBatchTokens).map((items) => ({ items }));
  };

  /** Token ids of texts on this thread, letting an abort (or a worker's message) through. */
  const tokenizeHere = async (m: Loaded, texts: readonly string[], signal?: AbortSignal): Promise<number[][]> => {
    const rows: number[][] = [];
    for (let i = 0; i < texts.length; i++) {
      rows.push(tokenIds(m.tokenizer, texts[i], m.folder.maxLength));
      if (i % 2000 === 1999) {
        await new Promise((resolve) => setImmediate(resolve));
        signal?.throwIfAborted();
      }
    }
    return rows;
  };

  const startThread = (m: Loaded): TokenizeThread | undefined => {
    const beside = options.tokenizeBeside ?? 'gpu';
    if (threadProblem !== undefined || beside === 'never' || (beside === 'gpu' && m.info.provider === 'cpu')) return undefined;
    try {
      thread ??= new TokenizeThread(options.tokenizeWorker ?? DEFAULT_TOKENIZE_WORKER, {
        tokenizerJson: m.folder.tokenizerJson,
        tokenizerConfig: m.folder.tokenizerConfig,
        maxLength: m.folder.maxLength,
      });
      return thread;
    } catch (e) {
      threadProblem = e instanceof Error ? e.message : String(e);
      options.logger?.warn?.(`tokenizing on the engine's thread: the tokenizing worker did not start (${threadProblem})`);
      return undefined;
    }
  };

  /**
   * The texts' token ids, in chunks. Large jobs: chunks of TOKENIZE_CHUNK tokenized by the worker,
   * the next one requested before the model runs on this one, so that both work at once. A worker
   * that fails is not used again; its chunk and the rest are tokenized here.
   */
  async function* tokenChunks(m: Loaded, texts: readonly string[], signal?: AbortSignal): AsyncGenerator<{ start: number; rows: ArrayLike<number>[] }> {
    const worker = texts.length > TOKENIZE_CHUNK ? startThread(m) : undefined;
    if (!worker) {
      yield { start: 0, rows: await tokenizeHere(m, texts, signal) };
      return;
    }
    const request = (k: number): Promise<ArrayLike<number>[]> => {
      const part = texts.slice(k * TOKENIZE_CHUNK, (k + 1) * TOKENIZE_CHUNK);
      return worker.tokenize(part).then(rowsOf, (e: unknown) => {
        if (threadProblem === undefined) {
          threadProblem = e instanceof Error ? e.message : String(e);
          options.logger?.warn?.(`tokenizing on the engine's thread: the tokenizing worker failed (${threadProblem})`);
        }
        return signal?.aborted ? [] : tokenizeHere(m, part);
      });
    };
    const chunks = Math.ceil(texts.length / TOKENIZE_CHUNK);
    let pending = request(0);
    try {
      for (let k = 0; k < chunks; k++) {
        const rows = await pending;
        if (k + 1 < chunks) pending = request(k + 1);
        yield { start: k * TOKENIZE_CHUNK, rows };
      }
    } finally {
      pending.catch(() => undefined);
    }
  }

  /**
   * The readings of the distinct normalised texts that have abbreviations of several meanings, with
   * the text each belongs to; where a language profile is found (options.languageProfileDir, else
   * the model's folder), only those it finds English or undetermined (readsSenses).
   */
  const readingsOf = async (m: Loaded, texts: readonly string[]): Promise<{ readings: string[]; owner: number[] }> => {
    const readings: string[] = [];
    const owner: number[] = [];
    if (options.normalizeTitles === false) return { readings, owner };
    const profile = await loadLanguageProfile(options.languageProfileDir ?? m.folder.dir);
    texts.forEach((t, i) => {
      const r = titleReadings(t);
      if (r.length === 0 || !readsSenses(profile, t)) return;
      for (const x of r) {
        readings.push(x);
        owner.push(i);
      }
    });
    return { readings, owner };
  };

  const ensure = (): Promise<Loaded> => {
    loading ??= loadModel(options).catch((e: unknown) => {
      loading = undefined; // a failed load may be retried, e.g. after the user fixes the folder
      throw e;
    });
    return loading;
  };

  return {
    async load() {
      return (await ensure()).info;
    },
    async info() {
      return (await ensure()).info;
    },
    async dimension() {
      return (await ensure()).dimension;
    },
    async encode(titles, runOptions = {}) {
      const { signal, onProgress } = runOptions;
      signal?.throwIfAborted();
      const m = await ensure();
      const { unique, indexOf } = dedupe(titles.map(prepare));
      const { readings, owner } = await readingsOf(m, unique);
      // A reading that is also a title of the job (or another title's reading) is encoded once.
      const { unique: texts, indexOf: rowOf } = readings.length === 0 ? { unique, indexOf: new Int32Array(0) } : dedupe(unique.concat(readings));
      const dim = m.dimension;
      const all = new Float32Array(texts.length * dim);
      let done = 0;
      for await (const { start, rows } of tokenChunks(m, texts, signal)) {
        signal?.throwIfAborted();
        for (const { items, shape } of batchesOf(m, rows)) {
          signal?.throwIfAborted();
          const out = await runBatch(
            m,
            padBatch(
              items.map((i) => rows[i]),
              m.tokenizer.padId,
              shape,
            ),
          );
          for (let r = 0; r < items.length; r++) all.set(out.subarray(r * dim, (r + 1) * dim), (start + items[r]) * dim);
          done += items.length;
          onProgress?.({ done, total: texts.length });
        }
      }
      const vectors = readings.length === 0 ? all : meanOfReadings(all, unique.length, owner, rowOf.subarray(unique.length), dim);
      if (unique.length === titles.length) return vectors;
      const expanded = new Float32Array(titles.length * dim);
      for (let i = 0; i < titles.length; i++) expanded.set(vectors.subarray(indexOf[i] * dim, (indexOf[i] + 1) * dim), i * dim);
      return expanded;
    },
    async warmUp(runOptions = {}) {
      const m = await ensure();
      if (!fixedShapes(m)) return 0;
      const row = tokenIds(m.tokenizer, 'software engineer', m.folder.maxLength);
      // Job titles are short: models that take 512 tokens compile their longer shapes if ever met.
      const shapes = bucketShapes(Math.min(m.folder.maxLength, WARM_UP_MAX_SEQ), batchSize, maxBatchTokens);
      for (const shape of shapes) {
        runOptions.signal?.throwIfAborted();
        await runBatch(m, padBatch([row], m.tokenizer.padId, shape));
      }
      return shapes.length;
    },
    async dispose() {
      const current = loading;
      loading = undefined;
      const worker = thread;
      thread = undefined;
      await worker?.terminate();
      if (current) await (await current).session.release();
    },
  };
}

/** Rows of a chunk tokenized by the worker, as views of its flat ids. */
function rowsOf(chunk: TokenizedChunk): Int32Array[] {
  const rows: Int32Array[] = [];
  for (let i = 0; i + 1 < chunk.offsets.length; i++) rows.push(chunk.ids.subarray(chunk.offsets[i], chunk.offsets[i + 1]));
  return rows;
}

/**
 * The first `n` rows of `all` (the distinct titles) with each row that has readings replaced by the
 * L2-normalised mean of itself and its readings: reading j belongs to row owner[j] and was encoded
 * as row readingRow[j] of `all`.
 */
function meanOfReadings(all: Float32Array, n: number, owner: readonly number[], readingRow: Int32Array, dim: number): Float32Array {
  const vectors = all.slice(0, n * dim);
  owner.forEach((row, j) => {
    for (let d = 0; d < dim; d++) vectors[row * dim + d] += all[readingRow[j] * dim + d];
  });
  for (const row of new Set(owner)) l2Normalize(vectors.subarray(row * dim, (row + 1) * dim), dim);
  return vectors;
}
