/**
 * An on-disk embedding cache per model: re-matching the same lists skips encoding. One file per
 * model folder name under the cache folder, keyed inside by the model's identity (the sha256 of
 * model.onnx and tokenizer.json from manifest.json, else hashed here) and by normalised title.
 * A file written for another model, or one that fails its checksum, is ignored and rebuilt.
 *
 * File layout: "TMEMB001", u32 header length, header JSON { modelKey, dimension, count }, then per
 * title: u32 UTF-8 length, the title, dimension float32 (little endian); last, the sha256 of
 * everything before it. Written whole to a temporary file and renamed, so readers never see half.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { writeFileAtomic } from '../files/atomic-write.js';
import { SENSES } from '../text/lexicon-table.js';
import { normalizeTitle } from '../text/index.js';
import { TITLE_READING } from './engine.js';
import type { Engine, RunOptions } from './types.js';
import { cutTitle } from './title-limit.js';

const MAGIC = 'TMEMB001';
/** Most vectors kept per model (about 1 KB each at dimension 256); the oldest go first. */
export const DEFAULT_MAX_ENTRIES = 500_000;

/** The cache folder the OS expects an app to use (XDG on Linux, Caches on macOS, LOCALAPPDATA on Windows). */
export function defaultCacheDir(platform: string = process.platform, env: NodeJS.ProcessEnv = process.env, home: string = homedir()): string {
  if (platform === 'win32') return join(env.LOCALAPPDATA ?? join(home, 'AppData', 'Local'), 'TitleMatch', 'Cache');
  if (platform === 'darwin') return join(home, 'Library', 'Caches', 'TitleMatch');
  return join(env.XDG_CACHE_HOME || join(home, '.cache'), 'titlematch');
}

async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/**
 * The identity of a model's vectors: the manifest's sha256 of the model file and tokenizer.json
 * when it lists them (plus the model file's size, so a replaced file without a new manifest is
 * not mistaken for the old one), else the sha256 of both files.
 */
export async function modelCacheKey(modelDir: string, modelFile: string): Promise<string> {
  const parts: string[] = [];
  let files: Record<string, { sha256?: unknown }> = {};
  try {
    const manifest = JSON.parse(await readFile(join(modelDir, 'manifest.json'), 'utf8')) as { files?: typeof files };
    files = manifest.files ?? {};
  } catch {
    // No manifest (a model brought by the user): hash the files.
  }
  const relative = modelFile.startsWith(modelDir) ? modelFile.slice(modelDir.length).replace(/^[\\/]+/, '').replace(/\\/g, '/') : 'model.onnx';
  for (const [name, path] of [
    [relative, modelFile],
    ['tokenizer.json', join(modelDir, 'tokenizer.json')],
  ] as const) {
    const listed = files[name]?.sha256;
    parts.push(typeof listed === 'string' ? `${name}:${listed}:${(await stat(path)).size}` : `${name}:${await sha256File(path)}`);
  }
  return createHash('sha256').update(parts.join('\n')).digest('hex');
}

/** What happened when the cache file was opened. */
export type CacheOpenState = 'new' | 'loaded' | 'other-model' | 'corrupt';

/** Vectors by normalised title for one model, loaded from and saved to one file. */
export class EmbeddingCache {
  private readonly entries = new Map<string, Float32Array>();
  private dirty = false;
  /** Why the last save through withEmbeddingCache failed, if it did. */
  saveError: string | undefined;

  private constructor(
    readonly path: string,
    readonly modelKey: string,
    readonly dimension: number,
    readonly maxEntries: number,
    /** How the file was found: absent, loaded, written for another model, or damaged (then rebuilt). */
    public openState: CacheOpenState = 'new',
  ) {}

  /** Opens (or starts) the cache file for a model; a file that does not fit is ignored. */
  static async open(options: { dir: string; modelName: string; modelKey: string; dimension: number; maxEntries?: number }): Promise<EmbeddingCache> {
    const safe = options.modelName.replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 80) || 'model';
    const cache = new EmbeddingCache(join(options.dir, `${safe}.embeddings`), options.modelKey, options.dimension, options.maxEntries ?? DEFAULT_MAX_ENTRIES);
    let data: Buffer;
    try {
      data = await readFile(cache.path);
    } catch {
      return cache;
    }
    cache.openState = cache.parse(data);
    if (cache.openState !== 'loaded') {
      cache.entries.clear();
      cache.dirty = true; // rewrite it for this model on the next save
    }
    return cache;
  }

  private parse(data: Buffer): CacheOpenState {
    if (data.length < MAGIC.length + 4 + 32 || data.toString('latin1', 0, MAGIC.length) !== MAGIC) return 'corrupt';
    const body = data.subarray(0, data.length - 32);
    if (!createHash('sha256').update(body).digest().equals(data.subarray(data.length - 32))) return 'corrupt';
    const headerLength = body.readUInt32LE(MAGIC.length);
    let at = MAGIC.length + 4 + headerLength;
    if (at > body.length) return 'corrupt';
    let header: { modelKey?: unknown; dimension?: unknown; count?: unknown };
    try {
      header = JSON.parse(body.toString('utf8', MAGIC.length + 4, at)) as typeof header;
    } catch {
      return 'corrupt';
    }
    if (header.modelKey !== this.modelKey || header.dimension !== this.dimension) return 'other-model';
    const count = typeof header.count === 'number' ? header.count : -1;
    const bytes = this.dimension * 4;
    for (let i = 0; i < count; i++) {
      if (at + 4 > body.length) return 'corrupt';
      const n = body.readUInt32LE(at);
      at += 4;
      if (at + n + bytes > body.length) return 'corrupt';
      const title = body.toString('utf8', at, at + n);
      at += n;
      const vector = new Float32Array(this.dimension);
      new Uint8Array(vector.buffer).set(body.subarray(at, at + bytes));
      at += bytes;
      this.entries.set(title, vector);
    }
    return count >= 0 && at === body.length ? 'loaded' : 'corrupt';
  }

  /** Number of titles with a vector. */
  get size(): number {
    return this.entries.size;
  }

  /** The vector of a normalised title, if cached. */
  get(normalized: string): Float32Array | undefined {
    return this.entries.get(normalized);
  }

  /** Whether a normalised title is cached; if so it becomes the most recently used. */
  touch(normalized: string): boolean {
    const v = this.entries.get(normalized);
    if (v === undefined) return false;
    this.entries.delete(normalized);
    this.entries.set(normalized, v);
    return true;
  }

  /** Remembers a normalised title's vector (copied). */
  set(normalized: string, vector: Float32Array): void {
    if (vector.length !== this.dimension) throw new RangeError(`vector of ${vector.length} numbers for a cache of dimension ${this.dimension}`);
    this.entries.delete(normalized); // re-inserted last: the most recently used are kept longest
    this.entries.set(normalized, Float32Array.from(vector));
    this.dirty = true;
  }

  /** Writes the file if anything changed (atomically: a temporary file renamed over it). */
  async save(): Promise<void> {
    if (!this.dirty) return;
    while (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
    const header = Buffer.from(JSON.stringify({ modelKey: this.modelKey, dimension: this.dimension, count: this.entries.size }));
    const parts: Buffer[] = [Buffer.from(MAGIC, 'latin1'), u32(header.length), header];
    for (const [title, vector] of this.entries) {
      const t = Buffer.from(title);
      parts.push(u32(t.length), t, Buffer.from(vector.buffer, vector.byteOffset, vector.byteLength));
    }
    const body = Buffer.concat(parts);
    const digest = createHash('sha256').update(body).digest();
    // No flush to disk: a cache a power cut damages is found damaged and rebuilt.
    await writeFileAtomic(this.path, [body, digest], { mkdir: true, durable: false, kind: 'file' });
    this.dirty = false;
  }
}

function u32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n);
  return b;
}

/**
 * An engine whose encode looks titles up in the cache first and encodes only the others (then
 * saves the cache). Titles are keyed as the engine encodes them by default: cut to
 * MAX_TITLE_CHARS, then normalizeTitle.
 */
export function withEmbeddingCache(engine: Engine, cache: EmbeddingCache): Engine & { readonly cache: EmbeddingCache } {
  return {
    ...engine,
    cache,
    async encode(titles: readonly string[], options: RunOptions = {}): Promise<Float32Array> {
      const dim = cache.dimension;
      const keys = titles.map((t) => normalizeTitle(cutTitle(t)));
      const missing = new Map<string, string>(); // normalised -> first original title
      keys.forEach((k, i) => {
        if (!cache.touch(k) && !missing.has(k)) missing.set(k, titles[i]);
      });
      options.signal?.throwIfAborted();
      const fresh = missing.size > 0 ? await engine.encode([...missing.values()], options) : new Float32Array(0);
      let r = 0;
      for (const k of missing.keys()) cache.set(k, fresh.subarray(r * dim, ++r * dim));
      const out = new Float32Array(titles.length * dim);
      keys.forEach((k, i) => out.set(cache.get(k) as Float32Array, i * dim));
      // Saved after the output is built: saving may drop the least recently used titles. A cache
      // that cannot be written (read-only or full disk) costs speed next time, not this result.
      await cache.save().catch((e: unknown) => (cache.saveError = e instanceof Error ? e.message : String(e)));
      return out;
    },
  };
}

/**
 * How vectors are read, as the cache keys them beside the model: TITLE_READING and a short digest of
 * the lexicon's words of several meanings and their senses, so that a lexicon that changes them
 * renews the cache (a title is keyed by its normalised text, and read in those senses).
 */
export const READING_KEY = `reading-${TITLE_READING}-${createHash('sha256').update(JSON.stringify([...SENSES])).digest('hex').slice(0, 12)}`;

/**
 * Opens the cache for the engine's model under `dir` and wraps the engine with it. A `part` (a
 * taxonomy's titles) gets a file of its own for the model, which other titles never crowd out and
 * matching other lists never rewrites.
 */
export async function cachedEngine(engine: Engine, dir: string, part?: string): Promise<Engine & { readonly cache: EmbeddingCache }> {
  const info = await engine.info();
  // Vectors depend on the model and on how the engine reads titles (READING_KEY).
  const modelKey = `${await modelCacheKey(info.model.dir, info.model.file)}:${READING_KEY}`;
  const modelName = `${info.model.name}-${info.model.version}${part === undefined ? '' : `-${part}`}`;
  const cache = await EmbeddingCache.open({ dir: join(dir, 'embeddings'), modelName, modelKey, dimension: info.model.dimension });
  return withEmbeddingCache(engine, cache);
}
