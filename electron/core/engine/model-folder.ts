/**
 * Reading a model folder: the bundled model or any sentence-transformers-style ONNX export
 * (model.onnx or onnx/model.onnx, tokenizer.json, config.json, optional pooling configuration).
 * Everything that can be checked before onnxruntime loads the model is checked here, and each
 * problem gets a message that names the file and says what to do.
 */
import { readFile, stat } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { checkLanguageProfile, type LanguageProfile } from '../text/language.js';
import type { PoolingMode } from './pooling.js';

type Json = Record<string, unknown>;

/** Why a model folder cannot be used. */
export type ModelErrorCode = 'not-found' | 'incomplete' | 'invalid' | 'mismatch' | 'unsupported';

/** A model folder that cannot be used; `message` names what is missing or wrong. */
export class ModelError extends Error {
  constructor(
    message: string,
    readonly code: ModelErrorCode,
    /** The folder or file the message is about. */
    readonly path?: string,
  ) {
    super(message);
    this.name = 'ModelError';
  }
}

/** What the bundled model's manifest.json says about it (fields the engine uses; others kept). */
export interface ModelManifest {
  name?: string;
  version?: string;
  dimension?: number;
  max_length?: number;
  metrics?: Record<string, unknown>;
  [key: string]: unknown;
}

/** A model folder whose files were found and parsed. */
export interface ModelFolder {
  dir: string;
  /** The ONNX file (model.onnx or onnx/model.onnx). */
  modelPath: string;
  tokenizerJson: Json;
  tokenizerConfig: Json;
  config: Json;
  manifest: ModelManifest | undefined;
  /** How token vectors become one vector, when the model does not output sentence_embedding. */
  pooling: PoolingMode;
  /** Where the pooling mode came from ("1_Pooling/config.json" or "default"). */
  poolingSource: string;
  name: string;
  version: string;
  /** The vector size the folder's configuration declares, when it declares one. */
  declaredDimension: number | undefined;
  /** Which file declares it, for messages. */
  dimensionSource: string | undefined;
  /** Longest token sequence to feed the model. */
  maxLength: number;
  /** Size of the model's weights on disk, in bytes. */
  sizeBytes: number;
  /** A float16 copy of the model for GPU providers, when the folder has one. */
  fp16: Fp16Variant | undefined;
}

/** A float16 copy of the model and whether its measured accuracy lets the engine choose it. */
export interface Fp16Variant {
  path: string;
  /** True only when manifest.json records a dev-set MRR drop within MAX_FP16_MRR_DROP. */
  eligible: boolean;
  /** The measurement, or why there is none, in words. */
  reason: string;
}

/** Largest dev-set MRR drop against float32 for which the float16 variant is used by default. */
export const MAX_FP16_MRR_DROP = 0.005;

/** Where exports keep a float16 copy: our manifest's variants.fp16.file, then the usual names. */
const FP16_NAMES = ['model.fp16.onnx', 'model_fp16.onnx', 'onnx/model_fp16.onnx'];

async function readFp16Variant(dir: string, manifest: ModelManifest | undefined): Promise<Fp16Variant | undefined> {
  const recorded = (manifest?.variants as { fp16?: Record<string, unknown> } | undefined)?.fp16;
  const file = typeof recorded?.file === 'string' ? recorded.file : undefined;
  for (const name of file !== undefined ? [file, ...FP16_NAMES] : FP16_NAMES) {
    const path = join(dir, name);
    if (!(await isFile(path))) continue;
    if (name !== file || recorded === undefined) {
      return { path, eligible: false, reason: `${name} has no dev-set measurement in manifest.json, so float32 is used unless float16 is asked for` };
    }
    const dev = recorded.dev as Record<string, { mrr?: unknown } | undefined> | undefined;
    const drop = recorded.mrr_drop;
    const base = dev?.fp32?.mrr;
    const half = dev?.fp16?.mrr;
    if (typeof drop !== 'number' || typeof base !== 'number' || typeof half !== 'number') {
      return { path, eligible: false, reason: `manifest.json records no dev-set MRR for ${name}, so float32 is used unless float16 is asked for` };
    }
    const figures = `dev-set MRR ${base.toFixed(4)} in float32, ${half.toFixed(4)} in float16 (largest drop ${drop.toFixed(4)}, limit ${MAX_FP16_MRR_DROP})`;
    const eligible = recorded.eligible === true && drop <= MAX_FP16_MRR_DROP;
    return { path, eligible, reason: eligible ? figures : `${figures}: float16 is not used unless asked for` };
  }
  return undefined;
}

const REQUIRED_HINT =
  'A model folder needs model.onnx (or onnx/model.onnx), tokenizer.json and config.json, as a sentence-transformers ONNX export has';

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

async function readJson(dir: string, name: string, required: true): Promise<Json>;
async function readJson(dir: string, name: string, required: false): Promise<Json | undefined>;
async function readJson(dir: string, name: string, required: boolean): Promise<Json | undefined> {
  const path = join(dir, name);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    if (required) throw new ModelError(`Model folder ${dir} has no ${name}. ${REQUIRED_HINT}.`, 'incomplete', path);
    return undefined;
  }
  try {
    const value: unknown = JSON.parse(text);
    if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new Error('not a JSON object');
    return value as Json;
  } catch (e) {
    throw new ModelError(`${path} is not valid JSON (${(e as Error).message}); replace it with the file from the model's export.`, 'invalid', path);
  }
}

function positiveInt(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : undefined;
}

// sentence-transformers keys for the pooling strategies, and what the engine can do with them.
const POOLING_KEYS: Readonly<Record<string, PoolingMode | undefined>> = {
  pooling_mode_mean_tokens: 'mean',
  pooling_mode_cls_token: 'cls',
  pooling_mode_max_tokens: 'max',
  pooling_mode_mean_sqrt_len_tokens: undefined,
  pooling_mode_weightedmean_tokens: undefined,
  pooling_mode_lasttoken: undefined,
};

async function readPooling(dir: string): Promise<{ mode: PoolingMode; source: string; dimension?: number }> {
  let poolingDir = '1_Pooling';
  const modules = await readModules(dir);
  const declared = modules?.find((m) => typeof m.type === 'string' && m.type.endsWith('.Pooling'));
  if (declared && typeof declared.path === 'string') poolingDir = declared.path;
  const rel = `${poolingDir}/config.json`;
  const config = await readJson(dir, rel, false);
  if (!config) return { mode: 'mean', source: 'default (mean)' };
  const on = Object.keys(POOLING_KEYS).filter((k) => config[k] === true);
  if (on.length !== 1) {
    throw new ModelError(
      `${join(dir, rel)} turns on ${on.length === 0 ? 'no pooling mode' : on.join(' and ')}; TitleMatch supports exactly one of mean, cls or max pooling.`,
      'unsupported',
      join(dir, rel),
    );
  }
  const mode = POOLING_KEYS[on[0]];
  if (mode === undefined) {
    throw new ModelError(`${join(dir, rel)} asks for ${on[0]}, which TitleMatch does not support; export the model with mean, cls or max pooling.`, 'unsupported', join(dir, rel));
  }
  return { mode, source: rel, dimension: positiveInt(config.word_embedding_dimension) };
}

async function readModules(dir: string): Promise<Json[] | undefined> {
  const path = join(dir, 'modules.json');
  try {
    const value: unknown = JSON.parse(await readFile(path, 'utf8'));
    return Array.isArray(value) ? value.filter((m): m is Json => m !== null && typeof m === 'object') : undefined;
  } catch {
    return undefined;
  }
}

/** Finds and parses a model folder's files; throws ModelError naming what is missing or wrong. */
export async function readModelFolder(dirInput: string): Promise<ModelFolder> {
  const dir = resolve(dirInput);
  try {
    if (!(await stat(dir)).isDirectory()) throw new Error('not a folder');
  } catch {
    throw new ModelError(`Model folder ${dir} does not exist or is not a folder; pass the folder that holds model.onnx and tokenizer.json.`, 'not-found', dir);
  }
  const candidates = [join(dir, 'model.onnx'), join(dir, 'onnx', 'model.onnx')];
  let modelPath: string | undefined;
  for (const c of candidates) if (await isFile(c)) { modelPath = c; break; }
  const missing: string[] = [];
  if (!modelPath) missing.push('model.onnx (or onnx/model.onnx)');
  if (!(await isFile(join(dir, 'tokenizer.json')))) missing.push('tokenizer.json');
  if (!(await isFile(join(dir, 'config.json')))) missing.push('config.json');
  if (missing.length > 0 || !modelPath) {
    throw new ModelError(`Model folder ${dir} is incomplete: missing ${missing.join(', ')}. ${REQUIRED_HINT}.`, 'incomplete', dir);
  }
  const [tokenizerJson, tokenizerConfig, config, manifestJson, stConfig, pooling] = await Promise.all([
    readJson(dir, 'tokenizer.json', true),
    readJson(dir, 'tokenizer_config.json', false),
    readJson(dir, 'config.json', true),
    readJson(dir, 'manifest.json', false),
    readJson(dir, 'sentence_bert_config.json', false),
    readPooling(dir),
  ]);
  if (typeof tokenizerJson.model !== 'object' || tokenizerJson.model === null) {
    throw new ModelError(`${join(dir, 'tokenizer.json')} has no "model" section: it is not a Hugging Face tokenizer.json. Save the tokenizer with save_pretrained() and copy tokenizer.json.`, 'invalid', join(dir, 'tokenizer.json'));
  }
  const manifest: ModelManifest | undefined = manifestJson;

  let declaredDimension: number | undefined;
  let dimensionSource: string | undefined;
  for (const [value, source] of [
    [manifest?.dimension, 'manifest.json dimension'],
    [pooling.dimension, `${pooling.source} word_embedding_dimension`],
    [config.hidden_size, 'config.json hidden_size'],
    [config.d_model, 'config.json d_model'],
    [config.dim, 'config.json dim'],
  ] as const) {
    const v = positiveInt(value);
    if (v !== undefined) {
      declaredDimension = v;
      dimensionSource = source;
      break;
    }
  }

  const positions = positiveInt(config.max_position_embeddings);
  const modelMax = positiveInt(tokenizerConfig?.model_max_length);
  let maxLength =
    positiveInt(manifest?.max_length) ??
    positiveInt(stConfig?.max_seq_length) ??
    (modelMax !== undefined && modelMax < 100_000 ? modelMax : undefined) ??
    positions ??
    512;
  if (positions !== undefined && maxLength > positions) maxLength = positions;

  const fp16 = await readFp16Variant(dir, manifest);
  let sizeBytes = (await stat(modelPath)).size;
  // Large exports keep their weights beside the graph.
  for (const extra of [`${modelPath}_data`, `${modelPath}.data`]) if (await isFile(extra)) sizeBytes += (await stat(extra)).size;

  return {
    dir,
    modelPath,
    tokenizerJson,
    tokenizerConfig: tokenizerConfig ?? {},
    config,
    manifest,
    pooling: pooling.mode,
    poolingSource: pooling.source,
    name: typeof manifest?.name === 'string' ? manifest.name : basename(dir),
    version: typeof manifest?.version === 'string' ? manifest.version : 'unversioned',
    declaredDimension,
    dimensionSource,
    maxLength,
    sizeBytes,
    fp16,
  };
}

/** The file a multilingual model folder keeps its language profile in. */
export const LANGUAGE_PROFILE_FILE = 'languages.json';

const profiles = new Map<string, Promise<LanguageProfile | undefined>>();

/** The language profile beside a multilingual model (read once per folder); undefined where there is none or it cannot be read. */
export function loadLanguageProfile(modelDir: string): Promise<LanguageProfile | undefined> {
  let p = profiles.get(modelDir);
  if (p === undefined) {
    p = readFile(join(modelDir, LANGUAGE_PROFILE_FILE), 'utf8').then(
      (text) => checkLanguageProfile(JSON.parse(text)),
      () => undefined,
    );
    profiles.set(modelDir, p.catch(() => undefined));
  }
  return p.catch(() => undefined);
}
