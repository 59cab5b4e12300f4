/** Rank of a known right answer among all corpus rows, for evaluation (MRR, top-1, top-5). */
import { rowsOf, scoreBlock, yieldToEventLoop } from './kernel.js';
import type { TopKOptions } from './topk.js';

/**
 * For each query q, the 1-based rank that corpus row targets[q] would get in topK over the whole
 * corpus: 1 + rows scoring higher + rows scoring the same earlier in the corpus.
 */
export async function targetRanks(
  queries: Float32Array,
  corpus: Float32Array,
  dim: number,
  targets: Int32Array,
  options: Pick<TopKOptions, 'signal' | 'onProgress' | 'queryBlock'> = {},
): Promise<Int32Array> {
  const { nq, nc } = rowsOf(queries, corpus, dim);
  if (targets.length !== nq) throw new RangeError(`${targets.length} targets for ${nq} queries`);
  const qb = Math.max(1, options.queryBlock ?? 32);
  const block = new Float32Array(qb * nc);
  const ranks = new Int32Array(nq);
  for (let q0 = 0; q0 < nq; q0 += qb) {
    options.signal?.throwIfAborted();
    const qn = Math.min(qb, nq - q0);
    scoreBlock(queries, q0, qn, corpus, 0, nc, dim, block);
    for (let i = 0; i < qn; i++) {
      const t = targets[q0 + i];
      if (t < 0 || t >= nc) throw new RangeError(`target ${t} is not a corpus row`);
      const row = i * nc;
      const s = block[row + t];
      let rank = 1;
      for (let j = 0; j < nc; j++) {
        const v = block[row + j];
        if (v > s || (v === s && j < t)) rank++;
      }
      ranks[q0 + i] = rank;
    }
    options.onProgress?.({ done: q0 + qn, total: nq });
    await yieldToEventLoop();
  }
  return ranks;
}

/** Mean reciprocal rank and the share of queries whose answer is in the first 1 and 5. */
export function rankMetrics(ranks: ArrayLike<number>): { mrr: number; top1: number; top5: number; n: number } {
  let rr = 0;
  let top1 = 0;
  let top5 = 0;
  for (let i = 0; i < ranks.length; i++) {
    rr += 1 / ranks[i];
    if (ranks[i] === 1) top1++;
    if (ranks[i] <= 5) top5++;
  }
  const n = ranks.length;
  return n === 0 ? { mrr: 0, top1: 0, top5: 0, n } : { mrr: rr / n, top1: top1 / n, top5: top5 / n, n };
}
