/**
 * A small deterministic engine for the service's own tests: character-trigram vectors, encoded in
 * batches with progress and cancellation like the real one. The real model is tested where the
 * engine is; here what matters is what the service does with whatever vectors it gets.
 */
import type { Engine, EngineInfo } from '../../../../electron/core/engine/index.js';

const DIM = 64;

function vector(title: string): Float32Array {
  const v = new Float32Array(DIM);
  const t = ` ${title.toLowerCase()} `;
  for (let i = 0; i + 3 <= t.length; i++) {
    let h = 0;
    for (let j = i; j < i + 3; j++) h = (h * 31 + t.charCodeAt(j)) >>> 0;
    v[h % DIM] += 1;
  }
  let norm = 0;
  for (const x of v) norm += x * x;
  norm = Math.sqrt(norm) || 1;
  return v.map((x) => x / norm);
}

/** Options: how many titles per batch, a pause per batch (to give cancellation time), the model folder it says it loaded. */
export function trigramEngine(options: { batch?: number; pauseMs?: number; dir?: string } = {}): Engine & { encoded: number; warmUps: number } {
  const batch = options.batch ?? 4;
  const dir = options.dir ?? '/none';
  const info: EngineInfo = {
    model: { name: 'trigram-test', version: '0', dir, file: `${dir}/model.onnx`, dimension: DIM, maxLength: 32, sizeBytes: 0, pooling: 'mean' },
    provider: 'cpu',
    providerReason: 'webgpu unavailable: no adapter; using cpu',
    precision: 'fp32',
    precisionReason: 'float32 on cpu (float16 is for GPU providers)',
    attempts: [
      { provider: 'webgpu', ok: false, reason: 'no adapter', ms: 1 },
      { provider: 'cpu', ok: true, ms: 1 },
    ],
    threads: 2,
    loadMs: 1,
  };
  const engine = {
    encoded: 0,
    warmUps: 0,
    warmUp: () => Promise.resolve(++engine.warmUps),
    load: () => Promise.resolve(info),
    info: () => Promise.resolve(info),
    dimension: () => Promise.resolve(DIM),
    async encode(titles: readonly string[], run: { signal?: AbortSignal; onProgress?: (p: { done: number; total: number }) => void } = {}) {
      const out = new Float32Array(titles.length * DIM);
      for (let i = 0; i < titles.length; i += batch) {
        run.signal?.throwIfAborted();
        await new Promise((r) => setTimeout(r, options.pauseMs ?? 0));
        for (let j = i; j < Math.min(titles.length, i + batch); j++) out.set(vector(titles[j]), j * DIM);
        engine.encoded += Math.min(batch, titles.length - i);
        run.onProgress?.({ done: Math.min(titles.length, i + batch), total: titles.length });
      }
      return out;
    },
    dispose: () => Promise.resolve(),
  };
  return engine;
}
