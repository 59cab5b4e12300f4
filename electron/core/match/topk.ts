/**
 * Exact top-k cosine matching: every query against the whole corpus, in blocks, so memory stays
 * at (query block x corpus block) scores plus k results per query, never queries x corpus.
 * Vectors are expected to be unit length (as the engine returns them): cosine = dot product.
 */
import { rowsOf, scoreBlock, yieldToEventLoop } from './kernel.js';

/** Progress of a long operation, in queries done. */
export interface MatchProgress {
  done: number;
  total: number;
}

/** Options of topK. */
export interface TopKOptions {
  /** Drop matches scoring below this. */
  minScore?: number;
  signal?: AbortSignal;
  onProgress?: (progress: MatchProgress) => void;
  /** Queries per block (default 64). */
  queryBlock?: number;
  /** Corpus rows per block (default 2048). */
  corpusBlock?: number;
}

/**
 * The best matches of every query. For query q, entries [q*k, q*k + counts[q]) of indices and
 * scores hold its matches, best first; equal scores keep corpus order.
 */
export interface TopKResult {
  /** Slots per query (the k asked for, capped at the corpus size). */
  k: number;
  counts: Int32Array;
  indices: Int32Array;
  scores: Float32Array;
}

/** One match of one query. */
export interface Match {
  /** Row of the corpus matrix. */
  index: number;
  score: number;
}

/** The matches of query q from a TopKResult, best first. */
export function matchesOf(result: TopKResult, q: number): Match[] {
  const out: Match[] = [];
  const base = q * result.k;
  for (let r = 0; r < result.counts[q]; r++) out.push({ index: result.indices[base + r], score: result.scores[base + r] });
  return out;
}

// Min-heap of (score, index) in a slice of flat arrays; the root is the worst kept match.
// "Worse" = lower score, or the same score later in the corpus.
function worse(sa: number, ia: number, sb: number, ib: number): boolean {
  return sa < sb || (sa === sb && ia > ib);
}

function siftDown(scores: Float32Array, idx: Int32Array, base: number, size: number, at: number): void {
  for (;;) {
    const l = 2 * at + 1;
    if (l >= size) return;
    const r = l + 1;
    let m = l;
    if (r < size && worse(scores[base + r], idx[base + r], scores[base + l], idx[base + l])) m = r;
    if (!worse(scores[base + m], idx[base + m], scores[base + at], idx[base + at])) return;
    swap(scores, idx, base + m, base + at);
    at = m;
  }
}

function siftUp(scores: Float32Array, idx: Int32Array, base: number, at: number): void {
  while (at > 0) {
    const p = (at - 1) >> 1;
    if (!worse(scores[base + at], idx[base + at], scores[base + p], idx[base + p])) return;
    swap(scores, idx, base + at, base + p);
    at = p;
  }
}

function swap(scores: Float32Array, idx: Int32Array, a: number, b: number): void {
  const s = scores[a];
  scores[a] = scores[b];
  scores[b] = s;
  const i = idx[a];
  idx[a] = idx[b];
  idx[b] = i;
}

/** Sorts a heap slice best first (score descending, then corpus order). */
function sortSlice(scores: Float32Array, idx: Int32Array, base: number, size: number): void {
  const order = Array.from({ length: size }, (_, r) => r);
  order.sort((a, b) => scores[base + b] - scores[base + a] || idx[base + a] - idx[base + b]);
  const s = Float32Array.from(order, (r) => scores[base + r]);
  const i = Int32Array.from(order, (r) => idx[base + r]);
  scores.set(s, base);
  idx.set(i, base);
}

/** Parses a top-k request: a positive whole number or 'all'. */
export function resolveK(k: number | 'all', corpusSize: number): number {
  if (k === 'all') return corpusSize;
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`k must be a whole number of 1 or more, or 'all'; got ${k}`);
  return Math.min(k, corpusSize);
}

/**
 * Exact top-k by cosine for every query row against every corpus row (both [n, dim], unit length).
 * Yields to the event loop between blocks so that cancellation and progress get through.
 */
export async function topK(
  queries: Float32Array,
  corpus: Float32Array,
  dim: number,
  k: number | 'all',
  options: TopKOptions = {},
): Promise<TopKResult> {
  const { nq, nc } = rowsOf(queries, corpus, dim);
  const kk = resolveK(k, nc);
  const minScore = options.minScore ?? -Infinity;
  const qb = Math.max(1, options.queryBlock ?? 64);
  const cb = Math.max(1, options.corpusBlock ?? 2048);
  const counts = new Int32Array(nq);
  const indices = new Int32Array(nq * kk);
  const scores = new Float32Array(nq * kk);
  const block = new Float32Array(qb * Math.min(cb, Math.max(nc, 1)));
  const { signal, onProgress } = options;
  let lastYield = performance.now();

  for (let q0 = 0; q0 < nq; q0 += qb) {
    const qn = Math.min(qb, nq - q0);
    for (let c0 = 0; c0 < nc; c0 += cb) {
      signal?.throwIfAborted();
      const cn = Math.min(cb, nc - c0);
      scoreBlock(queries, q0, qn, corpus, c0, cn, dim, block);
      for (let i = 0; i < qn; i++) {
        const q = q0 + i;
        const base = q * kk;
        let size = counts[q];
        // The worst kept score: a candidate must beat it (ties go to the earlier corpus row, kept).
        let floor = size === kk ? scores[base] : -Infinity;
        const row = i * cn;
        for (let j = 0; j < cn; j++) {
          const s = block[row + j];
          if (s < minScore || s <= floor) continue;
          const index = c0 + j;
          if (size < kk) {
            scores[base + size] = s;
            indices[base + size] = index;
            siftUp(scores, indices, base, size);
            size++;
          } else {
            scores[base] = s;
            indices[base] = index;
            siftDown(scores, indices, base, size, 0);
          }
          if (size === kk) floor = scores[base];
        }
        counts[q] = size;
      }
      if (performance.now() - lastYield > 30) {
        await yieldToEventLoop();
        lastYield = performance.now();
      }
    }
    for (let q = q0; q < q0 + qn; q++) sortSlice(scores, indices, q * kk, counts[q]);
    onProgress?.({ done: q0 + qn, total: nq });
  }
  signal?.throwIfAborted();
  return { k: kk, counts, indices, scores };
}
