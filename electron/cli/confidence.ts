/**
 * `titlematch fit-confidence` (`npm run fit-confidence`, run by `npm run train` for every new
 * model): fits the confidence calibration of a model on the "fit" half of jobbert-dev (vacancy
 * titles no model is trained on), chooses the accept and review levels there, measures them and the
 * expected calibration error on the other half, and writes confidence.json beside the model.
 */
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import {
  chooseLevels,
  CONFIDENCE_FILE,
  FEATURES,
  confidences,
  fitLogistic,
  levelFigures,
  manifestModelSha,
  reliability,
  scoreAtConfidence,
  type Calibration,
  type LabelledMatch,
} from '../core/confidence/index.js';
import { createEngine, type Engine } from '../core/engine/index.js';
import { topK, matchesOf } from '../core/match/index.js';
import { writeFileAtomic } from '../core/files/atomic-write.js';
import { ENGINE_ARG_OPTIONS, ENGINE_USAGE, engineOptionsFrom } from './engine-options.js';
import { processIo, runGuarded, type CliIo } from './errors.js';
import { dataDir, loadEvalSet, type EvalSet } from './eval-sets.js';
import { jobbertDevHalf } from '../core/taxonomy/jobbert.js';

export const FIT_USAGE = `Usage: titlematch fit-confidence [--data DIR] [--out FILE] [--model DIR] [--provider LIST] [--threads N]

Fits the model's confidence calibration on half of jobbert-dev and writes confidence.json beside the
model (or to --out), with the expected calibration error and the bucket levels' precision and recall
measured on the other half.

  --data DIR   the data folder (default: $TITLEMATCH_DATA, else ../shared/data beside the project)
  --out FILE   where to write (default: confidence.json in the model folder)
${ENGINE_USAGE}`;

/** How many ranked matches of each development title the calibration sees. */
const RANKS = 10;

/** The top-10 matches of each query of one half of jobbert-dev, labelled right or wrong. */
export async function labelledMatches(engine: Engine, set: EvalSet, half: 'fit' | 'measure'): Promise<LabelledMatch[]> {
  const rows = set.queries.map((q, i) => i).filter((i) => set.dev[i] === 1 && jobbertDevHalf(set.queries[i]) === half);
  const dim = await engine.dimension();
  const labels = await engine.encode(set.labels);
  const queries = await engine.encode(rows.map((i) => set.queries[i]));
  const result = await topK(queries, labels, dim, RANKS);
  const out: LabelledMatch[] = [];
  rows.forEach((row, q) => {
    const matches = matchesOf(result, q);
    const best = matches[0]?.score ?? 0;
    matches.forEach((m, r) => out.push({ score: m.score, best, rank: r + 1, correct: m.index === set.targets[row] }));
  });
  return out;
}

/** Fits, chooses levels, measures; returns the calibration to store. */
export function fitCalibration(fit: readonly LabelledMatch[], measure: readonly LabelledMatch[], modelSha: string, data: string): Calibration {
  const model = fitLogistic(fit);
  const firsts = (d: readonly LabelledMatch[]): LabelledMatch[] => d.filter((m) => m.rank === 1);
  const fitFirst = firsts(fit);
  const levels = chooseLevels(confidences(model, fitFirst), fitFirst.map((m) => m.correct));
  const measureFirst = firsts(measure);
  const conf = confidences(model, measureFirst);
  const right = measureFirst.map((m) => m.correct);
  return {
    version: 1,
    model: modelSha,
    features: [...FEATURES],
    weights: model.weights,
    bias: model.bias,
    levels,
    reviewScore: scoreAtConfidence(model, levels.review),
    fitted: {
      data,
      pairs: fit.length,
      queries: fitFirst.length,
      date: new Date().toISOString().slice(0, 10),
      ece: reliability(conf, right).ece,
      accept: levelFigures(conf, right, levels.accept),
      review: levelFigures(conf, right, levels.review),
    },
  };
}

// eval reads the sha from here too; it now lives in the core, beside the calibration it checks.
export { manifestModelSha } from '../core/confidence/index.js';

/** Runs `titlematch fit-confidence`; returns the exit code. */
export async function runFitConfidence(argv: string[], io: CliIo = processIo()): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: { ...ENGINE_ARG_OPTIONS, data: { type: 'string' }, out: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) {
    io.stdout.write(`${FIT_USAGE}\n`);
    return 0;
  }
  const dir = dataDir(values.data);
  const set = await loadEvalSet(dir);
  const engine = createEngine(engineOptionsFrom(values));
  try {
    const info = await engine.info();
    const sha = (await manifestModelSha(info.model.dir)) ?? '';
    const fit = await labelledMatches(engine, set, 'fit');
    const measure = await labelledMatches(engine, set, 'measure');
    const calibration = fitCalibration(fit, measure, sha, 'jobbert-dev, fit half: top-10 ESCO preferred labels of each vacancy title');
    const out = resolve(values.out ?? join(info.model.dir, CONFIDENCE_FILE));
    await writeFileAtomic(out, `${JSON.stringify(calibration, null, 2)}\n`);
    const f = calibration.fitted;
    io.stdout.write(
      [
        `confidence for ${info.model.name} ${info.model.version}: fitted on ${f.queries} vacancy titles (${f.pairs} ranked matches), written to ${out}`,
        `measured on the other half of jobbert-dev: expected calibration error ${f.ece.toFixed(4)} (best matches)`,
        `accept at confidence >= ${f.accept.level.toFixed(2)}: precision ${f.accept.precision.toFixed(3)}, recall ${f.accept.recall.toFixed(3)}`,
        `review at confidence >= ${f.review.level.toFixed(2)} (score ${calibration.reviewScore.toFixed(2)} for a best match): precision ${f.review.precision.toFixed(3)}, recall ${f.review.recall.toFixed(3)}`,
        '',
      ].join('\n'),
    );
    return 0;
  } finally {
    await engine.dispose();
  }
}

// `npm run fit-confidence` runs this file directly.
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const io = processIo();
  process.exitCode = await runGuarded('fit-confidence', () => runFitConfidence(process.argv.slice(2), io), io);
}
