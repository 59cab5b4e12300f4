/**
 * `eval`'s occupation coding measure: jobbert-dev's vacancy titles coded to ESCO occupations the way
 * `match --taxonomy esco` codes them (every title ranked: preferred and alternative labels and the
 * vacancy titles of jobbert-val's training part, never its dev part; each occupation once at its
 * best title), scored against the occupation each title is tagged with.
 */
import type { Engine } from '../core/engine/index.js';
import { createMatcher } from '../core/match/index.js';
import { deriveEsco, occupationTopK, taxonomyTitles } from '../core/taxonomy/index.js';
import type { EvalSet } from './eval-sets.js';
import type { ProgressReporter } from './progress.js';

/** Top-1 and top-5 code accuracy on jobbert-dev. */
export interface CodeFigures {
  queries: number;
  occupations: number;
  /** Titles ranked (preferred and alternative labels, and the training part's vacancy titles). */
  labels: number;
  top1: number;
  top5: number;
  seconds: number;
}

/**
 * Codes jobbert-dev's titles (their vectors given, in set order) with the ESCO taxonomy derived from
 * the data folder; `english`: without its labels in other languages, as the English model reads it.
 */
export async function escoCodeFigures(engine: Engine, set: EvalSet, queryVectors: Float32Array, dataDir: string, progress: ProgressReporter, english = false): Promise<CodeFigures> {
  const t0 = performance.now();
  const esco = await deriveEsco(dataDir);
  const at = new Map(esco.occupations.map((o, i) => [o.code, i]));
  const { titles, owner } = taxonomyTitles(esco, { english });
  const info = await engine.info();
  const dim = info.model.dimension;
  const dev: number[] = [];
  set.dev.forEach((d, i) => d === 1 && dev.push(i));
  const queries = new Float32Array(dev.length * dim);
  dev.forEach((q, i) => queries.set(queryVectors.subarray(q * dim, (q + 1) * dim), i * dim));
  const labelVectors = await engine.encode(titles, { onProgress: (p) => progress.update('encoding ESCO labels', p.done, p.total) });
  const matcher = await createMatcher({ provider: info.provider, threads: info.threads });
  try {
    const ranking = await occupationTopK((...args) => matcher.topK(...args), queries, labelVectors, dim, owner, esco.occupations.length, 5, {
      onProgress: (p) => progress.update('coding to ESCO occupations', p.done, p.total),
    });
    let top1 = 0;
    let top5 = 0;
    dev.forEach((q, i) => {
      const target = at.get(set.uris[q]);
      const list = ranking.indices.subarray(i * ranking.k, i * ranking.k + ranking.counts[i]);
      if (list[0] === target) top1++;
      if (target !== undefined && list.includes(target)) top5++;
    });
    return { queries: dev.length, occupations: esco.occupations.length, labels: titles.length, top1: top1 / dev.length, top5: top5 / dev.length, seconds: (performance.now() - t0) / 1000 };
  } finally {
    await matcher.dispose();
  }
}

/** The measure's lines, beside the plain-label figures they compare with. */
export function codeLines(c: CodeFigures, plain: { top1: number; top5: number }): string[] {
  return [
    `ESCO coding (match --taxonomy esco): the same ${c.queries} jobbert-dev titles coded to ${c.occupations} ESCO occupations through all ${c.labels} titles (preferred and alternative labels, and jobbert-val's training-part vacancy titles), each occupation once`,
    `${'code accuracy'.padEnd(52)} top-1 ${c.top1.toFixed(4)}  top-5 ${c.top5.toFixed(4)}  (${c.seconds.toFixed(1)} s; preferred labels only: top-1 ${plain.top1.toFixed(4)}  top-5 ${plain.top5.toFixed(4)})`,
  ];
}
