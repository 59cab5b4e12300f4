/**
 * How a match's calibrated confidence reads, the same in the app, the CLI and the reports: the
 * accept / review / reject bucket it falls in, cut at the model's two levels.
 */

/** What a recruiter is advised to do with a match. */
export type Bucket = 'accept' | 'review' | 'reject';

/** Every bucket, best first. */
export const BUCKETS = ['accept', 'review', 'reject'] as const satisfies readonly Bucket[];

/** Confidence levels: accept at or above `accept`, reject below `review`, review between. */
export interface ConfidenceLevels {
  accept: number;
  review: number;
}

/** The bucket of a confidence. */
export function bucketOf(c: { levels: ConfidenceLevels }, confidence: number): Bucket {
  if (confidence >= c.levels.accept) return 'accept';
  if (confidence >= c.levels.review) return 'review';
  return 'reject';
}

/**
 * The calibration a run's confidences came from (its levels, and the score at which a best match
 * reaches review: the app's default minimum score), or why the run has scores only.
 */
export type RunConfidence = { calibrated: true; levels: ConfidenceLevels; reviewScore: number } | { calibrated: false; reason: string };

/** A confidence as a person reads it at a glance: "87%", "<1%", ">99%". */
export function confidencePercent(confidence: number): string {
  const pct = confidence * 100;
  if (pct > 0 && pct < 0.5) return '<1%';
  if (pct < 100 && pct >= 99.5) return '>99%';
  return `${Math.round(pct)}%`;
}

/** A bucket's word, as shown beside its colour: "Accept". */
export function bucketLabel(bucket: Bucket): string {
  return bucket.charAt(0).toUpperCase() + bucket.slice(1);
}
