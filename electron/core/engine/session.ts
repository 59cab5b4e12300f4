/** A loaded model session, and running one padded batch through it into unit vectors. */
import ort from 'onnxruntime-node';
import { ModelError, type ModelFolder } from './model-folder.js';
import { halfToFloat, l2Normalize, pool } from './pooling.js';
import type { LoadedTokenizer, TokenBatch } from './tokenize.js';
import type { EngineInfo } from './types.js';

/** A session ready to run, and how to feed it and read it. */
export interface Runtime {
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

export interface Loaded extends Runtime {
  dimension: number;
  info: EngineInfo;
}

/** Runs one padded batch and returns the fetched output tensor. */
export async function run(m: Runtime, batch: TokenBatch): Promise<ort.Tensor> {
  const shape = [batch.batch, batch.seq];
  const feeds: Record<string, ort.Tensor> = { input_ids: new ort.Tensor('int64', batch.inputIds, shape) };
  if (m.hasMask) feeds.attention_mask = new ort.Tensor('int64', batch.attentionMask, shape);
  if (m.needsTokenTypes) feeds.token_type_ids = new ort.Tensor('int64', new BigInt64Array(batch.batch * batch.seq), shape);
  // Fetch only the output used: copying token vectors back is the costliest part of a run.
  const result = await m.session.run(feeds, [m.output.name]);
  return result[m.output.name];
}

/** Unit vectors for one padded batch: the model's sentence_embedding, or its token vectors pooled. */
export async function runBatch(m: Loaded, batch: TokenBatch): Promise<Float32Array> {
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
