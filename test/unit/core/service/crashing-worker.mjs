// A match-service worker for the crash test: the real service and message protocol (compiled to
// out/ by the tests' global setup) over a small letter-count engine. While `crash-once` exists in
// the cache folder, encoding removes it and stops the thread the way the file names it, after its
// first progress report: `error` throws from a timer (an uncaught exception), `exit` ends the thread
// as a native abort would.
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { serveService } from '../../../../out/electron/core/service/rpc.js';
import { createMatchService } from '../../../../out/electron/core/service/service.js';

const DIM = 26;
const flag = join(workerData.cacheDir, 'crash-once');

function vector(title) {
  const v = new Float32Array(DIM);
  for (const ch of title.toLowerCase()) if (ch >= 'a' && ch <= 'z') v[ch.charCodeAt(0) - 97] += 1;
  const norm = Math.hypot(...v) || 1;
  return v.map((x) => x / norm);
}

const info = {
  model: { name: 'letters-test', version: '0', dir: '/none', file: '/none/model.onnx', dimension: DIM, maxLength: 32, sizeBytes: 0, pooling: 'mean' },
  provider: 'cpu',
  providerReason: 'cpu asked for',
  precision: 'fp32',
  precisionReason: 'float32 on cpu',
  attempts: [{ provider: 'cpu', ok: true, ms: 1 }],
  threads: 1,
  loadMs: 1,
};

const engine = {
  warmUp: () => Promise.resolve(),
  load: () => Promise.resolve(info),
  info: () => Promise.resolve(info),
  dimension: () => Promise.resolve(DIM),
  async encode(titles, run = {}) {
    const out = new Float32Array(titles.length * DIM);
    for (let i = 0; i < titles.length; i += 2) {
      run.signal?.throwIfAborted();
      await new Promise((r) => setTimeout(r, 2));
      for (let j = i; j < Math.min(titles.length, i + 2); j++) out.set(vector(titles[j]), j * DIM);
      run.onProgress?.({ done: Math.min(titles.length, i + 2), total: titles.length });
      if (existsSync(flag)) {
        const how = readFileSync(flag, 'utf8');
        rmSync(flag);
        if (how === 'exit') process.exit(134);
        setTimeout(() => {
          throw new Error('simulated crash in native code');
        });
        await new Promise(() => {}); // the thread ends before this settles
      }
    }
    return out;
  },
  dispose: () => Promise.resolve(),
};

serveService(parentPort, createMatchService({ modelDir: '/none', engine, progressEveryMs: 0 }));
