/**
 * `titlematch eval` (and `npm run eval`): for every vacancy title of jobbert-val's dev part
 * ("jobbert-dev", never trained on) and of the whole file, rank all ESCO preferred labels and report
 * MRR, top-1 and top-5, for the model and for the character 3-gram TF-IDF cosine floor; then the
 * hand-written recruiter cases (top-1 and MRR). Data from --data DIR, else $TITLEMATCH_DATA, else
 * ../shared/data beside the project.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { createEngine, type Engine, type EngineOptions } from '../core/engine/index.js';
import { rankMetrics, targetRanks, tfidfTargetRanks } from '../core/match/index.js';

import { confidences, levelFigures, readCalibration, reliability, type Calibration, type CalibrationState, type LevelFigures, type ReliabilityBin } from '../core/confidence/index.js';
import { writeFileAtomic } from '../core/files/atomic-write.js';
import { labelledMatches, manifestModelSha } from './confidence.js';
import { adaptedRanks, feedbackLines, feedbackTable, jobbertDevFeedback, languageFeedback } from './feedback.js';
import { ADAPTER_ARG_OPTIONS, adapterFor, unitOption } from './adapter-option.js';
import { prepareAdapter, type AdapterFile, type EvidenceSettings } from '../core/adapter/index.js';
import {
  dataDir,
  loadEvalSet,
  loadLanguageCases,
  loadLanguageSets,
  loadRecruiterCases,
  projectRoot,
  type EvalSet,
  type LanguageCase,
  type LanguageSet,
  type RecruiterCases,
} from './eval-sets.js';
import { ENGINE_ARG_OPTIONS, ENGINE_USAGE, engineOptionsFrom, modelChoiceOf } from './engine-options.js';
import { codeLines, escoCodeFigures } from './eval-taxonomy.js';
import { LANGUAGES } from '../core/taxonomy/i18n.js';
import { processIo, runGuarded, UsageError, type CliIo } from './errors.js';
import { ProgressReporter } from './progress.js';

export const EVAL_USAGE = `Usage: titlematch eval [--data DIR] [--cases FILE] [--json] [--raw] [--model DIR] [--provider LIST] [--threads N] [--precision P]

Ranks all 2,942 ESCO preferred labels for each JobBERT validation vacancy title and prints MRR,
top-1 and top-5 for the model and for the character 3-gram TF-IDF cosine floor: first on
jobbert-dev, the part of the file no model is trained on (the measure), then on the whole file
(partly trained on by models from 2.0 on), and jobbert-dev coded to ESCO occupations through all
their labels and the training part's vacancy titles, as match --taxonomy esco codes (top-1 and
top-5 code accuracy). Then the recruiter
cases: each query ranked against its list of 40+ titles (top-1 and MRR).

  --data DIR    the data folder (default: $TITLEMATCH_DATA, else ../shared/data beside the project)
  --cases FILE  the recruiter cases (default: test/fixtures/recruiter-cases.json, when present;
                with --cases, the multilingual cases are not run)
  --languages L the esco-i18n languages to measure (default: de,es,fr,nl,pl,pt, those present)
  --jobbert-only  only the jobbert-val figures (no ESCO coding, cases, languages or confidence)
  --feedback    a simulated recruiter: MRR after an adapter learns 100, 500 and 2,000 decisions
  --feedback-set S  jobbert-dev (the measure, default) or esco-i18n (held-out ESCO labels of six
                languages against the English ones: where the adapter's settings are chosen)
  --feedback-map    also measure the adapter with a learned map (tune --map)
  --margin M    with --feedback: the evidence margin to try (default: the adapter's)
  --prototype S with --feedback: the share an accepted match moves toward its titles (tune --prototype)
  --adapter FILE  jobbert-dev ranked with an adapter made by titlematch tune (jobbert figures only)
  --json        print the figures as JSON
  --raw         feed titles to the model without TitleMatch's normalisation (to measure it)
${ENGINE_USAGE}`;

/** The queries of one part of the set (dev: jobbert-dev; all: the whole file). */
function part(set: EvalSet, ranks: Int32Array, which: 'dev' | 'all'): Int32Array {
  return which === 'all' ? ranks : ranks.filter((_, i) => set.dev[i] === 1);
}

/** A fixture of the project's (test/fixtures/NAME), when the project has it. */
function defaultFixture(name: string): string | undefined {
  const path = join(projectRoot(), 'test', 'fixtures', name);
  return existsSync(path) ? path : undefined;
}

/** One language's figures: held-out labels against its own and the English labels, floors, cases. */
interface LanguageFigures {
  language: string;
  queries: number;
  same: { model: Figures; tfidf: Figures };
  english: { model: Figures; tfidf: Figures };
  cases?: { n: number; top1: number };
}

async function languageFigures(engine: Engine, sets: LanguageSet[], englishLabels: string[], englishVectors: Float32Array, dim: number, cases: { lists: Record<string, string[]>; cases: LanguageCase[] } | undefined): Promise<LanguageFigures[]> {
  const caseRanksAll = cases === undefined ? undefined : await caseRanks(engine, cases);
  const out: LanguageFigures[] = [];
  for (const set of sets) {
    const t0 = performance.now();
    const q = await engine.encode(set.queries);
    const l = await engine.encode(set.labels);
    const same = await targetRanks(q, l, dim, set.targets);
    const english = await targetRanks(q, englishVectors, dim, set.englishTargets);
    const seconds = (performance.now() - t0) / 1000;
    const f = (r: Int32Array, s: number): Figures => ({ ...rankMetrics(r), seconds: s });
    const mine = cases?.cases.map((c, i) => [c, i] as const).filter(([c]) => c.language === set.language) ?? [];
    out.push({
      language: set.language,
      queries: set.queries.length,
      same: { model: f(same, seconds), tfidf: f(tfidfTargetRanks(set.queries, set.labels, set.targets), 0) },
      english: { model: f(english, seconds), tfidf: f(tfidfTargetRanks(set.queries, englishLabels, set.englishTargets), 0) },
      cases: caseRanksAll === undefined || mine.length === 0 ? undefined : { n: mine.length, top1: mine.filter(([, i]) => caseRanksAll.model[i] === 1).length / mine.length },
    });
  }
  return out;
}

function languageLines(figures: LanguageFigures[], model: string): string[] {
  const m = (x: Figures): string => x.mrr.toFixed(4);
  return [
    `languages (${model}): a fifth of each language's ESCO alternative labels (held out of training) ranked against that language's preferred labels and against the English ones (MRR); hand-written cases against English lists (top-1)`,
    '| language | held-out labels | model, same language | floor | model, against English | floor | cases | cases top-1 |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
    ...figures.map(
      (f) =>
        `| ${f.language} | ${f.queries} | ${m(f.same.model)} | ${m(f.same.tfidf)} | ${m(f.english.model)} | ${m(f.english.tfidf)} | ${f.cases?.n ?? 0} | ${f.cases === undefined ? '-' : f.cases.top1.toFixed(4)} |`,
    ),
  ];
}

/** Rank of each case's expected title in its list, by model vectors and by the TF-IDF floor. */
async function caseRanks(engine: Engine, cases: RecruiterCases): Promise<{ model: Int32Array; tfidf: Int32Array; dim: number }> {
  const titles = [...new Set(Object.values(cases.lists).flat())];
  const at = new Map(titles.map((t, i) => [t, i]));
  const dim = (await engine.info()).model.dimension;
  const tv = await engine.encode(titles);
  const qv = await engine.encode(cases.cases.map((c) => c.query));
  const model = new Int32Array(cases.cases.length);
  const tfidf = new Int32Array(cases.cases.length);
  cases.cases.forEach((c, i) => {
    const list = cases.lists[c.list];
    const target = list.indexOf(c.expected);
    const scores = list.map((t) => {
      const o = (at.get(t) ?? 0) * dim;
      let s = 0;
      for (let d = 0; d < dim; d++) s += qv[i * dim + d] * tv[o + d];
      return s;
    });
    let rank = 1;
    scores.forEach((s, j) => {
      if (s > scores[target] || (s === scores[target] && j < target)) rank++;
    });
    model[i] = rank;
    tfidf[i] = tfidfTargetRanks([c.query], list, Int32Array.of(target))[0];
  });
  return { model, tfidf, dim };
}

interface Figures {
  mrr: number;
  top1: number;
  top5: number;
  n: number;
  seconds: number;
}

function line(name: string, f: Figures): string {
  return `${name.padEnd(52)} MRR ${f.mrr.toFixed(4)}  top-1 ${f.top1.toFixed(4)}  top-5 ${f.top5.toFixed(4)}  (${f.seconds.toFixed(1)} s)`;
}

/** The calibration measured on the half of jobbert-dev it was not fitted on (best matches). */
interface ConfidenceFigures {
  queries: number;
  bins: ReliabilityBin[];
  ece: number;
  accept: LevelFigures;
  review: LevelFigures;
}

async function measureConfidence(engine: Engine, set: EvalSet, calibration: Calibration): Promise<ConfidenceFigures> {
  const best = (await labelledMatches(engine, set, 'measure')).filter((m) => m.rank === 1);
  const conf = confidences(calibration, best);
  const right = best.map((m) => m.correct);
  return {
    queries: best.length,
    ...reliability(conf, right),
    accept: levelFigures(conf, right, calibration.levels.accept),
    review: levelFigures(conf, right, calibration.levels.review),
  };
}

function confidenceLines(c: ConfidenceFigures): string[] {
  const pct = (x: number): string => `${(100 * x).toFixed(1)}%`;
  return [
    `confidence: best matches of ${c.queries} jobbert-dev titles (the half the calibration was not fitted on)`,
    '| confidence | matches | mean confidence | observed right |',
    '| --- | --- | --- | --- |',
    ...c.bins.filter((b) => b.count > 0).map((b) => `| ${b.from.toFixed(1)}-${b.to.toFixed(1)} | ${b.count} | ${pct(b.meanConfidence)} | ${pct(b.observed)} |`),
    `expected calibration error ${c.ece.toFixed(4)}`,
    `accept (confidence >= ${c.accept.level.toFixed(2)}): precision ${c.accept.precision.toFixed(3)}, recall ${c.accept.recall.toFixed(3)}`,
    `review or accept (confidence >= ${c.review.level.toFixed(2)}): precision ${c.review.precision.toFixed(3)}, recall ${c.review.recall.toFixed(3)}`,
  ];
}

/** How figures name an adapted run: the file and how many decisions it holds. */
function adapterLabel(path: string | undefined, adapter: AdapterFile | undefined): string {
  return adapter === undefined || path === undefined ? '' : ` with the adapter ${path} (${adapter.decisions.length} decisions)`;
}

/** `eval --feedback`: the simulated recruiter's table (see feedback.ts). */
async function runFeedback(dir: string, options: EngineOptions, io: CliIo, which: string, map: boolean, settings: Partial<EvidenceSettings>): Promise<number> {
  if (which !== 'jobbert-dev' && which !== 'esco-i18n') throw new UsageError(`--feedback-set must be jobbert-dev or esco-i18n, got "${which}".`);
  const set = await loadEvalSet(dir);
  const feedbackSet = which === 'jobbert-dev' ? jobbertDevFeedback(set) : languageFeedback(set, await loadLanguageSets(dir, set));
  const engine = createEngine(options);
  try {
    const info = await engine.info();
    const { rows, timing } = await feedbackTable(engine, feedbackSet, [100, 500, 2000], { map, settings });
    const lines = [`model ${info.model.name} ${info.model.version} (${info.provider}, ${info.threads} threads)`, ...feedbackLines(feedbackSet, rows, timing)];
    io.stdout.write(`${lines.join('\n')}\n`);
    return 0;
  } finally {
    await engine.dispose();
  }
}

/** Runs `titlematch eval`; returns the exit code. */
export async function runEval(argv: string[], io: CliIo = processIo()): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      ...ENGINE_ARG_OPTIONS,
      data: { type: 'string' },
      cases: { type: 'string' },
      reliability: { type: 'string' },
      languages: { type: 'string' },
      'jobbert-only': { type: 'boolean' },
      feedback: { type: 'boolean' },
      'feedback-set': { type: 'string' },
      'feedback-map': { type: 'boolean' },
      margin: { type: 'string' },
      prototype: { type: 'string' },
      ...ADAPTER_ARG_OPTIONS,
      json: { type: 'boolean' },
      raw: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    io.stdout.write(`${EVAL_USAGE}\n`);
    return 0;
  }
  const dir = dataDir(values.data);
  const engineOptions = { ...engineOptionsFrom(values), normalizeTitles: !values.raw };
  const set = await loadEvalSet(dir);
  if (values.feedback) {
    const margin = unitOption('margin', values.margin);
    const prototype = unitOption('prototype', values.prototype);
    const settings = { ...(margin === undefined ? {} : { margin }), ...(prototype === undefined ? {} : { prototype }) };
    return runFeedback(dir, engineOptionsFrom(values), io, values['feedback-set'] ?? 'jobbert-dev', values['feedback-map'] === true, settings);
  }
  const adapter = await adapterFor(values.adapter, engineOptions.modelDir ?? '');
  const only = values['jobbert-only'] === true || adapter !== undefined;
  const casesPath = only ? undefined : (values.cases ?? defaultFixture('recruiter-cases.json'));
  const cases = casesPath === undefined ? undefined : await loadRecruiterCases(casesPath);
  const progress = new ProgressReporter(io.stderr);

  let t0 = performance.now();
  const tfidfRanks = tfidfTargetRanks(set.queries, set.labels, set.targets);
  const tfidfSeconds = (performance.now() - t0) / 1000;

  const engine = createEngine(engineOptions);
  try {
    t0 = performance.now();
    const info = await engine.info();
    const dim = info.model.dimension;
    const labelVectors = await engine.encode(set.labels, { onProgress: (p) => progress.update('encoding labels', p.done, p.total) });
    const queryVectors = await engine.encode(set.queries, { onProgress: (p) => progress.update('encoding vacancy titles', p.done, p.total) });
    const ranks = adapter
      ? await adaptedRanks(await prepareAdapter(adapter, (t) => engine.encode(t)), queryVectors, set.queries, labelVectors, set.labels, set.targets, dim)
      : await targetRanks(queryVectors, labelVectors, dim, set.targets, {
          onProgress: (p) => progress.update('ranking', p.done, p.total),
        });
    const seconds = (performance.now() - t0) / 1000;
    // Under --model auto (or english) the English model codes these titles, reading ESCO without its other-language labels.
    const englishModel = modelChoiceOf(values.model) === 'auto' || modelChoiceOf(values.model) === 'english';
    const codes = only ? undefined : await escoCodeFigures(engine, set, queryVectors, dir, progress, englishModel);
    const recruiter = cases === undefined ? undefined : await caseRanks(engine, cases);
    const languageSets = only ? [] : await loadLanguageSets(dir, set, values.languages === undefined ? LANGUAGES : values.languages.split(','));
    const languageCasesPath = only ? undefined : defaultFixture('multilingual-cases.json');
    const languageCases = languageCasesPath === undefined || values.cases !== undefined ? undefined : await loadLanguageCases(languageCasesPath);
    // Under --model auto, titles in these languages go to the multilingual model, so it measures them.
    const multilingual = languageSets.length > 0 && modelChoiceOf(values.model) === 'auto' ? createEngine({ ...engineOptionsFrom(values, 'multilingual'), normalizeTitles: !values.raw }) : undefined;
    const languageEngine = multilingual ?? engine;
    let languages: LanguageFigures[];
    let languageModel: string;
    try {
      const li = await languageEngine.info();
      languageModel = `model ${li.model.name} ${li.model.version}${multilingual ? ', which --model auto picks for these titles' : ''}`;
      const vectors = multilingual ? await multilingual.encode(set.labels, { onProgress: (p) => progress.update('encoding labels (multilingual model)', p.done, p.total) }) : labelVectors;
      languages = await languageFigures(languageEngine, languageSets, set.labels, vectors, li.model.dimension, languageCases);
    } finally {
      await multilingual?.dispose();
    }
    const englishCases = languageCases === undefined ? undefined : { lists: languageCases.lists, cases: languageCases.cases.filter((c) => c.language === 'en') };
    const calibrated: CalibrationState = only ? { reason: 'not measured (--jobbert-only)' } : await readCalibration(info.model.dir, await manifestModelSha(info.model.dir));
    const confidence = calibrated.calibration === undefined ? undefined : await measureConfidence(engine, set, calibrated.calibration);
    progress.finish();
    if (values.reliability !== undefined && confidence !== undefined) {
      await writeFileAtomic(resolve(values.reliability), `${JSON.stringify({ model: `${info.model.name} ${info.model.version}`, ...confidence }, null, 2)}\n`);
    }
    const figures = (r: Int32Array, s: number): Figures => ({ ...rankMetrics(r), seconds: s });
    const dev = { model: figures(part(set, ranks, 'dev'), seconds), tfidf: figures(part(set, tfidfRanks, 'dev'), tfidfSeconds) };
    const all = { model: figures(ranks, seconds), tfidf: figures(tfidfRanks, tfidfSeconds) };
    const name = `${info.model.name} ${info.model.version}${values.raw ? ' (raw titles)' : ''}${adapterLabel(values.adapter, adapter)}`;
    const engineLine = `model ${name} (${info.provider}, ${info.precision}, ${info.threads} threads)`;
    if (values.json) {
      const model = { name, provider: info.provider, precision: info.precision, threads: info.threads };
      const report = {
        data: dir,
        labels: set.labels.length,
        skipped: set.skipped,
        model,
        jobbertDev: { queries: dev.model.n, model: dev.model, tfidf: dev.tfidf, escoCodes: codes },
        jobbertVal: { queries: set.queries.length, partlyTrainedOn: true, model: all.model, tfidf: all.tfidf },
        recruiterCases:
          recruiter === undefined ? undefined : { file: casesPath, cases: recruiter.model.length, model: rankMetrics(recruiter.model), tfidf: rankMetrics(recruiter.tfidf) },
        confidence: confidence ?? { none: calibrated.reason },
        languages,
        languageModel,
      };
      io.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    } else {
      const lines = [
        `jobbert-dev: ${dev.model.n} vacancy titles (jobbert-val's fixed dev part, never trained on) ranked against ${set.labels.length} ESCO preferred labels (${dir})`,
        line(engineLine, dev.model),
        line('floor: character 3-gram TF-IDF cosine', dev.tfidf),
        ...(codes ? codeLines(codes, dev.model) : []),
        `jobbert-val, whole file: ${set.queries.length} vacancy titles${set.skipped > 0 ? `; ${set.skipped} skipped` : ''} (partly trained on by models from 2.0 on: read with care)`,
        line(engineLine, all.model),
        line('floor: character 3-gram TF-IDF cosine', all.tfidf),
      ];
      if (recruiter !== undefined) {
        lines.push(`recruiter cases: ${recruiter.model.length} hand-written queries, each ranked against its list of titles (${casesPath})`);
        lines.push(line(engineLine, { ...rankMetrics(recruiter.model), seconds: 0 }).replace(/ {2}\(0\.0 s\)$/u, ''));
        lines.push(line('floor: character 3-gram TF-IDF cosine', { ...rankMetrics(recruiter.tfidf), seconds: 0 }).replace(/ {2}\(0\.0 s\)$/u, ''));
      }
      if (languages.length > 0) lines.push(...languageLines(languages, languageModel));
      if (englishCases !== undefined && englishCases.cases.length > 0) {
        const r = await caseRanks(engine, englishCases);
        lines.push(`multilingual cases, English queries: top-1 ${(r.model.filter((x) => x === 1).length / r.model.length).toFixed(4)} of ${r.model.length}`);
      }
      lines.push(...(confidence === undefined ? [`confidence: none (${calibrated.reason ?? ''})`] : confidenceLines(confidence)));
      io.stdout.write(`${lines.join('\n')}\n`);
    }
    return 0;
  } finally {
    await engine.dispose();
  }
}

// `npm run eval` runs this file directly (importing index.js here would be an import cycle).
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const io = processIo();
  process.exitCode = await runGuarded('eval', () => runEval(process.argv.slice(2), io), io);
}
