/**
 * Tokenizing beside the model: a job larger than one chunk is tokenized by the worker thread, one
 * chunk ahead, with exactly the vectors of tokenizing on the engine's thread; a worker that cannot
 * start or dies mid-job costs speed, not results. The worker runs from the TypeScript sources,
 * transpiled for the test (vitest runs TypeScript; a worker thread runs JavaScript).
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TOKENIZE_CHUNK } from '../../../../electron/core/engine/engine.js';
import { createEngine, type Engine, type EngineOptions } from '../../../../electron/core/engine/index.js';
import { writeTinyModelFolder } from './tiny-model.js';

const words = ['registered', 'nurse', 'truck', 'driver', 'senior', 'software', 'engineer'];
// A distinct vector per token, so that any token put in the wrong row changes the result.
const embeddings = Array.from({ length: words.length + 4 }, (_, i) => [1 + i, (i * 7) % 5, (i * 3) % 11]);

let root: string;
let modelDir: string;
let workerFile: string;
/** More distinct titles than one chunk, of different lengths, words the vocabulary knows and not. */
const titles = Array.from({ length: TOKENIZE_CHUNK * 2 + 500 }, (_, i) => {
  const picked = [words[i % 7], words[(i * 3) % 7], i % 5 === 0 ? words[(i * 5) % 7] : ''].filter(Boolean);
  return `${picked.join(' ')} ${i}`;
});

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'titlematch-tokenize-thread-'));
  modelDir = join(root, 'model');
  await writeTinyModelFolder(modelDir, { words, embeddings });
  // The worker and the module it imports, as JavaScript, where @huggingface/tokenizers resolves.
  const out = join(resolve('node_modules'), '.cache', `titlematch-test-worker-${process.pid}`);
  await mkdir(out, { recursive: true });
  for (const name of ['tokenize-worker', 'tokenize']) {
    const source = await readFile(join('electron', 'core', 'engine', `${name}.ts`), 'utf8');
    const js = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } }).outputText;
    await writeFile(join(out, `${name}.js`), js);
  }
  await writeFile(join(out, 'package.json'), '{ "type": "module" }\n');
  workerFile = join(out, 'tokenize-worker.js');
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
  await rm(join(workerFile, '..'), { recursive: true, force: true });
});

async function encodeWith(options: Partial<EngineOptions>, run: (e: Engine) => Promise<Float32Array>): Promise<{ vectors: Float32Array; warnings: string[] }> {
  const warnings: string[] = [];
  const engine = createEngine({ modelDir, providers: ['cpu'], threads: 1, logger: { warn: (m) => warnings.push(m) }, ...options });
  try {
    return { vectors: await run(engine), warnings };
  } finally {
    await engine.dispose();
  }
}

describe('tokenizing beside the model', () => {
  let here: Float32Array;
  beforeAll(async () => {
    here = (await encodeWith({ tokenizeBeside: 'never' }, (e) => e.encode(titles))).vectors;
  });

  it('gives exactly the vectors of tokenizing on the engine thread, with progress to the end', async () => {
    const progress: number[] = [];
    const { vectors, warnings } = await encodeWith({ tokenizeBeside: 'always', tokenizeWorker: workerFile }, (e) => e.encode(titles, { onProgress: (p) => progress.push(p.done) }));
    expect(warnings).toEqual([]);
    expect(vectors).toEqual(here);
    expect(progress.at(-1)).toBe(titles.length);
    expect(progress.every((d, i) => i === 0 || d > progress[i - 1])).toBe(true);
  });

  it("uses the worker's token ids (a worker that answers [CLS] for every title gives [CLS] vectors)", async () => {
    const lying = join(root, 'lying-worker.mjs');
    await writeFile(
      lying,
      `import { parentPort } from 'node:worker_threads';
       parentPort.on('message', ({ id, texts }) => {
         const offsets = Int32Array.from({ length: texts.length + 1 }, (_, i) => i);
         parentPort.postMessage({ id, ids: new Int32Array(texts.length).fill(2), offsets });
       });`,
    );
    const { vectors } = await encodeWith({ tokenizeBeside: 'always', tokenizeWorker: lying }, (e) => e.encode(titles));
    const cls = embeddings[2];
    const norm = Math.hypot(...cls);
    for (let i = 0; i < titles.length; i += 997) expect(Array.from(vectors.subarray(i * 3, i * 3 + 3))).toEqual(cls.map((x) => Math.fround(x / norm)));
  });

  it('keeps one worker for the engine and encodes again after a job', async () => {
    const { vectors } = await encodeWith({ tokenizeBeside: 'always', tokenizeWorker: workerFile }, async (e) => {
      await e.encode(titles.slice(0, TOKENIZE_CHUNK + 1));
      return e.encode(titles);
    });
    expect(vectors).toEqual(here);
  });

  it('a worker file that does not exist: the same vectors, tokenized here, and a warning', async () => {
    const { vectors, warnings } = await encodeWith({ tokenizeBeside: 'always', tokenizeWorker: join(root, 'absent-worker.js') }, (e) => e.encode(titles));
    expect(vectors).toEqual(here);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^tokenizing on the engine's thread: the tokenizing worker (failed|did not start)/);
  });

  it('a worker that dies mid-job: the same vectors', async () => {
    const dying = join(root, 'dying-worker.mjs');
    // Answers the first request, then exits: the engine must finish the job itself.
    await writeFile(
      dying,
      `import { parentPort, workerData } from 'node:worker_threads';
       const real = await import(${JSON.stringify(new URL(`file://${workerFile}`).href)});
       let seen = 0;
       parentPort.on('message', () => { if (++seen > 1) process.exit(3); });`,
    );
    const { vectors, warnings } = await encodeWith({ tokenizeBeside: 'always', tokenizeWorker: dying }, (e) => e.encode(titles));
    expect(vectors).toEqual(here);
    expect(warnings[0]).toMatch(/tokenizing worker failed \(the tokenizing worker stopped \(exit code 3\)\)/);
  });

  it('on the cpu provider, by default, tokenizes on the engine thread (no worker to compete with onnxruntime)', async () => {
    const { vectors, warnings } = await encodeWith({ tokenizeWorker: join(root, 'absent-worker.js') }, (e) => e.encode(titles));
    expect(vectors).toEqual(here);
    expect(warnings).toEqual([]); // the absent worker was never tried
  });

  it('stops when cancelled during a job tokenized by the worker', async () => {
    const controller = new AbortController();
    const run = encodeWith({ tokenizeBeside: 'always', tokenizeWorker: workerFile }, (e) =>
      e.encode(titles, {
        signal: controller.signal,
        onProgress: (p) => {
          if (p.done > TOKENIZE_CHUNK) controller.abort();
        },
      }),
    );
    await expect(run).rejects.toThrow(/aborted/i);
  });
});
