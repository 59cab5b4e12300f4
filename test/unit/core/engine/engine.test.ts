import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEngine, type Engine } from '../../../../electron/core/engine/index.js';
import { tempFolder } from '../io/helpers.js';
import { writeTinyModelFolder, type TinyFolderOptions } from './tiny-model.js';

// Vocabulary after [PAD]=0 [UNK]=1 [CLS]=2 [SEP]=3.
const words = ['registered', 'nurse', 'truck', 'driver', 'senior', 'software', 'engineer'];
const embeddings = [
  [0, 0, 0], // [PAD]
  [0, 0, 1], // [UNK]
  [1, 1, 0], // [CLS]
  [0, 1, 1], // [SEP]
  [2, 0, 0], // registered
  [4, 0, 0], // nurse
  [0, 0, 6], // truck
  [0, 0, 4], // driver
  [0, 2, 0], // senior
  [3, 3, 0], // software
  [0, 5, 5], // engineer
];
const base: TinyFolderOptions = { words, embeddings };

const root = tempFolder('titlematch-engine-').dir;

async function folder(name: string, opts: Partial<TinyFolderOptions> = {}): Promise<string> {
  const dir = join(root, name);
  await writeTinyModelFolder(dir, { ...base, ...opts });
  return dir;
}

function unit(v: number[]): number[] {
  const n = Math.hypot(...v);
  return v.map((x) => Math.fround(x / n));
}

function rows(vectors: Float32Array, dim: number): number[][] {
  return Array.from({ length: vectors.length / dim }, (_, i) => Array.from(vectors.subarray(i * dim, (i + 1) * dim)));
}

function expectClose(actual: number[][], expected: number[][]): void {
  expect(actual.length).toBe(expected.length);
  actual.forEach((row, i) => row.forEach((x, d) => expect(x).toBeCloseTo(expected[i][d], 6)));
}

describe('engine on a generated model (other-models loader)', () => {
  let engine: Engine;
  beforeAll(async () => {
    engine = createEngine({ modelDir: await folder('plain'), providers: ['cpu'], threads: 1 });
  });
  afterAll(() => engine.dispose());

  it('mean-pools token vectors with the mask and L2-normalises', async () => {
    const v = await engine.encode(['Nurse', 'Registered Nurse']);
    // [CLS] nurse [SEP] = (1,1,0)+(4,0,0)+(0,1,1) = (5,2,1) / 3; then unit length.
    expectClose(rows(v, 3), [unit([5, 2, 1]), unit([7, 2, 1])]);
  });

  it('reports the model, dimension, provider and threads', async () => {
    const info = await engine.info();
    expect(info.model.dimension).toBe(3);
    expect(info.model.name).toBe('plain');
    expect(info.model.pooling).toMatch(/^mean/);
    expect(info.provider).toBe('cpu');
    expect(info.threads).toBe(1);
    expect(await engine.load()).toBe(info); // loaded once
  });

  it('encodes identical normalised titles once and returns a vector for every input', async () => {
    const totals: number[] = [];
    const v = await engine.encode(['Sr. Software Eng', 'senior software engineer', 'Truck Driver', 'SR SOFTWARE ENG.'], {
      onProgress: (p) => totals.push(p.total),
    });
    expect(totals.at(-1)).toBe(2);
    const r = rows(v, 3);
    expect(r).toHaveLength(4);
    expect(r[1]).toEqual(r[0]);
    expect(r[3]).toEqual(r[0]);
    expect(r[2]).not.toEqual(r[0]);
  });

  it('gives the same vectors whatever the batch composition (padding does not leak)', async () => {
    const titles = ['nurse', 'senior software engineer truck driver', 'driver', 'registered nurse', 'unknownword'];
    const oneByOne = createEngine({ modelDir: await folder('plain-b1'), providers: ['cpu'], batchSize: 1 });
    const a = await engine.encode(titles);
    const b = await oneByOne.encode(titles);
    expectClose(rows(a, 3), rows(b, 3));
    await oneByOne.dispose();
  });

  it('stops when cancelled, before or during the work', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(engine.encode(['nurse'], { signal: controller.signal })).rejects.toThrow(/abort/i);
    const during = new AbortController();
    const titles = Array.from({ length: 3000 }, (_, i) => `nurse ${i}`);
    const seen: number[] = [];
    const run = engine.encode(titles, {
      signal: during.signal,
      onProgress: (p) => {
        seen.push(p.done);
        during.abort();
      },
    });
    await expect(run).rejects.toThrow(/abort/i);
    expect(seen).toHaveLength(1);
  });
});

describe('fixed shapes (what GPU providers use)', () => {
  it('gives the vectors of exact shapes, and warms up one shape per length group', async () => {
    const dir = await folder('shapes');
    const titles = ['Nurse', 'Registered Nurse', 'senior software engineer', 'truck driver truck driver truck driver truck driver nurse', 'engineer'];
    const exact = createEngine({ modelDir: dir, providers: ['cpu'], fixedShapes: 'never', batchSize: 4 });
    const fixed = createEngine({ modelDir: dir, providers: ['cpu'], fixedShapes: 'always', batchSize: 4 });
    try {
      expectClose(rows(await fixed.encode(titles), 3), rows(await exact.encode(titles), 3));
      expect(await exact.warmUp()).toBe(0); // nothing to compile where shapes are not fixed
      expect(await fixed.warmUp()).toBe(4); // max length 32: lengths 8, 16, 24, 32
    } finally {
      await exact.dispose();
      await fixed.dispose();
    }
  });

  it('warm up the shapes of titles only (up to 64 tokens) for a model that takes 512', async () => {
    const engine = createEngine({ modelDir: await folder('shapes-512', { config: { max_position_embeddings: 512 } }), providers: ['cpu'], fixedShapes: 'always' });
    expect(await engine.warmUp()).toBe(8); // 8, 16, ..., 64
    await engine.dispose();
  });

  it('are used by default only off the cpu provider', async () => {
    const engine = createEngine({ modelDir: await folder('shapes-default'), providers: ['cpu'] });
    expect(await engine.warmUp()).toBe(0);
    await engine.dispose();
  });
});

describe('model outputs and pooling configuration', () => {
  it('uses sentence_embedding when the model outputs it', async () => {
    const engine = createEngine({ modelDir: await folder('with-sentence', { sentenceEmbedding: true }), providers: ['cpu'] });
    // The generated graph's sentence_embedding is the [CLS] row, unlike mean pooling.
    expectClose(rows(await engine.encode(['truck']), 3), [unit([1, 1, 0])]);
    expect((await engine.info()).model.pooling).toMatch(/in the model/);
    await engine.dispose();
  });

  it('loads onnx/model.onnx and follows 1_Pooling/config.json', async () => {
    const engine = createEngine({ modelDir: await folder('st-export', { inOnnxSubfolder: true, pooling: 'max' }), providers: ['cpu'] });
    // max over (1,1,0), (0,0,6), (0,1,1)
    expectClose(rows(await engine.encode(['truck']), 3), [unit([1, 1, 6])]);
    expect((await engine.info()).model.pooling).toBe('max (1_Pooling/config.json)');
    await engine.dispose();
  });

  it('accepts the token_embeddings output name', async () => {
    const engine = createEngine({ modelDir: await folder('token-embeddings', { hiddenName: 'token_embeddings', pooling: 'cls' }), providers: ['cpu'] });
    expectClose(rows(await engine.encode(['driver']), 3), [unit([1, 1, 0])]);
    await engine.dispose();
  });
});

describe('model folder problems get messages that name what is wrong', () => {
  const load = (dir: string): Promise<unknown> => createEngine({ modelDir: dir, providers: ['cpu'] }).load();

  it('a folder that does not exist', async () => {
    await expect(load(join(root, 'nowhere'))).rejects.toThrow(/nowhere does not exist/);
  });

  it('an incomplete folder lists every missing file', async () => {
    const dir = await folder('incomplete', { omit: ['tokenizer.json', 'config.json'] });
    await expect(load(dir)).rejects.toThrow(/incomplete: missing tokenizer\.json, config\.json/);
    const noModel = await folder('no-model', { omit: ['model'] });
    await expect(load(noModel)).rejects.toThrow(/missing model\.onnx \(or onnx\/model\.onnx\)/);
  });

  it('a config.json whose hidden size is not what the model outputs', async () => {
    const dir = await folder('wrong-dim', { config: { hidden_size: 8 } });
    await expect(load(dir)).rejects.toThrow(/vectors of 3 numbers but config\.json hidden_size says 8/);
  });

  it('a pooling configuration that declares another dimension', async () => {
    const dir = await folder('wrong-pool-dim', { pooling: 'mean', config: { hidden_size: undefined } });
    await writeFile(join(dir, '1_Pooling', 'config.json'), JSON.stringify({ word_embedding_dimension: 384, pooling_mode_mean_tokens: true }));
    await expect(load(dir)).rejects.toThrow(/but 1_Pooling\/config\.json word_embedding_dimension says 384/);
  });

  it('a tokenizer with more tokens than the model knows', async () => {
    const dir = await folder('wrong-tokenizer', { config: { vocab_size: 6 } });
    await expect(load(dir)).rejects.toThrow(/tokenizer\.json .* has 11 tokens but config\.json says the model knows 6/);
  });

  it('an unsupported pooling mode', async () => {
    const dir = await folder('weighted', { pooling: 'weightedmean' });
    await expect(load(dir)).rejects.toThrow(/pooling_mode_weightedmean_tokens, which TitleMatch does not support/);
  });

  it('files that are not JSON or not a tokenizer', async () => {
    const dir = await folder('bad-json');
    await writeFile(join(dir, 'config.json'), '{ not json');
    await expect(load(dir)).rejects.toThrow(/config\.json is not valid JSON/);
    const dir2 = await folder('bad-tokenizer');
    await writeFile(join(dir2, 'tokenizer.json'), JSON.stringify({ version: '1.0' }));
    await expect(load(dir2)).rejects.toThrow(/has no "model" section/);
  });

  it('a file that is not an ONNX model', async () => {
    const dir = await folder('not-onnx');
    await writeFile(join(dir, 'model.onnx'), 'this is not a model');
    await expect(load(dir)).rejects.toThrow(/No execution provider could run the model \(cpu: .+\)/);
  });
});

describe('execution provider fallback', () => {
  it('falls back to cpu when the first provider fails, and says why', async () => {
    const engine = createEngine({ modelDir: await folder('fallback'), providers: ['cuda', 'cpu'] });
    const info = await engine.info();
    expect(info.provider).toBe('cpu');
    expect(info.attempts.map((a) => [a.provider, a.ok])).toEqual([
      ['cuda', false],
      ['cpu', true],
    ]);
    expect(info.attempts[0].reason).toMatch(/\S/);
    expect(info.providerReason).toMatch(/^cuda unavailable: .+; using cpu$/);
    expect((await engine.encode(['nurse'])).length).toBe(3);
    await engine.dispose();
  });

  it('records why WebGPU is not used on a machine without a GPU, and always adds cpu last', async () => {
    const engine = createEngine({ modelDir: await folder('webgpu'), providers: ['webgpu'] });
    const info = await engine.info();
    expect(info.attempts.at(-1)).toMatchObject({ provider: 'cpu', ok: true });
    if (info.provider === 'cpu') expect(info.providerReason).toMatch(/^webgpu unavailable: .+; using cpu$/);
    await engine.dispose();
  });
});
