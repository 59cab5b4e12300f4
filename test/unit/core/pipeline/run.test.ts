/**
 * The match pipeline both front ends call (core/pipeline/run.ts), on the bundled model: one encode
 * call for both sides, both directions ranked through the seniority step, progress counted over
 * both directions, and the calibration a run's confidences come from.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundledModelDir, createEngine, type Engine } from '../../../../electron/core/engine/index.js';
import { levelName, type Matcher } from '../../../../electron/core/match/index.js';
import { matchesOf } from '../../../../electron/core/match/index.js';
import { encodeSides, matcherFor, rankSides, runCalibration, type PipelineProgress } from '../../../../electron/core/pipeline/run.js';
import { ADAPTED_NO_CONFIDENCE } from '../../../../electron/core/adapter/index.js';

const QUERIES = ['RN', 'CPA', 'Senior Software Engineer'];
const CORPUS = ['Marketing Manager', 'Lead Full Stack Developer', 'Registered Nurse', 'Truck Driver', 'Accountant'];

let engine: Engine;
let matcher: Matcher;
beforeAll(async () => {
  engine = createEngine({ modelDir: bundledModelDir(), providers: ['cpu'] });
  matcher = await matcherFor(engine);
}, 60_000);
afterAll(async () => {
  await matcher.dispose();
  await engine.dispose();
});

describe('the match pipeline', () => {
  it('encodes both sides in one call and ranks both directions through the seniority step', async () => {
    const calls: string[][] = [];
    const encoder = { encode: (titles: string[], o?: Parameters<Engine['encode']>[1]) => (calls.push(titles), engine.encode(titles, o)) };
    const progress: PipelineProgress[] = [];
    const sides = await encodeSides(encoder, QUERIES, CORPUS, { onProgress: (p) => progress.push(p) });
    expect(calls).toEqual([[...QUERIES, ...CORPUS]]);
    expect(sides.dim).toBe(256);
    expect(sides.queries.vectors.length).toBe(QUERIES.length * 256);
    expect(sides.corpus.vectors.length).toBe(CORPUS.length * 256);

    const ranked = await rankSides((...a) => matcher.topK(...a), sides, { k: 1, mode: 'prefer', both: true }, { onProgress: (p) => progress.push(p) });
    const best = (r: typeof ranked.byQuery, titles: string[], q: number) => titles[matchesOf(r, q)[0].index];
    expect(QUERIES.map((_, q) => best(ranked.byQuery, CORPUS, q))).toEqual(['Registered Nurse', 'Accountant', 'Lead Full Stack Developer']);
    expect(best(ranked.byCorpus, QUERIES, CORPUS.indexOf('Registered Nurse'))).toBe('RN');
    expect(Array.from(ranked.levels.queries, levelName)[2]).toBe('senior');
    expect(Array.from(ranked.levels.corpus, levelName)[1]).toBe('lead');
    // Encoding first, then matching counted over both directions' query titles.
    expect(progress[0].phase).toBe('encoding');
    const matching = progress.filter((p) => p.phase === 'matching');
    expect(matching.at(-1)).toEqual({ phase: 'matching', done: QUERIES.length + CORPUS.length, total: QUERIES.length + CORPUS.length });
  }, 60_000);

  it('ranks one direction with a least score, and takes a corpus encoded elsewhere', async () => {
    const corpusVectors = await engine.encode(CORPUS);
    const sides = await encodeSides(engine, QUERIES, CORPUS, { corpusVectors: () => Promise.resolve(corpusVectors) });
    expect(sides.corpus.vectors).toBe(corpusVectors);
    const all = await rankSides((...a) => matcher.topK(...a), sides, { k: 'all', mode: 'ignore' });
    expect(all.byCorpus).toBeUndefined();
    const least = all.byQuery.scores[2];
    const kept = await rankSides((...a) => matcher.topK(...a), sides, { k: 'all', mode: 'ignore', minScore: least });
    expect(kept.byQuery.counts[0]).toBeGreaterThanOrEqual(1);
    for (let q = 0; q < QUERIES.length; q++) for (const m of matchesOf(kept.byQuery, q)) expect(m.score).toBeGreaterThanOrEqual(least);
    expect([...kept.byQuery.counts].reduce((a, b) => a + b, 0)).toBeLessThan(QUERIES.length * CORPUS.length);
  }, 60_000);

  it('takes confidences from the model’s calibration, and none where an adapter moved the scores', async () => {
    const dir = bundledModelDir();
    expect((await runCalibration(false, dir)).calibration).toBeDefined();
    expect(await runCalibration(true, dir)).toEqual({ reason: ADAPTED_NO_CONFIDENCE });
  });
});
