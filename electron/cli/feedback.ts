/**
 * `titlematch eval --feedback`: a simulated recruiter on held-out data. Decisions come from the
 * "fit" half of jobbert-dev (titles no model was trained on): for each title, accept its gold ESCO
 * label and reject the frozen model's best wrong one. An adapter is trained on N of them
 * (N = 100, 500, 2,000) and MRR is measured on the other half's titles, apart for the occupations
 * the decisions touched (should rise) and the ones they did not (must not fall by more than 0.005).
 */
import { applyAdapter, trainAdapter, type TuneOptions, type VectorDecision } from '../core/adapter/adapter.js';
import { evidence, type DecisionMemory, type EvidenceOptions } from '../core/adapter/memory.js';
import type { Engine } from '../core/engine/index.js';
import { matchesOf, rankMetrics, targetRanks, topK } from '../core/match/index.js';
import { jobbertDevHalf, type EvalSet } from './eval-sets.js';

/** One row of the feedback table. */
export interface FeedbackRow {
  decisions: number;
  seconds: number;
  method: string;
  touched: { queries: number; before: number; after: number };
  untouched: { queries: number; before: number; after: number };
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

/** Runs the simulation for each N; returns the table's rows. */
export async function feedbackTable(
  engine: Engine,
  set: EvalSet,
  sizes: readonly number[] = [100, 500, 2000],
  options: { pool?: 'dev' | 'train'; tune?: TuneOptions; evidence?: EvidenceOptions } = {},
): Promise<FeedbackRow[]> {
  const dim = await engine.dimension();
  // 'train' (jobbert-val's training part) is where the adapter's settings were chosen, with model 1.0, which never saw it.
  const inPool = options.pool === 'train' ? 0 : 1;
  const dev = set.queries.map((_, i) => i).filter((i) => set.dev[i] === inPool);
  const fit = dev.filter((i) => jobbertDevHalf(set.queries[i]) === 'fit');
  const measure = dev.filter((i) => jobbertDevHalf(set.queries[i]) === 'measure');
  const labels = await engine.encode(set.labels);
  const fitVectors = await engine.encode(fit.map((i) => set.queries[i]));
  const measureVectors = await engine.encode(measure.map((i) => set.queries[i]));
  const measureTargets = Int32Array.from(measure.map((i) => set.targets[i]));
  const before = await targetRanks(measureVectors, labels, dim, measureTargets);
  const best = await topK(fitVectors, labels, dim, 2);
  const row = (v: Float32Array, i: number): Float32Array => v.slice(i * dim, (i + 1) * dim);
  const order = seededOrder(fit.length, 2026);
  const out: FeedbackRow[] = [];
  for (const n of sizes) {
    const decisions: VectorDecision[] = [];
    const touched = new Set<number>();
    for (const k of order) {
      if (decisions.length >= n) break;
      const gold = set.targets[fit[k]];
      const wrong = matchesOf(best, k).find((m) => m.index !== gold);
      const q = row(fitVectors, k);
      decisions.push({ query: q, match: row(labels, gold), matchKey: String(gold), accept: true, key: String(k) });
      touched.add(gold);
      if (wrong !== undefined && decisions.length < n) decisions.push({ query: q, match: row(labels, wrong.index), matchKey: String(wrong.index), accept: false, key: String(k) });
    }
    const part = (r: Int32Array, inTouched: boolean): Int32Array => r.filter((_, i) => touched.has(measureTargets[i]) === inTouched);
    const figures = (after: Int32Array, inTouched: boolean): FeedbackRow['touched'] => ({
      queries: part(before, inTouched).length,
      before: rankMetrics(part(before, inTouched)).mrr,
      after: rankMetrics(part(after, inTouched)).mrr,
    });
    let t0 = performance.now();
    const { adapter } = trainAdapter(decisions, dim, options.tune);
    let seconds = (performance.now() - t0) / 1000;
    const adapted = await targetRanks(applyAdapter(adapter, measureVectors), applyAdapter(adapter, labels), dim, measureTargets);
    out.push({ decisions: decisions.length, seconds, method: 'adapter', touched: figures(adapted, true), untouched: figures(adapted, false) });
    t0 = performance.now();
    const memory = memoryOf(decisions, dim);
    seconds = (performance.now() - t0) / 1000;
    const recalled = evidenceRanks(memory, measureVectors, labels, dim, measureTargets, options.evidence);
    out.push({ decisions: decisions.length, seconds, method: 'evidence', touched: figures(recalled, true), untouched: figures(recalled, false) });
  }
  return out;
}

/** The decisions as a memory keyed by label index. */
function memoryOf(decisions: readonly VectorDecision[], dim: number): DecisionMemory {
  const keys = [...new Set(decisions.map((d) => d.key))];
  const queries = new Float32Array(keys.length * dim);
  const accepted: string[][] = keys.map(() => []);
  const rejected: string[][] = keys.map(() => []);
  const at = new Map(keys.map((k, i) => [k, i]));
  for (const d of decisions) {
    const i = at.get(d.key) ?? 0;
    queries.set(d.query, i * dim);
    (d.accept ? accepted : rejected)[i].push(d.matchKey ?? '');
  }
  return { dim, queries, accepted, rejected };
}

/** Ranks of each query's target among all labels, scores moved by the memory's evidence. */
function evidenceRanks(memory: DecisionMemory, queries: Float32Array, labels: Float32Array, dim: number, targets: Int32Array, options?: EvidenceOptions): Int32Array {
  const nl = labels.length / dim;
  const ranks = new Int32Array(targets.length);
  const scores = new Float32Array(nl);
  for (let q = 0; q < targets.length; q++) {
    const qv = queries.subarray(q * dim, (q + 1) * dim);
    for (let l = 0; l < nl; l++) {
      let s = 0;
      for (let d = 0; d < dim; d++) s += qv[d] * labels[l * dim + d];
      scores[l] = s;
    }
    for (const [key, delta] of evidence(memory, qv, options)) scores[Number(key)] += delta;
    const t = targets[q];
    let rank = 1;
    for (let l = 0; l < nl; l++) if (scores[l] > scores[t] || (scores[l] === scores[t] && l < t)) rank++;
    ranks[q] = rank;
  }
  return ranks;
}

/** The table as Markdown lines. */
export function feedbackLines(rows: readonly FeedbackRow[]): string[] {
  const d = (x: number): string => `${x >= 0 ? '+' : ''}${x.toFixed(4)}`;
  return [
    'feedback: a simulated recruiter (accept the gold label, reject the best wrong one) on half of jobbert-dev; MRR on the other half',
    '| decisions | adapter training | same occupations: titles | MRR before | after | change | untouched occupations: titles | MRR before | after | change |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...rows.map(
      (r) =>
        `| ${r.decisions}, ${r.method} | ${r.seconds.toFixed(2)} s | ${r.touched.queries} | ${r.touched.before.toFixed(4)} | ${r.touched.after.toFixed(4)} | ${d(r.touched.after - r.touched.before)} | ${r.untouched.queries} | ${r.untouched.before.toFixed(4)} | ${r.untouched.after.toFixed(4)} | ${d(r.untouched.after - r.untouched.before)} |`,
    ),
  ];
}
