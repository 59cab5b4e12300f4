/**
 * Decisions as nearest-neighbour evidence: a title's nearest decided titles vote for their
 * decisions. A candidate gains `weight * closeness` when a decided title close to the query had it
 * accepted, and loses as much when it was rejected there; closeness is how far the two queries'
 * cosine exceeds `threshold`, scaled to 0..1. Titles far from every decision keep their scores.
 */

/** The decided titles, as the frozen (or adapted) encoder's unit vectors. */
export interface DecisionMemory {
  dim: number;
  queries: Float32Array;
  /** For each decided query row: the corpus-independent match keys it accepted and rejected. */
  accepted: string[][];
  rejected: string[][];
}

/** Evidence settings. */
export interface EvidenceOptions {
  threshold?: number;
  weight?: number;
}

/** The score change the memory gives each candidate key for one query vector. */
export function evidence(memory: DecisionMemory, query: Float32Array, options: EvidenceOptions = {}): Map<string, number> {
  const threshold = options.threshold ?? 0.7;
  const weight = options.weight ?? 0.3;
  const { dim, queries } = memory;
  const out = new Map<string, number>();
  const n = queries.length / dim;
  for (let k = 0; k < n; k++) {
    let s = 0;
    for (let d = 0; d < dim; d++) s += query[d] * queries[k * dim + d];
    if (s <= threshold) continue;
    const c = (weight * (s - threshold)) / (1 - threshold);
    for (const key of memory.accepted[k]) out.set(key, Math.max(out.get(key) ?? 0, 0) + c);
    for (const key of memory.rejected[k]) out.set(key, (out.get(key) ?? 0) - c);
  }
  return out;
}
