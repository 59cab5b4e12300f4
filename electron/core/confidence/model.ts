/**
 * A loaded model's confidences: its calibration, read once per model load, and the confidence of
 * every ranked match of a run. The CLI and the app's service both call these, so a match has the
 * same confidence wherever it is shown or written.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { RunConfidence } from '../../contract/confidence.js';
import type { TopKResult } from '../match/topk.js';
import { confidenceOf, readCalibration, type CalibrationState } from './calibration.js';

/** The sha256 of model.onnx that the model folder's manifest records (undefined without one). */
export async function manifestModelSha(modelDir: string): Promise<string | undefined> {
  try {
    const m = JSON.parse(await readFile(join(modelDir, 'manifest.json'), 'utf8')) as { files?: Record<string, { sha256?: string }> };
    return m.files?.['model.onnx']?.sha256;
  } catch {
    return undefined;
  }
}

/** The calibration of the model in `modelDir`, checked against its manifest, or why there is none. */
export async function modelCalibration(modelDir: string): Promise<CalibrationState> {
  return readCalibration(modelDir, await manifestModelSha(modelDir));
}

/** What a run tells its reader about its confidences: the levels, or why there are none. */
export function runConfidence(state: CalibrationState): RunConfidence {
  const c = state.calibration;
  return c ? { calibrated: true, levels: { ...c.levels }, reviewScore: c.reviewScore } : { calibrated: false, reason: state.reason };
}

/**
 * The confidence of every kept match of a top-k result, at the same places as its scores: each
 * match's model score read against the best model score of its query in the same run, as the
 * calibration was fitted. A seniority ranking (match/seniority.ts) supplies both, since its own
 * scores are adjusted and its first match need not be the model's best; seniority never enters
 * the confidence. Padding slots get 0.
 */
export function rankedConfidences(state: CalibrationState, result: TopKResult & { modelScores?: Float32Array; best?: Float32Array }): Float64Array | undefined {
  const c = state.calibration;
  if (!c) return undefined;
  const scores = result.modelScores ?? result.scores;
  const out = new Float64Array(scores.length);
  for (let q = 0; q < result.counts.length; q++) {
    const base = q * result.k;
    const best = result.best?.[q] ?? scores[base];
    for (let r = 0; r < result.counts[q]; r++) out[base + r] = confidenceOf(c, scores[base + r], best);
  }
  return out;
}
