import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bucketOf,
  chooseLevels,
  confidenceOf,
  confidences,
  CONFIDENCE_FILE,
  FEATURES,
  fitLogistic,
  readCalibration,
  reliability,
  scoreAtConfidence,
  type Calibration,
  type LabelledMatch,
} from '../../../../electron/core/confidence/index.js';
import { manifestModelSha } from '../../../../electron/core/confidence/index.js';
import { bundledModelDir } from '../../../../electron/core/engine/index.js';
import { rng } from '../../../bench/suite-helpers.js';

/** Best matches whose chance of being right is exactly `truth(score)`. */
function synthetic(n: number, truth: (s: number) => number, seed = 7): LabelledMatch[] {
  const rand = rng(seed);
  return Array.from({ length: n }, () => {
    const score = rand();
    return { score, best: score, rank: 1, correct: rand() < truth(score) };
  });
}

const logistic = (s: number): number => 1 / (1 + Math.exp(-(8 * s - 4)));

describe('fitting a calibration', () => {
  it('recovers the chance of being right from labelled matches', () => {
    const model = fitLogistic(synthetic(20_000, logistic));
    for (const s of [0.1, 0.3, 0.5, 0.7, 0.9]) expect(confidenceOf(model, s, s)).toBeCloseTo(logistic(s), 1);
  });

  it('measures a calibrated model as calibrated and an overconfident one as not', () => {
    const data = synthetic(20_000, logistic, 11);
    const right = data.map((m) => m.correct);
    const good = reliability(data.map((m) => logistic(m.score)), right);
    const bad = reliability(data.map((m) => Math.min(1, logistic(m.score) + 0.3)), right);
    expect(good.ece).toBeLessThan(0.02);
    expect(bad.ece).toBeGreaterThan(0.2);
    expect(good.bins.reduce((n, b) => n + b.count, 0)).toBe(data.length);
  });

  it('chooses an accept level whose matches are right at least 90% of the time', () => {
    const data = synthetic(20_000, logistic, 3);
    const model = fitLogistic(data);
    const conf = confidences(model, data);
    const right = data.map((m) => m.correct);
    const levels = chooseLevels(conf, right);
    const accepted = conf.map((c, i) => [c, right[i]] as const).filter(([c]) => c >= levels.accept);
    expect(accepted.filter(([, r]) => r).length / accepted.length).toBeGreaterThanOrEqual(0.9);
    expect(levels.review).toBeLessThan(levels.accept);
    expect(confidenceOf(model, scoreAtConfidence(model, levels.review), scoreAtConfidence(model, levels.review))).toBeCloseTo(levels.review, 3);
  });

  it('puts a confidence in its bucket', () => {
    const c = { levels: { accept: 0.8, review: 0.3 } };
    expect([bucketOf(c, 0.95), bucketOf(c, 0.8), bucketOf(c, 0.5), bucketOf(c, 0.3), bucketOf(c, 0.1)]).toEqual(['accept', 'accept', 'review', 'review', 'reject']);
  });
});

describe('confidence.json beside a model', () => {
  let dir: string;
  const good: Calibration = {
    version: 1,
    model: 'abc',
    features: [...FEATURES],
    weights: [1, 2, 3, 4, 5],
    bias: -1,
    levels: { accept: 0.8, review: 0.2 },
    reviewScore: 0.4,
    fitted: { data: 'x', pairs: 1, queries: 1, date: '2026-11-28', ece: 0.01, accept: { level: 0.8, precision: 0.9, recall: 0.5 }, review: { level: 0.2, precision: 0.5, recall: 0.95 } },
  };
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'titlematch-confidence-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('round-trips, and a model without one shows scores only, saying why', async () => {
    expect((await readCalibration(dir, 'abc')).reason).toMatch(/has no confidence\.json, so scores are shown without a confidence/);
    await writeFile(join(dir, CONFIDENCE_FILE), JSON.stringify(good));
    expect((await readCalibration(dir, 'abc')).calibration).toEqual(good);
  });

  it('refuses a damaged file or one fitted for another model', async () => {
    await writeFile(join(dir, CONFIDENCE_FILE), '{"version": 1, ');
    expect((await readCalibration(dir, 'abc')).reason).toMatch(/damaged \(not JSON\)/);
    await writeFile(join(dir, CONFIDENCE_FILE), JSON.stringify({ ...good, weights: [1, 2] }));
    expect((await readCalibration(dir, 'abc')).reason).toMatch(/its weights are damaged/);
    await writeFile(join(dir, CONFIDENCE_FILE), JSON.stringify({ ...good, levels: { accept: 0.2, review: 0.8 } }));
    expect((await readCalibration(dir, 'abc')).reason).toMatch(/bucket levels are damaged/);
    await writeFile(join(dir, CONFIDENCE_FILE), JSON.stringify(good));
    expect((await readCalibration(dir, 'other')).reason).toMatch(/fitted for another model/);
  });

  it('the bundled model has its own, fitted on development titles it was not trained on', async () => {
    const modelDir = bundledModelDir();
    const state = await readCalibration(modelDir, await manifestModelSha(modelDir));
    expect(state.reason).toBeUndefined();
    expect(state.calibration?.fitted.data).toMatch(/jobbert-dev/);
    expect(state.calibration?.fitted.ece).toBeLessThanOrEqual(0.05);
  });
});
