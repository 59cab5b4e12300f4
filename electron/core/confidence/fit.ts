/**
 * Fitting and measuring a calibration: logistic regression by Newton's method on ranked matches
 * labelled right or wrong, the reliability table (confidence deciles against the observed share of
 * right matches), the expected calibration error, and the bucket levels.
 */
import { confidenceOf, FEATURES, features, type LevelFigures } from './calibration.js';

/** One ranked match of a development query: its score, its query's best score, and whether it is right. */
export interface LabelledMatch {
  score: number;
  best: number;
  rank: number;
  correct: boolean;
}

/** Fits the calibration's features -> right by L2-regularised logistic regression (Newton steps). */
export function fitLogistic(data: readonly LabelledMatch[], l2 = 1e-3): { weights: number[]; bias: number } {
  const n = FEATURES.length + 1;
  let w = new Array<number>(n).fill(0);
  const xs = data.map((m) => [...features(m.score, m.best), 1]);
  for (let iter = 0; iter < 100; iter++) {
    const g = new Array<number>(n).fill(0);
    const h = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? (i < n - 1 ? l2 : 1e-9) : 0)));
    xs.forEach((xi, k) => {
      let z = 0;
      for (let a = 0; a < n; a++) z += w[a] * xi[a];
      const p = 1 / (1 + Math.exp(-z));
      const r = p - (data[k].correct ? 1 : 0);
      const s = p * (1 - p);
      for (let a = 0; a < n; a++) {
        g[a] += r * xi[a];
        for (let b = 0; b < n; b++) h[a][b] += s * xi[a] * xi[b];
      }
    });
    for (let a = 0; a < n - 1; a++) g[a] += l2 * w[a];
    const step = solve(h, g);
    w = w.map((v, i) => v - step[i]);
    if (Math.max(...step.map(Math.abs)) < 1e-10) break;
  }
  return { weights: w.slice(0, n - 1), bias: w[n - 1] };
}

/** Solves a small linear system by Gaussian elimination with partial pivoting. */
function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r][c]) > Math.abs(m[p][c])) p = r;
    [m[c], m[p]] = [m[p], m[c]];
    for (let r = c + 1; r < n; r++) {
      const f = m[r][c] / m[c][c];
      for (let k = c; k <= n; k++) m[r][k] -= f * m[c][k];
    }
  }
  const out = new Array<number>(n).fill(0);
  for (let r = n - 1; r >= 0; r--) {
    let s = m[r][n];
    for (let k = r + 1; k < n; k++) s -= m[r][k] * out[k];
    out[r] = s / m[r][r];
  }
  return out;
}

/** One row of the reliability table. */
export interface ReliabilityBin {
  from: number;
  to: number;
  count: number;
  meanConfidence: number;
  observed: number;
}

/** Confidence deciles against the observed share of right matches, and the expected calibration error. */
export function reliability(confidences: readonly number[], correct: readonly boolean[], bins = 10): { bins: ReliabilityBin[]; ece: number } {
  const out: ReliabilityBin[] = Array.from({ length: bins }, (_, i) => ({ from: i / bins, to: (i + 1) / bins, count: 0, meanConfidence: 0, observed: 0 }));
  confidences.forEach((c, i) => {
    const b = out[Math.min(bins - 1, Math.floor(c * bins))];
    b.count++;
    b.meanConfidence += c;
    b.observed += correct[i] ? 1 : 0;
  });
  let ece = 0;
  for (const b of out) {
    if (b.count === 0) continue;
    b.meanConfidence /= b.count;
    b.observed /= b.count;
    ece += (b.count / confidences.length) * Math.abs(b.observed - b.meanConfidence);
  }
  return { bins: out, ece };
}

/** Precision and recall of "confidence >= level" over best matches. */
export function levelFigures(confidences: readonly number[], correct: readonly boolean[], level: number): LevelFigures {
  let kept = 0;
  let right = 0;
  let allRight = 0;
  confidences.forEach((c, i) => {
    if (correct[i]) allRight++;
    if (c >= level) {
      kept++;
      if (correct[i]) right++;
    }
  });
  return { level, precision: kept === 0 ? 1 : right / kept, recall: allRight === 0 ? 0 : right / allRight };
}

/**
 * The bucket levels: accept is the lowest level whose best matches are right at least
 * `acceptPrecision` of the time (over at least `minAccepted` of them); review keeps at least
 * `reviewRecall` of the right best matches.
 */
export function chooseLevels(confidences: readonly number[], correct: readonly boolean[], acceptPrecision = 0.9, reviewRecall = 0.95, minAccepted = 25): { accept: number; review: number } {
  const grid = Array.from({ length: 99 }, (_, i) => (i + 1) / 100);
  // A precision measured on a handful of matches says little: the accept level needs minAccepted of them.
  const accepted = (t: number): number => confidences.filter((c) => c >= t).length;
  const accept = grid.find((t) => accepted(t) >= minAccepted && levelFigures(confidences, correct, t).precision >= acceptPrecision) ?? 0.99;
  const review = [...grid].reverse().find((t) => levelFigures(confidences, correct, t).recall >= reviewRecall) ?? 0.01;
  return { accept, review: Math.min(review, accept) };
}

/** The lowest score at which a best match reaches a confidence level (bisection; confidence rises with the score). */
export function scoreAtConfidence(c: { weights: readonly number[]; bias: number }, level: number): number {
  let lo = -1;
  let hi = 1;
  if (confidenceOf(c, hi, hi) < level) return hi;
  for (let i = 0; i < 50; i++) {
    const mid = (lo + hi) / 2;
    if (confidenceOf(c, mid, mid) >= level) hi = mid;
    else lo = mid;
  }
  return hi;
}

/** Confidences of labelled matches under a calibration. */
export function confidences(c: { weights: readonly number[]; bias: number }, data: readonly LabelledMatch[]): number[] {
  return data.map((m) => confidenceOf(c, m.score, m.best));
}
