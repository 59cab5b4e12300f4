/**
 * `npm run bench`: encode throughput of the engine against the transformers.js feature-extraction
 * pipeline (same model, same titles, same run), and the time to match 10,000 x 3,000 titles top-10.
 * Prints a table, writes bench/results/encode-match.{json,md}; the last line is exactly
 * `encode_speedup_vs_transformersjs=X.XX` (engine titles/s divided by the pipeline's).
 *
 * Model 2.0 may be larger than 1.0 only while it encodes at >= 0.6x 1.0's rate: 1.0 is taken from
 * the git history (commit 7866d0a) into a temporary folder and timed in the same runs.
 *
 * Without --model, the bundled multilingual model is timed in the same runs too (the app reads a
 * run's titles with it where they are in other languages): its rate, size and ratio to the English one.
 *
 * Options: --model DIR, --data DIR, --titles N (10000), --corpus N (3000), --runs N (3),
 * --batch N (titles per model call, both sides; 128), --provider LIST (cpu), --threads N.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { dataDir } from '../../electron/cli/eval-sets.js';
import { engineOptionsFrom } from '../../electron/cli/engine-options.js';
import { bundledModelDir, createEngine, dedupe } from '../../electron/core/engine/index.js';
import { findColumn, readTable } from '../../electron/core/io/index.js';
import { createMatcher, topK } from '../../electron/core/match/index.js';
import { normalizeTitle } from '../../electron/core/text/index.js';
import { loadTransformersJs } from './peer.js';

const { values } = parseArgs({
  options: {
    model: { type: 'string' },
    data: { type: 'string' },
    titles: { type: 'string', default: '10000' },
    corpus: { type: 'string', default: '3000' },
    runs: { type: 'string', default: '3' },
    batch: { type: 'string', default: '128' },
    provider: { type: 'string', default: 'cpu' },
    threads: { type: 'string' },
    results: { type: 'string', default: 'bench/results' },
  },
});
const nTitles = Number(values.titles);
const nCorpus = Number(values.corpus);
const runs = Number(values.runs);
const batch = Number(values.batch);

/** Seeded shuffle (mulberry32), so every run measures the same titles. */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  let s = seed >>> 0;
  const rand = (): number => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

async function timed<T>(f: () => Promise<T>): Promise<{ value: T; seconds: number }> {
  const t0 = performance.now();
  const value = await f();
  return { value, seconds: (performance.now() - t0) / 1000 };
}

const loadAtStart = loadavg()[0];
const data = dataDir(values.data);
const source = join(data, 'onet', 'Alternate Titles.txt');
const table = await readTable(source, { header: true });
const col = findColumn(table, 'Alternate Title');
const all = shuffled(
  table.rows.map((r) => r[col]?.trim() ?? '').filter((t) => t !== ''),
  2024,
);
if (all.length < nTitles + nCorpus) throw new Error(`${source} has ${all.length} titles; the bench needs ${nTitles + nCorpus}`);
const titles = all.slice(0, nTitles);
const corpusTitles = all.slice(nTitles, nTitles + nCorpus);
const distinct = dedupe(titles.map(normalizeTitle)).unique.length;

const engineOptions = { ...engineOptionsFrom({ model: values.model, provider: values.provider, threads: values.threads }), batchSize: batch };
const engine = createEngine(engineOptions);
const info = await engine.info();
const peer = await loadTransformersJs(resolve(info.model.dir));
const raw = createEngine({ ...engineOptions, normalizeTitles: false });

/** Model 1.0 from the git history, for the throughput ratio (undefined where git has no history). */
async function modelFromHistory(commit: string): Promise<string | undefined> {
  const dir = await mkdtemp(join(tmpdir(), 'titlematch-model-1.0-'));
  try {
    for (const f of ['model.onnx', 'tokenizer.json', 'tokenizer_config.json', 'config.json', '1_Pooling/config.json']) {
      const bytes = execFileSync('git', ['show', `${commit}:models/titlematch/${f}`], { maxBuffer: 1 << 28, stdio: ['ignore', 'pipe', 'ignore'] });
      await mkdir(join(dir, f, '..'), { recursive: true });
      await writeFile(join(dir, f), bytes);
    }
    return dir;
  } catch {
    await rm(dir, { recursive: true, force: true });
    return undefined;
  }
}
const v1Dir = await modelFromHistory('7866d0a');
const v1 = v1Dir === undefined ? undefined : createEngine({ ...engineOptions, modelDir: v1Dir });
if (v1 !== undefined) await v1.encode(titles.slice(0, 200));
const multiDir = values.model === undefined ? bundledModelDir(undefined, 'multilingual') : undefined;
const multi = multiDir !== undefined && existsSync(join(multiDir, 'model.onnx')) ? createEngine({ ...engineOptions, modelDir: multiDir }) : undefined;
const multiInfo = await multi?.info();
if (multi !== undefined) await multi.encode(titles.slice(0, 200));

// Warm up both (first runs pay for allocations and kernel choices), and check they agree.
const sample = titles.slice(0, 200);
const [a, b] = [await raw.encode(sample), await peer(sample, batch)];
let maxDiff = 0;
for (let i = 0; i < a.length; i++) maxDiff = Math.max(maxDiff, Math.abs(a[i] - b[i]));
await raw.dispose();

const engineTimes: number[] = [];
const peerTimes: number[] = [];
const v1Times: number[] = [];
const multiTimes: number[] = [];
let vectors: Float32Array = new Float32Array(0);
for (let r = 0; r < runs; r++) {
  // Interleaved, so background load weighs on both alike.
  const e = await timed(() => engine.encode(titles));
  engineTimes.push(e.seconds);
  vectors = e.value;
  peerTimes.push((await timed(() => peer(titles, batch))).seconds);
  if (v1 !== undefined) v1Times.push((await timed(() => v1.encode(titles))).seconds);
  if (multi !== undefined) multiTimes.push((await timed(() => multi.encode(titles))).seconds);
  process.stderr.write(
    `run ${r + 1}/${runs}: engine ${e.seconds.toFixed(2)} s, transformers.js ${peerTimes[r].toFixed(2)} s${v1 ? `, model 1.0 ${v1Times[r].toFixed(2)} s` : ''}${multi ? `, multilingual ${multiTimes[r].toFixed(2)} s` : ''}\n`,
  );
}

const dim = info.model.dimension;
const corpusVectors = await engine.encode(corpusTitles);
// The matcher the CLI and the app use (onnxruntime, on the engine's provider), and the reference.
const matcher = await createMatcher({ provider: info.provider, threads: info.threads });
const matchTimes: number[] = [];
const referenceTimes: number[] = [];
for (let r = 0; r < runs; r++) {
  matchTimes.push((await timed(() => matcher.topK(vectors, corpusVectors, dim, 10))).seconds);
  referenceTimes.push((await timed(() => topK(vectors, corpusVectors, dim, 10))).seconds);
}
await matcher.dispose();
await engine.dispose();
await v1?.dispose();
await multi?.dispose();
if (v1Dir !== undefined) await rm(v1Dir, { recursive: true, force: true });

const engineRate = nTitles / median(engineTimes);
const peerRate = nTitles / median(peerTimes);
const speedup = engineRate / peerRate;
const v1Rate = v1Times.length > 0 ? nTitles / median(v1Times) : undefined;
const multiRate = multiTimes.length > 0 ? nTitles / median(multiTimes) : undefined;
const mb = (bytes: number): string => `${(bytes / 1e6).toFixed(1)} MB`;
const results = {
  date: new Date().toISOString(),
  loadAverageAtStart: loadAtStart,
  model: { name: info.model.name, version: info.model.version, dimension: dim, sizeBytes: info.model.sizeBytes },
  provider: info.provider,
  threads: info.threads,
  titles: { source: 'O*NET 27.0 Alternate Titles (seeded sample)', count: nTitles, distinctNormalized: distinct, corpus: nCorpus },
  batchSize: batch,
  runs,
  encode: {
    engine: { seconds: engineTimes, titlesPerSecond: engineRate },
    transformersjs: { seconds: peerTimes, titlesPerSecond: peerRate, pipeline: 'feature-extraction, pooling mean, normalize' },
    maxAbsDifference: maxDiff,
    model1: v1Rate === undefined ? undefined : { commit: '7866d0a', seconds: v1Times, titlesPerSecond: v1Rate, ratio: engineRate / v1Rate },
    multilingual:
      multiRate === undefined || multiInfo === undefined
        ? undefined
        : { name: multiInfo.model.name, version: multiInfo.model.version, sizeBytes: multiInfo.model.sizeBytes, seconds: multiTimes, titlesPerSecond: multiRate, ratio: multiRate / engineRate },
  },
  match: {
    queries: nTitles,
    corpus: nCorpus,
    k: 10,
    matcher: { kind: matcher.kind, seconds: matchTimes, median: median(matchTimes) },
    reference: { kind: 'javascript blocked top-k', seconds: referenceTimes, median: median(referenceTimes) },
  },
  encodeSpeedupVsTransformersjs: speedup,
};

const lines = [
  `model ${info.model.name} ${info.model.version} (dimension ${dim}) on ${info.provider}, ${info.threads} threads, batch ${batch}, median of ${runs} runs (load average ${loadAtStart.toFixed(1)} at start)`,
  `titles: ${nTitles.toLocaleString('en-US')} O*NET alternate titles (${distinct.toLocaleString('en-US')} distinct after normalisation)`,
  `| measure | value |`,
  `| --- | --- |`,
  `| encode, engine | ${engineRate.toFixed(0)} titles/s |`,
  `| encode, transformers.js feature-extraction | ${peerRate.toFixed(0)} titles/s |`,
  ...(v1Rate === undefined ? [] : [`| encode, model 1.0 (git 7866d0a), same engine | ${v1Rate.toFixed(0)} titles/s (this model ${(engineRate / v1Rate).toFixed(2)}x) |`]),
  ...(multiRate === undefined || multiInfo === undefined
    ? []
    : [
        `| encode, multilingual model ${multiInfo.model.version} (${mb(multiInfo.model.sizeBytes)}), same engine | ${multiRate.toFixed(0)} titles/s (${(multiRate / engineRate).toFixed(2)}x the English model, ${mb(info.model.sizeBytes)}) |`,
      ]),
  `| vectors, max abs difference (200 raw titles) | ${maxDiff.toExponential(1)} |`,
  `| match ${nTitles.toLocaleString('en-US')} x ${nCorpus.toLocaleString('en-US')} top-10, ${matcher.kind} | ${median(matchTimes).toFixed(2)} s |`,
  `| match ${nTitles.toLocaleString('en-US')} x ${nCorpus.toLocaleString('en-US')} top-10, javascript reference | ${median(referenceTimes).toFixed(2)} s |`,
];
await mkdir(resolve(values.results), { recursive: true });
await writeFile(join(values.results, 'encode-match.json'), `${JSON.stringify(results, null, 2)}\n`);
await writeFile(join(values.results, 'encode-match.md'), `# Encode and match benchmark\n\n${lines.join('\n')}\n`);
const v1Line = v1Rate === undefined ? '' : `encode_vs_model_1_0=${(engineRate / v1Rate).toFixed(2)}\n`;
process.stdout.write(`${lines.join('\n')}\n${v1Line}encode_speedup_vs_transformersjs=${speedup.toFixed(2)}\n`);
