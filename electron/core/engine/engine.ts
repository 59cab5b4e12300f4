/**
 * The embedding engine: the one module that owns onnxruntime-node. It loads a model folder
 * lazily and once, picks an execution provider with explicit fallback, and turns titles into
 * L2-normalised vectors (normalise -> dedupe -> tokenize -> length-grouped batches -> run -> pool).
 */
import ort from 'onnxruntime-node';
import { normalizeTitle } from '../text/index.js';
import { gpuProbeIsolated, probeInChild } from './gpu-probe.js';
import { cutTitle } from './title-limit.js';
import { bucketShapes, dedupe, planBatches, shapedBatches } from './batching.js';
import { ModelError, readModelFolder, type ModelFolder } from './model-folder.js';
import { halfToFloat, l2Normalize, pool } from './pooling.js';
import {
  defaultProviders,
  describeError,
  physicalCores,
  providerSummary,
  startWithFallback,
  withCpuLast,
  type ProviderAttempt,
  type ProviderName,
} from './providers.js';
import { DEFAULT_TOKENIZE_WORKER, TokenizeThread, type TokenizedChunk } from './tokenize-thread.js';
import { createTokenizer, padBatch, tokenIds, type LoadedTokenizer, type TokenBatch } from './tokenize.js';

/** Where the engine reports what it does; all optional. */
export interface Logger {
  info?(message: string): void;
  warn?(message: string): void;
}

/** How to build an engine. */
export interface EngineOptions {
  /** Folder with model.onnx (or onnx/model.onnx), tokenizer.json, config.json. */
  modelDir: string;
  /** Provider preference, best first; cpu is always added last. Default: the platform's. */
  providers?: readonly ProviderName[];
  /** Intra-op threads; default: the physical cores. */
  threads?: number;
  /** Most titles per model call (default 128). */
  batchSize?: number;
  /** Most padded tokens per model call (default 4096). */
  maxBatchTokens?: number;
  /** Apply TitleMatch's title normalisation before tokenizing (default true; false to measure it). */
  normalizeTitles?: boolean;
  /**
   * Which copy of the model to run. 'auto' (default): the float16 variant on GPU providers when
   * the folder's manifest records it within 0.005 dev-set MRR of float32, else float32.
   */
  precision?: Precision;
  /**
   * When large jobs are tokenized on a worker thread, one chunk ahead of the model: 'gpu' (default)
   * on GPU providers only, where the CPU is free while the model runs; on the CPU provider the
   * worker competes with onnxruntime's threads (measured 10% slower on two cores). Or 'always',
   * 'never'.
   */
  tokenizeBeside?: 'gpu' | 'always' | 'never';
  /** The tokenizing worker's file (default: tokenize-worker.js beside this module). */
  tokenizeWorker?: string | URL;
  /**
   * Batches of a few fixed shapes (lengths rounded up to multiples of 8, full batches): 'gpu'
   * (default) on GPU providers only, where each new shape costs a kernel compilation; on the CPU
   * provider padding only costs time. Or 'always', 'never'.
   */
  fixedShapes?: 'gpu' | 'always' | 'never';
  logger?: Logger;
}

/** Longest sequence the warm-up compiles shapes for. */
const WARM_UP_MAX_SEQ = 64;

/** Titles per tokenized chunk when tokenizing runs beside the model; smaller jobs tokenize at once. */
export const TOKENIZE_CHUNK = 4096;

/** Which copy of the model to run; see EngineOptions.precision. */
export type Precision = 'auto' | 'fp32' | 'fp16';

/** Progress of a long operation. */
export interface Progress {
  done: number;
  total: number;
}

/** Options of a long operation: cancellation and progress. */
export interface RunOptions {
  signal?: AbortSignal;
  onProgress?: (progress: Progress) => void;
}

/** What the engine runs, for `titlematch info` and the app's status bar. */
export interface EngineInfo {
  model: {
    name: string;
    version: string;
    dir: string;
    file: string;
    dimension: number;
    maxLength: number;
    sizeBytes: number;
    /** "in the model" when the graph outputs sentence_embedding, else the pooling done here. */
    pooling: string;
    metrics?: Record<string, unknown>;
  };
  provider: ProviderName;
  /** Why this provider: e.g. "webgpu unavailable: ...; using cpu". */
  providerReason: string;
  /** Precision of the model file that runs (model.file). */
  precision: 'fp32' | 'fp16';
  /** Why this precision, in words. */
  precisionReason: string;
  attempts: ProviderAttempt[];
  threads: number;
  /** Milliseconds from the start of loading to a usable session. */
  loadMs: number;
}

/** The service the CLI and the app's worker use. */
export interface Engine {
  /** Loads the model (once; later calls return the same result). */
  load(): Promise<EngineInfo>;
  /** Same as load(): the model, provider and threads. */
  info(): Promise<EngineInfo>;
  /** Vector size (loads the model). */
  dimension(): Promise<number>;
  /**
   * Vectors for titles, row i at [i*dim, (i+1)*dim), unit length. Identical normalised titles
   * are encoded once. Progress counts distinct titles.
   */
  encode(titles: readonly string[], options?: RunOptions): Promise<Float32Array>;
  /**
   * Runs every input shape bulk work uses once, so that a GPU compiles its kernels before the
   * first job (the app calls it after loading). Returns how many shapes it ran: none where the
   * engine does not use fixed shapes (the CPU provider), as there is nothing to compile.
   */
  warmUp(options?: RunOptions): Promise<number>;
  /** Frees the session. The engine loads again if used afterwards. */
  dispose(): Promise<void>;
}

/** A session ready to run, and how to feed it and read it. */
interface Runtime {
  folder: ModelFolder;
  /** The model file this session runs (model.onnx or its float16 variant). */
  modelPath: string;
  precision: 'fp32' | 'fp16';
  session: ort.InferenceSession;
  tokenizer: LoadedTokenizer;
  /** Output to fetch, and whether it is already one vector per title. */
  output: { name: string; pooled: boolean };
  needsTokenTypes: boolean;
  hasMask: boolean;
}

interface Loaded extends Runtime {
  dimension: number;
  info: EngineInfo;
}

const TOKEN_OUTPUTS = ['last_hidden_state', 'token_embeddings'];
const KNOWN_INPUTS = new Set(['input_ids', 'attention_mask', 'token_type_ids']);

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
      const dim = m.dimension;
      const vectors = new Float32Array(unique.length * dim);
      let done = 0;
      for await (const { start, rows } of tokenChunks(m, unique, signal)) {
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
          for (let r = 0; r < items.length; r++) vectors.set(out.subarray(r * dim, (r + 1) * dim), (start + items[r]) * dim);
          done += items.length;
          onProgress?.({ done, total: unique.length });
        }
      }
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

/** Runs one padded batch and returns the fetched output tensor. */
async function run(m: Runtime, batch: TokenBatch): Promise<ort.Tensor> {
  const shape = [batch.batch, batch.seq];
  const feeds: Record<string, ort.Tensor> = { input_ids: new ort.Tensor('int64', batch.inputIds, shape) };
  if (m.hasMask) feeds.attention_mask = new ort.Tensor('int64', batch.attentionMask, shape);
  if (m.needsTokenTypes) feeds.token_type_ids = new ort.Tensor('int64', new BigInt64Array(batch.batch * batch.seq), shape);
  // Fetch only the output used: copying token vectors back is the costliest part of a run.
  const result = await m.session.run(feeds, [m.output.name]);
  return result[m.output.name];
}

/** Unit vectors for one padded batch: the model's sentence_embedding, or its token vectors pooled. */
async function runBatch(m: Loaded, batch: TokenBatch): Promise<Float32Array> {
  const tensor = await run(m, batch);
  let data: Float32Array;
  if (tensor.data instanceof Float32Array) data = tensor.data;
  else if (tensor.type === 'float16' && tensor.data instanceof Uint16Array) data = halfToFloat(tensor.data);
  else {
    throw new ModelError(`${m.modelPath} output ${m.output.name} is ${tensor.type}, not float32 or float16; export the model in float32.`, 'unsupported', m.modelPath);
  }
  const dim = tensor.dims[tensor.dims.length - 1];
  if (dim !== m.dimension) {
    throw new ModelError(`${m.modelPath} output ${m.output.name} has vectors of ${dim} numbers, expected ${m.dimension}.`, 'mismatch', m.modelPath);
  }
  // Copy: onnxruntime may reuse the output buffer on the next run.
  const vectors = m.output.pooled ? (data === tensor.data ? new Float32Array(data) : data) : pool(m.folder.pooling, data, batch.mask, batch.batch, batch.seq, dim);
  return l2Normalize(vectors, dim);
}

function chooseOutput(modelPath: string, session: ort.InferenceSession): { name: string; pooled: boolean } {
  const names = session.outputNames;
  if (names.includes('sentence_embedding')) return { name: 'sentence_embedding', pooled: true };
  const token = TOKEN_OUTPUTS.find((n) => names.includes(n));
  if (token) return { name: token, pooled: false };
  throw new ModelError(
    `${modelPath} outputs ${names.join(', ')}; TitleMatch needs sentence_embedding or last_hidden_state (token vectors). Export the model for feature extraction.`,
    'unsupported',
    modelPath,
  );
}

function checkInputs(modelPath: string, session: ort.InferenceSession): void {
  const inputs = session.inputNames;
  const unknown = inputs.filter((n) => !KNOWN_INPUTS.has(n));
  if (!inputs.includes('input_ids') || unknown.length > 0) {
    throw new ModelError(
      `${modelPath} takes inputs ${inputs.join(', ')}; TitleMatch feeds input_ids, attention_mask and token_type_ids only (a BERT-style text encoder export).`,
      'unsupported',
      modelPath,
    );
  }
}

function checkTokenizerFits(folder: ModelFolder, tok: LoadedTokenizer): void {
  const vocabSize = typeof folder.config.vocab_size === 'number' ? folder.config.vocab_size : undefined;
  if (vocabSize !== undefined && tok.vocabSize > vocabSize) {
    throw new ModelError(
      `tokenizer.json in ${folder.dir} has ${tok.vocabSize} tokens but config.json says the model knows ${vocabSize} (vocab_size): the tokenizer belongs to another model. Copy the tokenizer.json that was exported with this model.`,
      'mismatch',
      folder.dir,
    );
  }
}

async function loadModel(options: EngineOptions): Promise<Loaded> {
  const t0 = performance.now();
  const folder = await readModelFolder(options.modelDir);
  let tokenizer: LoadedTokenizer;
  try {
    tokenizer = createTokenizer(folder.tokenizerJson, folder.tokenizerConfig);
  } catch (e) {
    throw new ModelError(`tokenizer.json in ${folder.dir} could not be loaded (${(e as Error).message}); copy the tokenizer.json exported with the model.`, 'invalid', folder.dir);
  }
  checkTokenizerFits(folder, tokenizer);
  const threads = options.threads ?? physicalCores();
  const preference = withCpuLast(options.providers ?? defaultProviders());
  // A short real input: session creation alone does not prove a GPU provider can run the graph.
  const probe = padBatch([tokenIds(tokenizer, 'software engineer', folder.maxLength)], tokenizer.padId);
  const precision = options.precision ?? 'auto';
  if (precision === 'fp16' && !folder.fp16) {
    throw new ModelError(`Model folder ${folder.dir} has no float16 variant (model.fp16.onnx or onnx/model_fp16.onnx); run it in float32.`, 'incomplete', folder.dir);
  }
  let modelProblem: unknown;

  const open = async (provider: ProviderName, choice: ModelChoice): Promise<{ runtime: Runtime; dimension: number }> => {
    if (provider !== 'cpu' && gpuProbeIsolated()) {
      const problem = await probeInChild(provider, choice.path);
      if (problem !== undefined) throw new Error(problem);
    }
    const session = await ort.InferenceSession.create(choice.path, {
      executionProviders: [provider],
      intraOpNumThreads: threads,
      interOpNumThreads: 1,
      executionMode: 'sequential',
      graphOptimizationLevel: 'all',
      logSeverityLevel: 3,
    });
    try {
      checkInputs(choice.path, session);
      const output = chooseOutput(choice.path, session);
      const runtime: Runtime = {
        folder,
        modelPath: choice.path,
        precision: choice.precision,
        session,
        tokenizer,
        output,
        needsTokenTypes: session.inputNames.includes('token_type_ids'),
        hasMask: session.inputNames.includes('attention_mask'),
      };
      return { runtime, dimension: await probeDimension(runtime, probe) };
    } catch (e) {
      await session.release();
      throw e;
    }
  };

  const started = await startWithFallback(preference, async (provider) => {
    const choices = modelChoices(folder, provider, precision);
    const failures: string[] = [];
    for (const [i, choice] of choices.entries()) {
      try {
        return { ...(await open(provider, choice)), choice, failures };
      } catch (e) {
        // float16 failing leaves float32 to try on the same provider.
        if (i < choices.length - 1) {
          failures.push(`float16 failed on ${provider} (${describeError(e)})`);
          continue;
        }
        // Problems of the model itself are the same on every provider: stop and report them.
        if (e instanceof ModelError) modelProblem = e;
        throw e;
      }
    }
    throw new Error('no model file to run'); // not reached: choices is never empty
  }).catch((e: unknown) => {
    throw modelProblem ?? e;
  });

  const { runtime, dimension, choice, failures } = started.value;
  if (folder.declaredDimension !== undefined && dimension !== folder.declaredDimension) {
    await runtime.session.release();
    throw new ModelError(
      `${folder.modelPath} produces vectors of ${dimension} numbers but ${folder.dimensionSource} says ${folder.declaredDimension}: the files come from different models. Use the config.json exported with this model.onnx.`,
      'mismatch',
      folder.dir,
    );
  }
  const info: EngineInfo = {
    model: {
      name: folder.name,
      version: folder.version,
      dir: folder.dir,
      file: runtime.modelPath,
      dimension,
      maxLength: folder.maxLength,
      sizeBytes: folder.sizeBytes,
      pooling: runtime.output.pooled ? 'in the model (sentence_embedding)' : `${folder.pooling} (${folder.poolingSource})`,
      metrics: folder.manifest?.metrics,
    },
    provider: started.provider,
    providerReason: providerSummary(started.provider, started.attempts),
    precision: runtime.precision,
    precisionReason: [...failures, choice.reason].join('; '),
    attempts: started.attempts,
    threads,
    loadMs: performance.now() - t0,
  };
  options.logger?.info?.(`model ${folder.name} ${folder.version} on ${started.provider} in ${runtime.precision}: ${info.providerReason}; ${info.precisionReason}`);
  return { ...runtime, dimension, info };
}

/** Runs the probe batch and returns the output vector size. */
async function probeDimension(m: Runtime, probe: TokenBatch): Promise<number> {
  const t = await run(m, probe);
  const expectedRank = m.output.pooled ? 2 : 3;
  if (t.dims.length !== expectedRank) {
    throw new ModelError(
      `${m.modelPath} output ${m.output.name} has shape [${t.dims.join(', ')}]; expected ${m.output.pooled ? '[batch, dim]' : '[batch, tokens, dim]'}.`,
      'unsupported',
      m.modelPath,
    );
  }
  return t.dims[t.dims.length - 1];
}

/** A model file to try on a provider, and why. */
interface ModelChoice {
  path: string;
  precision: 'fp32' | 'fp16';
  reason: string;
}

/**
 * The model files to try on a provider, best first. 'auto' runs the float16 variant only on GPU
 * providers and only when its recorded dev-set MRR is within the limit; float32 follows it, so a
 * GPU without float16 support still runs on the GPU.
 */
export function modelChoices(folder: ModelFolder, provider: ProviderName, precision: Precision): ModelChoice[] {
  const fp32: ModelChoice = { path: folder.modelPath, precision: 'fp32', reason: 'float32' };
  const fp16 = folder.fp16;
  if (precision === 'fp32') return [{ ...fp32, reason: 'float32 (asked for)' }];
  if (!fp16) return [{ ...fp32, reason: 'float32 (the model has no float16 variant)' }];
  if (precision === 'fp16') return [{ path: fp16.path, precision: 'fp16', reason: 'float16 (asked for)' }];
  if (provider === 'cpu') return [{ ...fp32, reason: 'float32 on cpu (float16 is for GPU providers)' }];
  if (!fp16.eligible) return [{ ...fp32, reason: `float32: ${fp16.reason}` }];
  return [
    { path: fp16.path, precision: 'fp16', reason: `float16 on ${provider}: ${fp16.reason}` },
    { ...fp32, reason: `float32 on ${provider}` },
  ];
}

/** Rows of a chunk tokenized by the worker, as views of its flat ids. */
function rowsOf(chunk: TokenizedChunk): Int32Array[] {
  const rows: Int32Array[] = [];
  for (let i = 0; i + 1 < chunk.offsets.length; i++) rows.push(chunk.ids.subarray(chunk.offsets[i], chunk.offsets[i + 1]));
  return rows;
}
