/**
 * Issue 15 in the app's service: each match's confidence is computed once, in the core, and the
 * window (the result), the reports and the CLI carry the same numbers; a model without a
 * calibration gives scores only and says why.
 */
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bucketOf, type Bucket } from '../../../../electron/contract/confidence.js';
import type { MatchResult } from '../../../../electron/contract/types.js';
import { confidenceOf, FEATURES, type Calibration } from '../../../../electron/core/confidence/index.js';
import { bundledModelDir } from '../../../../electron/core/engine/index.js';
import { readTable } from '../../../../electron/core/io/index.js';
import { ZipArchive } from '../../../../electron/core/io/zip.js';
import { createMatchService } from '../../../../electron/core/service/index.js';
import { runCli } from '../../cli/helpers.js';
import { trigramEngine } from './fake-engine.js';

const dir = mkdtempSync(join(tmpdir(), 'tm-confidence-'));
const write = (name: string, text: string): string => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};
const people = write('people.csv', 'Name,Title\nAda,Software Engineer\nAlan,Software Developer\nGrace,Nurse\nBarbara,Truck Driver\nEdsger,Senior Software Engineer\n');
const jobs = write('jobs.csv', 'Job,City\nSoftware Engineer,Berlin\nRegistered Nurse,Paris\nHGV Driver,Leeds\n');

// A calibration with round numbers: confidence = sigmoid(10 * score - 5), 50% at score 0.5.
const calibration: Calibration = {
  version: 1,
  model: 'not checked: this folder has no manifest',
  features: [...FEATURES],
  weights: [10, 0, 0, 0, 0],
  bias: -5,
  levels: { accept: 0.8, review: 0.3 },
  reviewScore: 0.415,
  fitted: { data: 'test', pairs: 0, queries: 0, date: '2026-01-01', ece: 0, accept: { level: 0.8, precision: 1, recall: 1 }, review: { level: 0.3, precision: 1, recall: 1 } },
};
const calibrated = join(dir, 'calibrated-model');
mkdirSync(calibrated);
writeFileSync(join(calibrated, 'confidence.json'), JSON.stringify(calibration));

async function matched(modelDir: string) {
  const service = createMatchService({ modelDir, engine: trigramEngine({ dir: modelDir }) });
  const c = await service.loadTable(people, null);
  const t = await service.loadTable(jobs, null);
  const result = await service.match({ candidates: { tableId: c.tableId, column: 'Title' }, targets: { tableId: t.tableId, column: 'Job' }, topK: 3 });
  return { service, result };
}

/** Every (query title, match title, confidence) of a direction of a result, best first. */
function shown(result: MatchResult): { query: string; match: string; score: number; confidence: number }[] {
  const r = result.byTarget;
  const out = [];
  for (let q = 0; q < result.targets.titles.length; q++) {
    for (let j = 0; j < r.k; j++) {
      const i = r.indices[q * r.k + j];
      if (i < 0) break;
      out.push({ query: result.targets.titles[q], match: result.candidates.titles[i], score: r.scores[q * r.k + j], confidence: r.confidence?.[q * r.k + j] ?? NaN });
    }
  }
  return out;
}

describe('the service’s confidences', () => {
  it('each ranked match carries the confidence of its score against its list’s best; the result carries the levels', async () => {
    const { result } = await matched(calibrated);
    expect(result.confidence).toEqual({ calibrated: true, levels: calibration.levels, reviewScore: calibration.reviewScore });
    for (const ranking of [result.byTarget, result.byCandidate]) {
      expect(ranking.confidence).toHaveLength(ranking.scores.length);
      // The model's scores (where seniority lowered the ranking's), read against the list's best.
      const model = ranking.modelScores ?? ranking.scores;
      ranking.indices.forEach((i, at) => {
        const best = Math.max(...model.slice(at - (at % ranking.k), at - (at % ranking.k) + ranking.k).filter((_, j) => ranking.indices[at - (at % ranking.k) + j] >= 0));
        expect(ranking.confidence?.[at]).toBe(i < 0 ? 0 : confidenceOf(calibration, model[at], best));
      });
    }
    const buckets = new Set(shown(result).map((m) => bucketOf(result.confidence as { levels: Calibration['levels'] }, m.confidence)));
    expect(buckets).toEqual(new Set(['accept', 'review', 'reject']));
  });

  it('the XLSX export carries the numbers and buckets of the result, and the bucket filter keeps just those buckets', async () => {
    const { service, result } = await matched(calibrated);
    const levels = result.confidence as { levels: Calibration['levels'] };
    const expected = shown(result);
    const out = join(dir, 'all.xlsx');
    await service.exportResults({ runId: result.runId, format: 'xlsx', direction: 'byTarget', topK: 3, threshold: 0, openAfter: false }, out);
    const sheet = await readTable(out);
    const conf = sheet.columns.indexOf('Confidence');
    const title = sheet.columns.indexOf('Matched title');
    // Rows repeat a title for each person with it; compare by title pair.
    const rows = sheet.rows.map((r) => ({ query: r[1], match: r[title], confidence: r[conf], bucket: r[conf + 1] }));
    expect(rows.length).toBeGreaterThanOrEqual(expected.length);
    for (const row of rows) {
      const m = expected.find((e) => e.query === row.query && e.match === row.match);
      expect(m, `${row.query} / ${row.match}`).toMatchObject({ query: row.query, match: row.match });
      expect(row.confidence).toBe(`${Math.round((m?.confidence ?? 0) * 100)}%`);
      expect(row.bucket).toBe(bucketOf(levels, m?.confidence ?? NaN));
    }
    // The stored number is the result's, to 4 decimals.
    const zip = await ZipArchive.open(out, 'report');
    try {
      const xml = await zip.text('xl/worksheets/sheet1.xml');
      const first = new RegExp(`<c r="${String.fromCharCode(65 + conf)}2" s="\\d+"><v>([\\d.]+)</v></c>`).exec(xml);
      const m = expected.find((e) => e.query === rows[0].query && e.match === rows[0].match);
      expect(Number(first?.[1])).toBe(Number(m?.confidence.toFixed(4)));
    } finally {
      zip.close();
    }

    const only: Bucket[] = ['review'];
    const filtered = join(dir, 'review.csv');
    await service.exportResults({ runId: result.runId, format: 'csv', direction: 'byTarget', topK: 3, threshold: 0, buckets: only, openAfter: false }, filtered);
    const kept = await readTable(filtered);
    const b = kept.columns.indexOf('Bucket');
    const words = kept.rows.map((r) => r[b]).filter((w) => w !== undefined && w !== '');
    expect(words.length).toBe(expected.filter((m) => bucketOf(levels, m.confidence) === 'review').length);
    expect(new Set(words)).toEqual(new Set(['review']));
  });

  it('a model without confidence.json: scores only, and the result and the report say why', async () => {
    const { service, result } = await matched(join(dir, 'plain-model'));
    expect(result.confidence).toEqual({ calibrated: false, reason: 'the model has no confidence.json, so scores are shown without a confidence' });
    expect(result.byTarget).not.toHaveProperty('confidence');
    const out = join(dir, 'plain.xlsx');
    await service.exportResults({ runId: result.runId, format: 'xlsx', direction: 'byTarget', topK: 3, threshold: 0, buckets: ['accept'], openAfter: false }, out);
    const sheet = await readTable(out);
    // No Confidence or Bucket column: the seniority columns end the sheet.
    expect(sheet.columns.slice(sheet.columns.indexOf('Score'))).toEqual(['Score', 'Model score', 'Seniority (query)', 'Seniority (match)']);
    expect(sheet.rows.length).toBeGreaterThan(0); // a bucket filter without confidences keeps everything
    const summary = new Map((await readTable(out, { sheet: 'Summary', header: false })).rows.map((r) => [r[0], r[1]]));
    expect(summary.get('Confidence')).toBe('none: the model has no confidence.json, so scores are shown without a confidence');
  });

  it('with the bundled model, the app’s confidences are the CLI’s JSON confidences', async () => {
    const service = createMatchService({ modelDir: bundledModelDir(), provider: 'cpu' });
    try {
      const c = await service.loadTable(people, null);
      const t = await service.loadTable(jobs, null);
      const result = await service.match({ candidates: { tableId: c.tableId, column: 'Title' }, targets: { tableId: t.tableId, column: 'Job' }, topK: 3 });
      expect(result.confidence.calibrated).toBe(true);
      const run = await runCli(['match', jobs, people, '--query-column', 'Job', '--corpus-column', 'Title', '--top', '3', '--format', 'json', '--provider', 'cpu', '--no-cache']);
      expect(run.code).toBe(0);
      const cli = JSON.parse(run.stdout) as { query: string; match: string; confidence: number; bucket: string }[];
      const app = shown(result);
      // The CLI lists every row; the app each distinct title once: the same pairs, the same numbers.
      for (const row of cli) {
        const m = app.find((a) => a.query === row.query && a.match === row.match);
        expect(m, `${row.query} / ${row.match}`).toMatchObject({ query: row.query, match: row.match });
        expect(row.confidence).toBeCloseTo(m?.confidence ?? NaN, 4);
        expect(row.bucket).toBe(bucketOf(result.confidence as { levels: Calibration['levels'] }, m?.confidence ?? NaN));
      }
    } finally {
      await service.dispose();
    }
  });
});
