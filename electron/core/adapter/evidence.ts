/**
 * The recruiter's decisions as evidence: each decided title is an example of the matches the
 * recruiter accepted for it and of the ones rejected. A new title borrows from its nearest decided
 * titles: a match accepted for a decided title scores at least (closeness - margin) for it, so a
 * decision about "Atty" -> "Lawyer" lifts "Lawyer" for "Attorney at Law" only as far as the two
 * titles are alike; a match rejected for a very close title (closeness above `rejectFrom`) loses
 * up to `rejectWeight`. And each accepted match itself moves: its vector is taken `prototype` of the
 * way toward the mean of the titles accepted for it (then made unit length again), so that every
 * title like those (of the same occupation) finds it closer, whichever decided title it is near
 * (off by default: see EVIDENCE_DEFAULTS). Without it, titles far from every decision keep their
 * ranking and scores; with it, only the moved matches' scores change for them.
 */
import { l2Normalize } from '../engine/pooling.js';

/** Evidence settings (see EVIDENCE_DEFAULTS for where they were chosen). */
export interface EvidenceSettings {
  /** An accepted match scores at least closeness - margin for a title near its decided title. */
  margin: number;
  /** Rejections count for titles closer than this to the decided title... */
  rejectFrom: number;
  /** ...and take off up to this much, in proportion to the closeness above rejectFrom. */
  rejectWeight: number;
  /** Nearest decided titles consulted for each title... */
  neighbours: number;
  /** ...among those at least this close (a lift to closeness - margin from a farther one hardly ever reaches a list). */
  least: number;
  /**
   * How far an accepted match's vector moves toward the mean of the titles accepted for it (0: not
   * at all, 1: onto the mean). Absent in files made before it existed, which keep their ranking (0).
   */
  prototype?: number;
}

/**
 * Chosen on a simulated recruiter over held-out ESCO alternative labels of six languages
 * (esco-i18n, never trained on by model 2.0) ranked against the English preferred labels, never on
 * jobbert-dev: margin 0.3 was the smallest of 0.25-0.4 that kept titles of untouched occupations
 * within 0.005 of the frozen model with 2,000 decisions; 8 neighbours of closeness 0.5 or more gave
 * the same MRR as all decided titles to within 0.0003, at a quarter of the cost. Prototype 0 (off):
 * on jobbert-dev with model 2.1 and 2,000 decisions, 0.4 (the best share on vacancy titles model
 * 1.0 was not trained on) lifted the decisions' occupations by 0.033 and cost the others 0.014, and
 * 0.05 (the largest share that kept the others within 0.005 on jobbert-val's training part with
 * both models) +0.008 and 0.0052: past the 0.005 the others may lose, so `tune --prototype` turns
 * it on for those who want the trade (bench/results/feedback.md).
 */
export const EVIDENCE_DEFAULTS: EvidenceSettings = { margin: 0.3, rejectFrom: 0.9, rejectWeight: 0.2, neighbours: 8, least: 0.5, prototype: 0 };

/**
 * The corpus vectors with every accepted match moved toward its prototype (the unit mean of the
 * titles accepted for it, by match key); `moved` marks the rows that moved. The same vectors when
 * nothing moves (share 0, or no corpus title was accepted for anything).
 */
export function movedTowardPrototypes(
  corpus: Float32Array,
  corpusKeys: readonly string[],
  prototypes: ReadonlyMap<string, Float32Array>,
  share: number,
  dim: number,
): { vectors: Float32Array; moved: Uint8Array | undefined } {
  if (!(share > 0) || prototypes.size === 0) return { vectors: corpus, moved: undefined };
  let vectors = corpus;
  let moved: Uint8Array | undefined;
  corpusKeys.forEach((key, row) => {
    const p = prototypes.get(key);
    if (p === undefined) return;
    if (moved === undefined) {
      vectors = corpus.slice();
      moved = new Uint8Array(corpusKeys.length);
    }
    moved[row] = 1;
    const at = row * dim;
    for (let d = 0; d < dim; d++) vectors[at + d] = (1 - share) * corpus[at + d] + share * p[d];
    l2Normalize(vectors.subarray(at, at + dim), dim);
  });
  return { vectors, moved };
}

/** The unit mean of each match key's accepted decided titles (rows of `vectors`, one per evidence key). */
export function prototypesOf(evidence: DecisionEvidence, vectors: Float32Array, dim: number): Map<string, Float32Array> {
  const sums = new Map<string, Float32Array>();
  evidence.accepted.forEach((keys, i) => {
    for (const key of keys) {
      let sum = sums.get(key);
      if (sum === undefined) sums.set(key, (sum = new Float32Array(dim)));
      for (let d = 0; d < dim; d++) sum[d] += vectors[i * dim + d];
    }
  });
  for (const sum of sums.values()) l2Normalize(sum, dim);
  return sums;
}

/** The decided titles: for each (by normalised title), the match keys accepted and rejected. */
export interface DecisionEvidence {
  /** Normalised decided titles, one per exemplar row. */
  keys: string[];
  accepted: string[][];
  rejected: string[][];
}

/** One nearest decided title of a query: its row in the evidence and the cosine between them. */
export interface Neighbour {
  index: number;
  score: number;
}

/** What the evidence does to one query's matches, by match key. */
export interface KeyAdjustments {
  /** The least score of a match key (the best closeness - margin among decided titles that accepted it). */
  floor: Map<string, number>;
  /** The amount taken off a match key. */
  penalty: Map<string, number>;
}

/** The adjustments of one query from its nearest decided titles. */
export function keyAdjustments(evidence: DecisionEvidence, neighbours: readonly Neighbour[], settings: EvidenceSettings = EVIDENCE_DEFAULTS): KeyAdjustments {
  const floor = new Map<string, number>();
  const penalty = new Map<string, number>();
  for (const { index, score } of neighbours) {
    const least = score - settings.margin;
    for (const key of evidence.accepted[index]) if (!(least <= (floor.get(key) ?? -Infinity))) floor.set(key, least);
    if (score > settings.rejectFrom) {
      const off = (settings.rejectWeight * (score - settings.rejectFrom)) / (1 - settings.rejectFrom);
      for (const key of evidence.rejected[index]) penalty.set(key, (penalty.get(key) ?? 0) + off);
    }
  }
  return { floor, penalty };
}

/** A match's score after the evidence: at least its key's floor, less its penalty. */
export function adjustedScore(score: number, key: string, adjustments: KeyAdjustments): number {
  const floor = adjustments.floor.get(key);
  return Math.fround((floor !== undefined && floor > score ? floor : score) - (adjustments.penalty.get(key) ?? 0));
}
