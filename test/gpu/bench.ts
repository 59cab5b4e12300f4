/**
 * The GPU check's measurement, run by run.sh from the packed folder (or here, on cpu): encode
 * throughput at the app's batch sizes and one-title latency per execution provider, the largest
 * vector difference from cpu, and top-10 matching with the onnxruntime matcher on that provider
 * against the JavaScript reference (time, and whether the rankings are identical), and, with
 * --dev, the dev-set MRR each provider and precision gives (the float16 variant's test on a GPU).
 * On GPU providers the engine tokenizes on a worker thread beside the model; batch 256 is also
 * timed with tokenizing inline, to show what that overlap buys.
 *
 * Options: --model DIR, --titles FILE (one title a line), --providers LIST (default: cpu, webgpu,
 * webgpu-fp16 where the model has a float16 variant, and cuda and cuda-fp16 where cuda's files
 * exist), --dev FILE (dev.json: queries, targets, labels), --quick (small sizes), --json FILE.
 */
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createEngine, defaultProviders, isProviderName, type ProviderName } from '../../electron/core/engine/index.js';
import { cudaFilesPresent } from '../../electron/core/engine/providers.js';
import { createOrtMatcher, rankMetrics, targetRanks, topK } from '../../electron/core/match/index.js';

const { values } = parseArgs({
  options: {
    model: { type: 'string' },
    titles: { type: 'string' },
    providers: { type: 'string' },
    dev: { type: 'string' },
    quick: { type: 'boolean', default: false },
    json: { type: 'string' },
  },
});
if (values.model === undefined || values.titles === undefined) throw new Error('--model DIR and --titles FILE are required');
const modelDir = resolve(values.model);
const hasFp16 = ['model.fp16.onnx', 'model_fp16.onnx', join('onnx', 'model_fp16.onnx')].some((f) => existsSync(join(modelDir, f)));
const dev = values.dev !== undefined ? (JSON.parse(await readFile(values.dev, 'utf8')) as { queries: string[]; targets: number[]; labels: string[] }) : undefined;
const titles = (await readFile(values.titles, 'utf8')).split('\n').map((t) => t.trim()).filter(Boolean);
const N = values.quick ? 512 : 8192;
const BATCHES = values.quick ? [32, 256] : [32, 256, 1024];
const RUNS = values.quick ? 2 : 3;
const CORPUS = values.quick ? 500 : 3000;
if (titles.length < N) throw new Error(`${values.titles} has ${titles.length} titles; ${N} are needed`);

interface Variant {
  label: string;
  provider: ProviderName;
  precision: 'fp32' | 'fp16';
}
const gpus = defaultProviders().filter((p) => p === 'webgpu' || (p === 'cuda' && cudaFilesPresent()));
const asked = values.providers?.split(',').map((s) => s.trim()) ?? ['cpu', ...gpus.flatMap((p) => [p, `${p}-fp16`])];
const variants: Variant[] = asked.flatMap((label): Variant[] => {
  const [name, suffix] = label.split('-');
  if (!isProviderName(name) || (suffix !== undefined && suffix !== 'fp16')) return [];
  if (suffix === 'fp16' && !hasFp16) return [];
  return [{ label, provider: name, precision: suffix === 'fp16' ? 'fp16' : 'fp32' }];
});

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

interface Figures {
  label: string;
  ok: boolean;
  reason?: string;
  sessionMs?: number;
  titlesPerSecond?: Record<number, number>;
  /** Compiling the fixed shapes at the first batch size (GPU providers only): how many, how long. */
  warmUp?: { shapes: number; ms: number };
  /** Batch 256 with tokenizing on the engine's thread (GPU providers only). */
  inlineTitlesPerSecond?: number;
  oneTitleMs?: number;
  maxAbsDiffVsCpu?: number;
  dev?: { mrr: number; top1: number; top5: number; n: number };
  match?: { queries: number; corpus: number; seconds: number; referenceSeconds: number; identical: boolean; fallbackRows: number };
}

const results: Figures[] = [];
let cpuVectors: Float32Array | undefined;
const sample = titles.slice(0, N);
for (const v of variants) {
  const f: Figures = { label: v.label, ok: false, titlesPerSecond: {} };
  results.push(f);
  let vectors: Float32Array | undefined;
  try {
    for (const batch of BATCHES) {
      const engine = createEngine({ modelDir, providers: [v.provider], precision: v.precision, batchSize: batch, maxBatchTokens: batch * 64 });
      try {
        const info = await engine.info();
        if (info.provider !== v.provider) throw new Error(info.attempts.find((a) => a.provider === v.provider)?.reason ?? `${v.provider} did not start`);
        f.sessionMs ??= info.loadMs;
        if (f.warmUp === undefined) {
          const t0 = performance.now();
          const shapes = await engine.warmUp();
          if (shapes > 0) f.warmUp = { shapes, ms: performance.now() - t0 };
        }
        vectors = await engine.encode(sample); // warm-up at every shape this batch size uses
        const times: number[] = [];
        for (let r = 0; r < RUNS; r++) {
          const t0 = performance.now();
          await engine.encode(sample);
          times.push((performance.now() - t0) / 1000);
        }
        (f.titlesPerSecond as Record<number, number>)[batch] = N / median(times);
        if (batch === BATCHES[0]) {
          const one: number[] = [];
          for (let i = 0; i < 20; i++) {
            const t0 = performance.now();
            await engine.encode([titles[N + i] ?? titles[i]]);
            one.push(performance.now() - t0);
          }
          f.oneTitleMs = median(one);
        }
        if (batch === BATCHES[1] && v.provider !== 'cpu') {
          const inline = createEngine({ modelDir, providers: [v.provider], precision: v.precision, batchSize: batch, maxBatchTokens: batch * 64, tokenizeBeside: 'never' });
          try {
            await inline.encode(sample);
            const t0 = performance.now();
            await inline.encode(sample);
            f.inlineTitlesPerSecond = N / ((performance.now() - t0) / 1000);
          } finally {
            await inline.dispose();
          }
        }
        if (dev && batch === BATCHES[1]) {
          const labels = await engine.encode(dev.labels);
          const queries = await engine.encode(dev.queries);
          f.dev = rankMetrics(await targetRanks(queries, labels, labels.length / dev.labels.length, Int32Array.from(dev.targets)));
        }
      } finally {
        await engine.dispose();
      }
    }
    f.ok = true;
  } catch (e) {
    f.reason = e instanceof Error ? e.message.split('\n')[0] : String(e);
    process.stderr.write(`${v.label}: ${f.reason}\n`);
    continue;
  }
  if (vectors === undefined) continue;
  if (v.label === 'cpu') cpuVectors = vectors;
  if (cpuVectors) {
    let d = 0;
    for (let i = 0; i < vectors.length; i++) d = Math.max(d, Math.abs(vectors[i] - cpuVectors[i]));
    f.maxAbsDiffVsCpu = d;
  }
  const dim = vectors.length / N;
  const corpus = vectors.slice(0, CORPUS * dim);
  const matcher = await createOrtMatcher({ provider: v.provider });
  try {
    await matcher.topK(vectors, corpus, dim, 10); // warm-up
    const t0 = performance.now();
    const got = await matcher.topK(vectors, corpus, dim, 10);
    const seconds = (performance.now() - t0) / 1000;
    const t1 = performance.now();
    const want = await topK(vectors, corpus, dim, 10);
    const referenceSeconds = (performance.now() - t1) / 1000;
    const identical = got.indices.every((x, i) => x === want.indices[i]) && got.scores.every((x, i) => x === want.scores[i]);
    f.match = { queries: N, corpus: CORPUS, seconds, referenceSeconds, identical, fallbackRows: matcher.lastStats.fallbackRows };
  } finally {
    await matcher.dispose();
  }
  process.stderr.write(`${v.label}: done\n`);
}

const cpu = results.find((r) => r.label === 'cpu' && r.ok);
const lines = [
  `${N} titles, ${RUNS} runs (median), batches ${BATCHES.join('/')}; match ${N} x ${CORPUS} top-10`,
  '',
  `| provider | ${BATCHES.map((b) => `batch ${b} titles/s (x cpu)`).join(' | ')} | one title | max abs diff vs cpu | match s (reference s) | rankings identical |${dev ? ' dev MRR |' : ''}`,
  `| --- | ${BATCHES.map(() => '---').join(' | ')} | --- | --- | --- | --- |${dev ? ' --- |' : ''}`,
  ...results.map((r) =>
    r.ok
      ? `| ${r.label} | ${BATCHES.map((b) => {
          const t = r.titlesPerSecond?.[b] ?? 0;
          const c = cpu?.titlesPerSecond?.[b];
          return `${t.toFixed(0)}${c ? ` (${(t / c).toFixed(2)}x)` : ''}`;
        }).join(' | ')} | ${r.oneTitleMs?.toFixed(2)} ms | ${r.maxAbsDiffVsCpu?.toExponential(1) ?? '-'} | ${r.match ? `${r.match.seconds.toFixed(2)} (${r.match.referenceSeconds.toFixed(2)})` : '-'} | ${r.match?.identical ?? '-'} |${dev ? ` ${r.dev?.mrr.toFixed(4) ?? '-'} |` : ''}`
      : `| ${r.label} | unavailable: ${r.reason} |`,
  ),
  ...results.filter((r) => r.warmUp !== undefined).map((r) => `${r.label}: session ${r.sessionMs?.toFixed(0)} ms; warm-up of ${r.warmUp?.shapes} shapes ${r.warmUp?.ms.toFixed(0)} ms`),
  ...results
    .filter((r) => r.inlineTitlesPerSecond !== undefined)
    .map((r) => {
      const beside = r.titlesPerSecond?.[BATCHES[1]] ?? 0;
      const inline = r.inlineTitlesPerSecond ?? 0;
      return `${r.label}, batch ${BATCHES[1]}: ${beside.toFixed(0)} titles/s tokenizing beside the model, ${inline.toFixed(0)} tokenizing inline (${(beside / inline).toFixed(2)}x)`;
    }),
];
if (values.json !== undefined) await writeFile(values.json, `${JSON.stringify({ date: new Date().toISOString(), n: N, batches: BATCHES, results }, null, 2)}\n`);
process.stdout.write(`${lines.join('\n')}\n`);
