/**
 * The peer the engine is measured against: the transformers.js `feature-extraction` pipeline
 * (mean pooling, normalize) loading the same model folder, offline.
 */
import { existsSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** Encodes titles with the peer; returns row-major unit vectors. */
export type PeerEncoder = (titles: readonly string[], batchSize: number) => Promise<Float32Array>;

/** Loads the transformers.js pipeline from a local model folder with remote models disabled. */
export async function loadTransformersJs(modelDir: string): Promise<PeerEncoder> {
  const { env, pipeline } = await import('@huggingface/transformers');
  env.allowRemoteModels = false;
  env.allowLocalModels = true;
  env.localModelPath = dirname(modelDir);
  env.useFSCache = false;
  // Bundled layout: model.onnx beside tokenizer.json; sentence-transformers exports: onnx/model.onnx.
  const subfolder = existsSync(join(modelDir, 'model.onnx')) ? '' : 'onnx';
  const extractor = await pipeline('feature-extraction', basename(modelDir), { dtype: 'fp32', device: 'cpu', subfolder, model_file_name: 'model' });
  return async (titles, batchSize) => {
    const parts: Float32Array[] = [];
    for (let i = 0; i < titles.length; i += batchSize) {
      const out = await extractor(titles.slice(i, i + batchSize), { pooling: 'mean', normalize: true });
      parts.push(out.data as Float32Array);
    }
    const all = new Float32Array(parts.reduce((n, p) => n + p.length, 0));
    let at = 0;
    for (const p of parts) {
      all.set(p, at);
      at += p.length;
    }
    return all;
  };
}
