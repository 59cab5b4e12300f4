/** The embedding engine's types: what callers configure, ask for and get back. */
import type { ProviderAttempt, ProviderName } from './providers.js';

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
   * The folder whose language profile (languages.json) tells which titles are English: only those
   * (and undetermined ones) are read in each sense of their abbreviations of several meanings
   * (text/normalize.ts, readsSenses). The bundled runs name the multilingual model's folder, so
   * both models and the explanation panel read a title alike. Default: the model's own folder;
   * where neither holds a profile, every title is read so.
   */
  languageProfileDir?: string;
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
