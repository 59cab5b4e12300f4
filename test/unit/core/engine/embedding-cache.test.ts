/**
 * The embedding cache: a second run over the same titles encodes nothing, the vectors come back
 * bit for bit, another model's file is not used, and a damaged file is ignored and rebuilt.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cachedEngine, defaultCacheDir, READING_KEY, EmbeddingCache, modelCacheKey, withEmbeddingCache } from '../../../../electron/core/engine/embedding-cache.js';
import { TITLE_READING } from '../../../../electron/core/engine/engine.js';
import { bundledModelDir, createEngine, type Engine, type EngineInfo } from '../../../../electron/core/engine/index.js';
import { writeTinyModelFolder } from './tiny-model.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tm-cache-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const DIM = 4;

/** An engine that records what it is asked to encode; vectors derive from the text. */
function countingEngine(): Engine & { asked: string[] } {
  const asked: string[] = [];
  const vector = (t: string): number[] => Array.from({ length: DIM }, (_, d) => (t.length * (d + 1)) % 7);
  const info = { model: { name: 'fake', version: '1', dir, file: join(dir, 'model.onnx'), dimension: DIM } } as unknown as EngineInfo;
  return {
    asked,
    load: () => Promise.resolve(info),
    info: () => Promise.resolve(info),
    dimension: () => Promise.resolve(DIM),
    encode(titles) {
      asked.push(...titles);
      return Promise.resolve(Float32Array.from(titles.flatMap(vector)));
    },
    warmUp: () => Promise.resolve(0),
    dispose: () => Promise.resolve(),
  };
}

async function open(modelKey = 'model-a'): Promise<EmbeddingCache> {
  return EmbeddingCache.open({ dir, modelName: 'fake 1', modelKey, dimension: DIM });
}

describe('EmbeddingCache', () => {
  it('encodes only titles it has not seen (normalised), and nothing on a second run', async () => {
    const first = countingEngine();
    const a = withEmbeddingCache(first, await open());
    const v1 = await a.encode(['Sr. Software Engineer', 'Nurse', 'senior software engineer']);
    expect(first.asked).toEqual(['Sr. Software Engineer', 'Nurse']);

    const second = countingEngine();
    const cache = await open();
    expect(cache.openState).toBe('loaded');
    const b = withEmbeddingCache(second, cache);
    expect(Array.from(await b.encode(['Sr. Software Engineer', 'Nurse', 'senior software engineer']))).toEqual(Array.from(v1));
    expect(second.asked).toEqual([]);
    await b.encode(['Nurse', 'Truck Driver']);
    expect(second.asked).toEqual(['Truck Driver']);
  });

  it("ignores a file written for another model and rebuilds it for this one", async () => {
    await withEmbeddingCache(countingEngine(), await open('model-a')).encode(['Nurse']);
    const other = await open('model-b');
    expect(other.openState).toBe('other-model');
    const engine = countingEngine();
    await withEmbeddingCache(engine, other).encode(['Nurse']);
    expect(engine.asked).toEqual(['Nurse']);
    expect((await open('model-b')).openState).toBe('loaded');
    expect((await open('model-a')).openState).toBe('other-model');
  });

  it.each([
    ['a flipped byte', (b: Buffer) => Buffer.from(b.map((x, i) => (i === b.length - 40 ? x ^ 1 : x)))],
    ['a truncated file', (b: Buffer) => b.subarray(0, b.length - 9)],
    ['another file format', () => Buffer.from('not a cache at all')],
    ['an empty file', () => Buffer.alloc(0)],
  ])('ignores %s, encodes again and rewrites a good file', async (_, damage) => {
    await withEmbeddingCache(countingEngine(), await open()).encode(['Nurse', 'Accountant']);
    const path = (await open()).path;
    await writeFile(path, damage(await readFile(path)));
    const cache = await open();
    expect(cache.openState).toBe('corrupt');
    expect(cache.size).toBe(0);
    const engine = countingEngine();
    await withEmbeddingCache(engine, cache).encode(['Nurse', 'Accountant']);
    expect(engine.asked).toEqual(['Nurse', 'Accountant']);
    expect((await open()).openState).toBe('loaded');
  });

  it('keeps the most recently used titles when over its size limit', async () => {
    const cache = await EmbeddingCache.open({ dir, modelName: 'fake', modelKey: 'k', dimension: DIM, maxEntries: 2 });
    const engine = withEmbeddingCache(countingEngine(), cache);
    await engine.encode(['a', 'b']);
    await engine.encode(['c', 'a']);
    const reopened = await EmbeddingCache.open({ dir, modelName: 'fake', modelKey: 'k', dimension: DIM, maxEntries: 2 });
    expect([reopened.get('a') !== undefined, reopened.get('b') !== undefined, reopened.get('c') !== undefined]).toEqual([true, false, true]);
  });

  it('puts the cache where the OS keeps caches', () => {
    expect(defaultCacheDir('linux', {}, '/home/ada')).toBe('/home/ada/.cache/titlematch');
    expect(defaultCacheDir('linux', { XDG_CACHE_HOME: '/c' }, '/home/ada')).toBe('/c/titlematch');
    expect(defaultCacheDir('darwin', {}, '/Users/ada')).toBe('/Users/ada/Library/Caches/TitleMatch');
  });
});

describe('the cache with real models', () => {
  it('gives the bundled model its vectors back bit for bit', async () => {
    const titles = ['Registered Nurse', 'Sr. Software Eng', 'Truck Driver', 'Registered Nurse'];
    const engine = createEngine({ modelDir: bundledModelDir() });
    try {
      const fresh = await engine.encode(titles);
      const first = await cachedEngine(engine, dir);
      expect(first.cache.openState).toBe('new');
      await first.encode(titles);
      const again = await cachedEngine(engine, dir);
      expect(again.cache.openState).toBe('loaded');
      expect(again.cache.size).toBe(3);
      expect(Array.from(await again.encode(titles))).toEqual(Array.from(fresh));
    } finally {
      await engine.dispose();
    }
  });

  it('keys vectors by how the engine reads titles too, so a cache from an older reading (before "PM" was read in each sense) is rebuilt', async () => {
    const engine = createEngine({ modelDir: bundledModelDir() });
    try {
      const info = await engine.info();
      const key = await modelCacheKey(info.model.dir, info.model.file);
      const older = await EmbeddingCache.open({ dir: join(dir, 'embeddings'), modelName: `${info.model.name}-${info.model.version}`, modelKey: key, dimension: info.model.dimension });
      older.set('pm', new Float32Array(info.model.dimension));
      await older.save();
      const cached = await cachedEngine(engine, dir);
      expect(cached.cache.modelKey).toBe(`${key}:${READING_KEY}`);
      expect(READING_KEY).toMatch(new RegExp(`^reading-${TITLE_READING}-[0-9a-f]{12}$`));
      expect(cached.cache.openState).toBe('other-model');
      expect(Array.from(await cached.encode(['PM']))).toEqual(Array.from(await engine.encode(['PM'])));
    } finally {
      await engine.dispose();
    }
  });

  it('keys a model without a manifest by its files, so a retrained model misses the cache', async () => {
    const words = ['nurse', 'driver'];
    const folder = join(dir, 'model');
    await writeTinyModelFolder(folder, { words, embeddings: [[0, 0], [0, 0], [1, 0], [0, 1], [1, 1], [1, -1]] });
    const before = await modelCacheKey(folder, join(folder, 'model.onnx'));
    expect(await modelCacheKey(folder, join(folder, 'model.onnx'))).toBe(before);
    await writeTinyModelFolder(folder, { words, embeddings: [[0, 0], [0, 0], [1, 0], [0, 1], [1, 1], [1, -2]] });
    expect(await modelCacheKey(folder, join(folder, 'model.onnx'))).not.toBe(before);
  });
});
