/**
 * The recruiter's decisions as evidence: each decided title is an example of the matches the
 * recruiter accepted for it and of the ones rejected. A new title borrows from its nearest decided
 * titles: a match accepted for a decided title scores at least (closeness - margin) for it, so a
 * decision about "Atty" -> "Lawyer" lifts "Lawyer" for "Attorney at Law" only as far as the two
 * titles are alike; a match rejected for a very close title (closeness above `rejectFrom`) loses
 * up to `rejectWeight`. Titles far from every decision keep their scores.
 */

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
}

/**
 * Chosen on a simulated recruiter over held-out ESCO alternative labels of six languages
 * (esco-i18n, never trained on by model 2.0) ranked against the English preferred labels, never on
 * jobbert-dev: margin 0.3 was the smallest of 0.25-0.4 that kept titles of untouched occupations
 * within 0.005 of the frozen model with 2,000 decisions; 8 neighbours of closeness 0.5 or more gave
 * the same MRR as all decided titles to within 0.0003, at a quarter of the cost
 * (bench/results/feedback.md).
 */
export const EVIDENCE_DEFAULTS: EvidenceSettings = { margin: 0.3, rejectFrom: 0.9, rejectWeight: 0.2, neighbours: 8, least: 0.5 };

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
