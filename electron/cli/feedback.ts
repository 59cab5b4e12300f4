/**
 * `titlematch eval --feedback`: a simulated recruiter on titles the model was not trained on. The
 * titles of one half ("fit") give the decisions: for each, accept its gold label and reject the
 * frozen model's best wrong one. From N of them (N = 100, 500, 2,000; each accept or reject counts
 * as one) an adapter file is made as `titlematch tune` makes it, and the other half ("measure") is
 * ranked against all labels through the same core step as `match --adapter` (adaptedTopK); MRR is
 * reported apart for the occupations the decisions touched (should rise) and the others (must not
 * fall by more than 0.005). The set is jobbert-dev (the measure) or the held-out ESCO alternative
 * labels of six languages against the English labels (esco-i18n, where settings are chosen).
 */
import { adaptedTopK, prepareAdapter, trainAdapter, EVIDENCE_DEFAULTS, type AdapterFile, type Decision, type EvidenceSettings, type PreparedAdapter, type VectorDecision } from '../core/adapter/index.js';
import type { Engine } from '../core/engine/index.js';
import { createMatcher, matchesOf, rankMetrics, targetRanks, topK, type TopKFn, type TopKResult } from '../core/match/index.js';
import type { EvalSet, LanguageSet } from './eval-sets.js';
import { jobbertDevHalf } from '../core/taxonomy/jobbert.js';

/** Titles split into halves, each with the index of its gold label. */
export interface FeedbackSet {
  name: string;
  labels: string[];
  fit: { titles: string[]; targets: Int32Array };
  measure: { titles: string[]; targets: Int32Array };
}

function halves(name: string, labels: string[], titles: string[], targets: ArrayLike<number>): FeedbackSet {
  const pick = (half: 'fit' | 'measure'): { titles: string[]; targets: Int32Array } => {
    const at = titles.map((_, i) => i).filter((i) => targets[i] >= 0 && jobbertDevHalf(titles[i]) === half);
    return { titles: at.map((i) => titles[i]), targets: Int32Array.from(at, (i) => targets[i]) };
  };
  return { name, labels, fit: pick('fit'), measure: pick('measure') };
}

/** jobbert-dev split into the confidence calibration's halves (the final measure; never for choosing settings). */
export function jobbertDevFeedback(set: EvalSet): FeedbackSet {
  const dev = set.queries.map((_, i) => i).filter((i) => set.dev[i] === 1);
  return halves('jobbert-dev', set.labels, dev.map((i) => set.queries[i]), Int32Array.from(dev, (i) => set.targets[i]));
}

/** The held-out ESCO alternative labels of other languages against the English preferred labels (where settings are chosen). */
export function languageFeedback(set: EvalSet, languages: readonly LanguageSet[]): FeedbackSet {
  return halves(
    `esco-i18n held-out labels (${languages.map((l) => l.language).join(', ')})`,
    set.labels,
    languages.flatMap((l) => l.queries),
    languages.flatMap((l) => [...l.englishTargets]),
  );
}

/** One row of the feedback table. */
export interface FeedbackRow {
  decisions: number;
  method: string;
  /** Making the adapter: encoding the decided titles (and training the map, for that method). */
  seconds: number;
  touched: { queries: number; before: number; after: number };
  untouched: { queries: number; before: number; after: number };
}

/** Apply cost: ranking the measure titles top-10 with and without the adapter. */
export interface ApplyTiming {
  queries: number;
  labels: number;
  encodeSeconds: number;
  plainSeconds: number;
  adaptedSeconds: number;
}

function seededOrder(n: number, seed: number): number[] {
  let s = seed >>> 0;
  const rand = (): number => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  return order;
}

/** The 1-based rank of each query's target in a full ranking (past the end when hidden). */
function ranksOf(result: TopKResult, targets: Int32Array, labels: number): Int32Array {
  return Int32Array.from(targets, (t, q) => {
    const at = matchesOf(result, q).findIndex((m) => m.index === t);
    return at < 0 ? labels : at + 1;
  });
}

/** The rank of each query's target among all labels with the adapter applied, ranked in blocks of queries. */
export async function adaptedRanks(prepared: PreparedAdapter, queries: Float32Array, queryTitles: readonly string[], labels: Float32Array, labelTitles: readonly string[], targets: Int32Array, dim: number): Promise<Int32Array> {
  const out = new Int32Array(targets.length);
  const block = 512;
  for (let q0 = 0; q0 < targets.length; q0 += block) {
    const q1 = Math.min(targets.length, q0 + block);
    const result = await adaptedTopK(prepared, topK, queries.subarray(q0 * dim, q1 * dim), labels, dim, 'all', { queryTitles: queryTitles.slice(q0, q1), corpusTitles: labelTitles });
    out.set(ranksOf(result, targets.subarray(q0, q1), labelTitles.length), q0);
  }
  return out;
}

/** Runs the simulation for each N; returns the table's rows and the apply timing at the largest N. */
export async function feedbackTable(
  engine: Engine,
  set: FeedbackSet,
  sizes: readonly number[] = [100, 500, 2000],
  options: { settings?: Partial<EvidenceSettings>; map?: boolean } = {},
): Promise<{ rows: FeedbackRow[]; timing?: ApplyTiming }> {
  const info = await engine.info();
  const dim = info.model.dimension;
  const model = { name: info.model.name, version: info.model.version, sha256: 'simulation' };
  const labels = await engine.encode(set.labels);
  const fitVectors = await engine.encode(set.fit.titles);
  let t0 = performance.now();
  const measureVectors = await engine.encode(set.measure.titles);
  const encodeSeconds = (performance.now() - t0) / 1000;
  const targets = set.measure.targets;
  const before = await targetRanks(measureVectors, labels, dim, targets);
  const best = await topK(fitVectors, labels, dim, 2);
  const order = seededOrder(set.fit.titles.length, 2026);
  const settings = { ...EVIDENCE_DEFAULTS, ...options.settings };
  const rows: FeedbackRow[] = [];
  let timing: ApplyTiming | undefined;
  for (const n of sizes) {
    const decisions: Decision[] = [];
    const vectorDecisions: VectorDecision[] = [];
    const touched = new Set<number>();
    const row = (v: Float32Array, i: number): Float32Array => v.slice(i * dim, (i + 1) * dim);
    for (const k of order) {
      if (decisions.length >= n) break;
      const gold = set.fit.targets[k];
      const wrong = matchesOf(best, k).find((m) => m.index !== gold);
      const query = set.fit.titles[k];
      decisions.push({ query, match: set.labels[gold], accept: true });
      vectorDecisions.push({ query: row(fitVectors, k), match: row(labels, gold), accept: true, key: String(k) });
      touched.add(gold);
      if (wrong !== undefined && decisions.length < n) {
        decisions.push({ query, match: set.labels[wrong.index], accept: false });
        vectorDecisions.push({ query: row(fitVectors, k), match: row(labels, wrong.index), accept: false, key: String(k) });
      }
    }
    const inTouched = targets.map((t) => (touched.has(t) ? 1 : 0));
    const part = (r: Int32Array, want: number): Int32Array => r.filter((_, i) => inTouched[i] === want);
    const figures = (after: Int32Array, want: number): FeedbackRow['touched'] => ({
      queries: part(before, want).length,
      before: rankMetrics(part(before, want)).mrr,
      after: rankMetrics(part(after, want)).mrr,
    });
    for (const method of options.map ? ['evidence', 'map + evidence'] : ['evidence']) {
      t0 = performance.now();
      const file: AdapterFile = { model, created: '', settings, decisions };
      if (method !== 'evidence') file.map = trainAdapter(vectorDecisions, dim).adapter;
      const prepared = await prepareAdapter(file, (titles) => engine.encode(titles));
      const seconds = (performance.now() - t0) / 1000;
      const after = await adaptedRanks(prepared, measureVectors, set.measure.titles, labels, set.labels, targets, dim);
      rows.push({ decisions: decisions.length, method, seconds, touched: figures(after, 1), untouched: figures(after, 0) });
      if (method === 'evidence' && n === sizes[sizes.length - 1]) {
        // As match ranks: onnxruntime's top-k on the engine's provider.
        const matcher = await createMatcher({ provider: info.provider, threads: info.threads });
        try {
          const rank: TopKFn = (...args) => matcher.topK(...args);
          t0 = performance.now();
          await rank(measureVectors, labels, dim, 10);
          const plainSeconds = (performance.now() - t0) / 1000;
          t0 = performance.now();
          await adaptedTopK(prepared, rank, measureVectors, labels, dim, 10, { queryTitles: set.measure.titles, corpusTitles: set.labels });
          timing = { queries: set.measure.titles.length, labels: set.labels.length, encodeSeconds, plainSeconds, adaptedSeconds: (performance.now() - t0) / 1000 };
        } finally {
          await matcher.dispose();
        }
      }
    }
  }
  return { rows, timing };
}

/** The table as Markdown lines. */
export function feedbackLines(set: FeedbackSet, rows: readonly FeedbackRow[], timing?: ApplyTiming): string[] {
  const d = (x: number): string => `${x >= 0 ? '+' : ''}${x.toFixed(4)}`;
  const lines = [
    `feedback: a simulated recruiter (accept the gold label, reject the best wrong one) on half of ${set.name} (${set.fit.titles.length} titles); MRR of the other half (${set.measure.titles.length}) against ${set.labels.length} labels`,
    '| decisions | making the adapter | same occupations: titles | MRR before | after | change | untouched occupations: titles | MRR before | after | change |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...rows.map(
      (r) =>
        `| ${r.decisions}, ${r.method} | ${r.seconds.toFixed(2)} s | ${r.touched.queries} | ${r.touched.before.toFixed(4)} | ${r.touched.after.toFixed(4)} | ${d(r.touched.after - r.touched.before)} | ${r.untouched.queries} | ${r.untouched.before.toFixed(4)} | ${r.untouched.after.toFixed(4)} | ${d(r.untouched.after - r.untouched.before)} |`,
    ),
  ];
  if (timing) {
    const t = timing;
    const extra = t.adaptedSeconds - t.plainSeconds;
    lines.push(
      `apply (${rows[rows.length - 1]?.decisions ?? 0} decisions): top-10 of ${t.queries} titles against ${t.labels} labels in ${t.plainSeconds.toFixed(2)} s plain, ${t.adaptedSeconds.toFixed(2)} s adapted (onnxruntime top-k, as match ranks); with encoding the titles (${t.encodeSeconds.toFixed(2)} s) the adapter adds ${((100 * extra) / (t.encodeSeconds + t.plainSeconds)).toFixed(1)}% to the match`,
    );
  }
  return lines;
}
