/**
 * Exact top-k inside onnxruntime: a generated graph scores a block of queries against a block of
 * the corpus (Gemm) and keeps each query's best (TopK), on the engine's execution provider. The
 * blocks' candidates are rescored here with the reference kernel's arithmetic and merged, so the
 * result is the one `topK` (./topk.ts) returns, bit for bit, ties in corpus order.
 *
 * Why exact: onnxruntime sums in another order than the reference, so its scores may differ in the
 * last bits and could swap near-equal matches. Each block asks TopK for k + margin candidates and
 * checks, per query, that the k-th rescored candidate beats the best score a left-out row could
 * have (the lowest returned score plus a rounding bound); a query that fails the check (near-ties
 * at the edge, duplicate rows) is scored against that block by the reference kernel instead.
 */
import ort from 'onnxruntime-node';
import { node, ONNX_FLOAT, ONNX_INT64, onnxModel, valueInfo } from '../onnx/writer.js';
import type { ProviderName } from '../engine/index.js';
import { rowsOf, scoreBlock } from './kernel.js';
import { resolveK, topK, type TopKOptions, type TopKResult } from './topk.js';

/** The matcher graph: scores = queries x corpus^T, then the best k per query row, sorted. */
export function topKGraph(): Uint8Array {
  return onnxModel('titlematch-topk', 14, (g) => {
    node(g, { op: 'Gemm', inputs: ['queries', 'corpus'], outputs: ['scores'], int: { transB: 1 } });
    node(g, { op: 'TopK', inputs: ['scores', 'k'], outputs: ['values', 'indices'], int: { axis: 1, largest: 1, sorted: 1 } });
    g.string(2, 'topk');
    valueInfo(g, 11, 'queries', ONNX_FLOAT, ['q', 'dim']);
    valueInfo(g, 11, 'corpus', ONNX_FLOAT, ['c', 'dim']);
    valueInfo(g, 11, 'k', ONNX_INT64, [1]);
    valueInfo(g, 12, 'values', ONNX_FLOAT, ['q', 'kk']);
    valueInfo(g, 12, 'indices', ONNX_INT64, ['q', 'kk']);
  });
}

/** How to build an onnxruntime matcher. */
export interface OrtMatcherOptions {
  /** Execution provider (default cpu); use the one the engine runs on. */
  provider?: ProviderName;
  /** Intra-op threads (default: onnxruntime's choice). */
  threads?: number;
  /** Queries per run (default 256). */
  queryBlock?: number;
  /** Corpus rows per run (default 16384). */
  corpusBlock?: number;
  /** Extra candidates per block beyond k, so that the exactness check rarely fails (default 16). */
  margin?: number;
}

/** What the last topK call did, for benchmarks and tests. */
export interface OrtMatchStats {
  /** Runs of the graph. */
  runs: number;
  /** (query, corpus block) pairs scored by the reference kernel because the check failed. */
  fallbackRows: number;
  /** True when the whole call went to the reference (k too large for candidates to pay). */
  reference: boolean;
}

/** Top-k matching on an onnxruntime session; same contract as `topK`. */
export interface OrtMatcher {
  readonly provider: ProviderName;
  topK(queries: Float32Array, corpus: Float32Array, dim: number, k: number | 'all', options?: TopKOptions): Promise<TopKResult>;
  readonly lastStats: OrtMatchStats;
  dispose(): Promise<void>;
}

/**
 * Bound on |onnxruntime score - reference score| per unit of |q| |c|. fp32 in any summation order
 * (blocked, FMA) errs by at most gamma_n = n u / (1 - n u) of sum |q_i c_i| <= |q| |c|, plus the
 * reference's own rounding to float32. CUDA may run fp32 Gemm in TF32 (10-bit mantissa inputs).
 */
export function roundingBound(dim: number, provider: ProviderName): number {
  const u = provider === 'cuda' ? 2 ** -11 : 2 ** -24;
  const n = provider === 'cuda' ? 2 + (dim * 2 ** -24) / u : dim + 2;
  return ((n * u) / (1 - n * u)) * 1.01 + 2 ** -24;
}

function maxNorm(v: Float32Array, dim: number): number {
  let best = 0;
  for (let r = 0; r < v.length; r += dim) {
    let s = 0;
    for (let d = 0; d < dim; d++) s += v[r + d] * v[r + d];
    best = Math.max(best, s);
  }
  return Math.sqrt(best) * (1 + 2 ** -40);
}

/** The reference kernel's score of one pair: float64 sum in dimension order, rounded to float32. */
function exactScore(queries: Float32Array, a: number, corpus: Float32Array, b: number, dim: number): number {
  let s = 0;
  for (let d = 0; d < dim; d++) s += queries[a + d] * corpus[b + d];
  return Math.fround(s);
}

/** Creates a matcher on the given provider (loads a tiny generated graph). */
export async function createOrtMatcher(options: OrtMatcherOptions = {}): Promise<OrtMatcher> {
  const provider = options.provider ?? 'cpu';
  // Core ML may compute in fp16, where no useful bound holds: match on the CPU there.
  const sessionProvider = provider === 'coreml' ? 'cpu' : provider;
  const session = await ort.InferenceSession.create(topKGraph(), {
    executionProviders: [sessionProvider],
    ...(options.threads !== undefined ? { intraOpNumThreads: options.threads } : {}),
    interOpNumThreads: 1,
    graphOptimizationLevel: 'all',
    logSeverityLevel: 3,
    // Threads that spin after a run would take the core the candidates are rescored on.
    extra: { session: { intra_op: { allow_spinning: '0' } } },
  });
  const qb = Math.max(1, options.queryBlock ?? 256);
  const cb = Math.max(1, options.corpusBlock ?? 16384);
  const margin = Math.max(0, options.margin ?? 16);
  const stats: OrtMatchStats = { runs: 0, fallbackRows: 0, reference: false };

  async function match(queries: Float32Array, corpus: Float32Array, dim: number, k: number | 'all', opts: TopKOptions = {}): Promise<TopKResult> {
    const { nq, nc } = rowsOf(queries, corpus, dim);
    const kk = resolveK(k, nc);
    Object.assign(stats, { runs: 0, fallbackRows: 0, reference: false });
    // With k near the block size, candidates cost as much as scoring everything: use the reference.
    if (nq === 0 || nc === 0 || (kk + margin) * 4 > Math.min(cb, nc)) {
      stats.reference = true;
      return topK(queries, corpus, dim, k, opts);
    }
    const minScore = opts.minScore ?? -Infinity;
    const eps = roundingBound(dim, sessionProvider) * maxNorm(queries, dim) * maxNorm(corpus, dim);
    const counts = new Int32Array(nq);
    const indices = new Int32Array(nq * kk);
    const scores = new Float32Array(nq * kk);
    const kc = new BigInt64Array(1);
    // A block's matches of one query, best first (score descending, then corpus order).
    const block = { scores: new Float64Array(Math.max(kk + margin, kk)), indices: new Int32Array(Math.max(kk + margin, kk)) };
    const merged = { scores: new Float32Array(kk), indices: new Int32Array(kk) };
    let fallbackScores: Float32Array | undefined;

    // Merges the block's first n matches into query q's kept ones (kept rows come earlier: they win ties).
    const mergeInto = (q: number, n: number): void => {
      const base = q * kk;
      const kept = counts[q];
      if (kept === 0) {
        for (let r = 0; r < n; r++) {
          scores[base + r] = block.scores[r];
          indices[base + r] = block.indices[r];
        }
        counts[q] = n;
        return;
      }
      let a = 0;
      let b = 0;
      let m = 0;
      while (m < kk && (a < kept || b < n)) {
        if (b >= n || (a < kept && scores[base + a] >= block.scores[b])) {
          merged.scores[m] = scores[base + a];
          merged.indices[m++] = indices[base + a++];
        } else {
          merged.scores[m] = block.scores[b];
          merged.indices[m++] = block.indices[b++];
        }
      }
      scores.set(merged.scores.subarray(0, m), base);
      indices.set(merged.indices.subarray(0, m), base);
      counts[q] = m;
    };

    // Inserts (s, c) into the first `size` sorted entries of block (insertion sort: k + margin is small).
    const insert = (size: number, s: number, c: number): void => {
      let at = size;
      while (at > 0 && (block.scores[at - 1] < s || (block.scores[at - 1] === s && block.indices[at - 1] > c))) {
        block.scores[at] = block.scores[at - 1];
        block.indices[at] = block.indices[at - 1];
        at--;
      }
      block.scores[at] = s;
      block.indices[at] = c;
    };

    // How many of the block's first `size` matches to keep: at most k, none under minScore.
    const keepCount = (size: number): number => {
      let n = Math.min(kk, size);
      while (n > 0 && block.scores[n - 1] < minScore) n--;
      return n;
    };

    for (let q0 = 0; q0 < nq; q0 += qb) {
      const qn = Math.min(qb, nq - q0);
      const qTensor = new ort.Tensor('float32', queries.subarray(q0 * dim, (q0 + qn) * dim), [qn, dim]);
      for (let c0 = 0; c0 < nc; c0 += cb) {
        opts.signal?.throwIfAborted();
        const cn = Math.min(cb, nc - c0);
        const kb = Math.min(cn, kk + margin);
        kc[0] = BigInt(kb);
        const out = await session.run({
          queries: qTensor,
          corpus: new ort.Tensor('float32', corpus.subarray(c0 * dim, (c0 + cn) * dim), [cn, dim]),
          k: new ort.Tensor('int64', kc, [1]),
        });
        stats.runs++;
        const values = out.values.data as Float32Array;
        const found = out.indices.data as BigInt64Array;
        for (let i = 0; i < qn; i++) {
          const q = q0 + i;
          for (let r = 0; r < kb; r++) {
            const c = c0 + Number(found[i * kb + r]);
            insert(r, exactScore(queries, q * dim, corpus, c * dim, dim), c);
          }
          // A row TopK left out scores at most the lowest returned plus the rounding bound.
          const ceiling = kb === cn ? -Infinity : values[i * kb + kb - 1] + eps;
          if (ceiling < Math.max(block.scores[Math.min(kk, kb) - 1], minScore)) {
            mergeInto(q, keepCount(kb));
            continue;
          }
          // Near-ties at the edge: score this query against the whole block with the reference kernel.
          stats.fallbackRows++;
          fallbackScores ??= new Float32Array(cb);
          scoreBlock(queries, q, 1, corpus, c0, cn, dim, fallbackScores);
          let size = 0;
          for (let j = 0; j < cn; j++) {
            const sc = fallbackScores[j];
            if (size === kk && (sc < block.scores[kk - 1] || (sc === block.scores[kk - 1] && c0 + j > block.indices[kk - 1]))) continue;
            insert(Math.min(size, kk - 1), sc, c0 + j);
            if (size < kk) size++;
          }
          mergeInto(q, keepCount(size));
        }
        for (const t of Object.values(out)) t.dispose();
      }
      opts.onProgress?.({ done: q0 + qn, total: nq });
    }
    opts.signal?.throwIfAborted();
    return { k: kk, counts, indices, scores };
  }

  return {
    provider: sessionProvider,
    topK: match,
    get lastStats() {
      return { ...stats };
    },
    async dispose() {
      await session.release();
    },
  };
}

/** Top-k matching as the CLI and the app use it: onnxruntime when it can start, else the reference. */
export interface Matcher {
  /** 'onnxruntime (cpu)' or 'javascript reference (why)'. */
  readonly kind: string;
  topK(queries: Float32Array, corpus: Float32Array, dim: number, k: number | 'all', options?: TopKOptions): Promise<TopKResult>;
  dispose(): Promise<void>;
}

/**
 * The onnxruntime matcher on the engine's provider; if its session cannot be created there, the
 * JavaScript reference (same results, slower), with the reason in `kind`.
 */
export async function createMatcher(options: OrtMatcherOptions = {}): Promise<Matcher> {
  try {
    const m = await createOrtMatcher(options);
    return { kind: `onnxruntime (${m.provider})`, topK: (...args) => m.topK(...args), dispose: () => m.dispose() };
  } catch (e) {
    return { kind: `javascript reference (onnxruntime matcher unavailable: ${(e as Error).message.split('\n')[0]})`, topK, dispose: () => Promise.resolve() };
  }
}
