/**
 * Confidence: the probability that a match names the same job as its query, from a calibration
 * fitted on development titles the model was not trained on (`titlematch fit-confidence`), stored
 * beside the model as confidence.json. A model without one shows scores only.
 *
 * The calibration is a logistic regression on features of a ranked match (FEATURES): its cosine
 * score and its square, how far it falls below the best match of the same query, whether it is
 * the best, and whether the two titles read the same (score >= 0.99). The buckets cut the
 * confidence at two levels chosen on the same development data: accept (call this candidate),
 * review, and reject.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ConfidenceLevels } from '../../contract/confidence.js';

export { bucketOf } from '../../contract/confidence.js';

/** The file beside a model that holds its calibration. */
export const CONFIDENCE_FILE = 'confidence.json';
const VERSION = 1;

/** Precision and recall of a bucket level on the measuring half of the development titles. */
export interface LevelFigures {
  level: number;
  precision: number;
  recall: number;
}

/** A model's calibration, as stored in confidence.json. */
export interface Calibration {
  version: 1;
  /** sha256 of the model.onnx it was fitted for (from the manifest). */
  model: string;
  /** The features, in the order of the weights (FEATURES when fitted by this version). */
  features: string[];
  /** Logistic weights on the features, and the bias. */
  weights: number[];
  bias: number;
  /** Confidence levels: accept at or above `accept`, reject below `review`, review between. */
  levels: ConfidenceLevels;
  /** The score at which a best match reaches the review level (the app's default minimum score). */
  reviewScore: number;
  /** How and where it was fitted, and what it gave on the held-out half. */
  fitted: {
    data: string;
    pairs: number;
    queries: number;
    date: string;
    ece: number;
    accept: LevelFigures;
    review: LevelFigures;
  };
}

/** The features the calibration reads from a ranked match, by name. */
export const FEATURES = ['score', 'score^2', 'gap to the best match', 'is the best match', 'same title (score >= 0.99)'] as const;

/** The feature values of a match with this score, whose query's best match scores `best`. */
export function features(score: number, best: number): number[] {
  const gap = Math.max(0, best - score);
  return [score, score * score, gap, gap === 0 ? 1 : 0, score >= 0.99 ? 1 : 0];
}

/** The confidence of a match with this score, whose query's best match scores `best`. */
export function confidenceOf(c: { weights: readonly number[]; bias: number }, score: number, best: number): number {
  const x = features(score, best);
  let z = c.bias;
  for (let i = 0; i < x.length; i++) z += c.weights[i] * x[i];
  return 1 / (1 + Math.exp(-z));
}

function isNumber(x: unknown): x is number {
  return typeof x === 'number' && Number.isFinite(x);
}

/** Checks a parsed confidence.json; returns why it is unusable, or undefined when it is fine. */
export function calibrationProblem(x: unknown, modelSha: string | undefined): string | undefined {
  const c = x as Partial<Calibration> | null;
  if (typeof c !== 'object' || c === null || c.version !== VERSION) return `it is not a version ${VERSION} calibration`;
  if (!Array.isArray(c.features) || c.features.join('|') !== FEATURES.join('|')) return 'it reads features this version does not compute';
  if (!Array.isArray(c.weights) || c.weights.length !== FEATURES.length || !c.weights.every(isNumber) || !isNumber(c.bias)) return 'its weights are damaged';
  const l = c.levels;
  if (!l || !isNumber(l.accept) || !isNumber(l.review) || !(l.review >= 0 && l.review <= l.accept && l.accept <= 1)) return 'its bucket levels are damaged';
  if (!isNumber(c.reviewScore)) return 'its review score is damaged';
  if (modelSha !== undefined && c.model !== modelSha) return 'it was fitted for another model';
  return undefined;
}

/** Either the model's calibration, or why there is none (shown instead of confidences). */
export type CalibrationState = { calibration: Calibration; reason?: undefined } | { calibration?: undefined; reason: string };

/** Reads confidence.json from a model folder and checks it against the model's sha256. */
export async function readCalibration(modelDir: string, modelSha: string | undefined): Promise<CalibrationState> {
  let text: string;
  try {
    text = await readFile(join(modelDir, CONFIDENCE_FILE), 'utf8');
  } catch {
    return { reason: `the model has no ${CONFIDENCE_FILE}, so scores are shown without a confidence` };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { reason: `${CONFIDENCE_FILE} is damaged (not JSON), so scores are shown without a confidence` };
  }
  const problem = calibrationProblem(parsed, modelSha);
  return problem === undefined ? { calibration: parsed as Calibration } : { reason: `${CONFIDENCE_FILE} is unusable (${problem}), so scores are shown without a confidence` };
}
