/** Issue 15 through the CLI: confidence and bucket in JSON and reports, --min-confidence, the CSV unchanged, a model without a calibration. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { bucketOf, confidenceOf, modelCalibration, type Calibration } from '../../../electron/core/confidence/index.js';
import { bundledModelDir } from '../../../electron/core/engine/index.js';
import { readTable } from '../../../electron/core/io/index.js';
import { tempFolder } from '../core/io/helpers.js';
import { FIXTURES, readCsvRecords, runCli, writeCliModel } from './helpers.js';

const queries = join(FIXTURES, 'product-queries.csv');
const corpus = join(FIXTURES, 'product-corpus.csv');
const bundled = ['--provider', 'cpu', '--no-cache'];
const tmp = tempFolder('titlematch-cli-confidence-').dir;
const tiny = join(tmp, 'tiny-model');
beforeAll(() => writeCliModel(tiny));

interface JsonRow {
  query_row: number;
  query: string;
  rank: number;
  match: string;
  score: number;
  confidence?: number;
  bucket?: string;
  model_score?: number;
}

async function bundledCalibration(): Promise<Calibration> {
  const state = await modelCalibration(bundledModelDir());
  if (!state.calibration) throw new Error(state.reason);
  return state.calibration;
}

describe('titlematch match with the bundled model’s calibration', () => {
  it('--format json: each row gains the confidence of its score against its query’s best, and its bucket', async () => {
    const cal = await bundledCalibration();
    const run = await runCli(['match', queries, corpus, '--top', 'all', '--format', 'json', ...bundled]);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    const rows = JSON.parse(run.stdout) as JsonRow[];
    expect(rows).toHaveLength(3 * 7);
    expect(Object.keys(rows[0])).toEqual(['query_row', 'query', 'rank', 'match_row', 'match', 'score', 'model_score', 'seniority_query', 'seniority_match', 'confidence', 'bucket']);
    for (const r of rows) {
      // The model's score against the model's best for the query (every match is listed): what the
      // calibration was fitted on, whatever seniority did to the ranking.
      const best = Math.max(...rows.filter((b) => b.query_row === r.query_row).map((b) => b.model_score ?? NaN));
      // Scores in the output have 4 decimals; the confidence was computed from the unrounded ones.
      expect(r.confidence).toBeCloseTo(confidenceOf(cal, r.model_score ?? NaN, best), 3);
      expect(r.bucket).toBe(bucketOf(cal, r.confidence ?? NaN));
    }
    // A best match is more likely right than the same score further down its list.
    const rn = rows.filter((r) => r.query === 'RN');
    expect(rn[0].confidence).toBeGreaterThan(rn[1].confidence ?? 1);
    expect(new Set(rows.map((r) => r.bucket)).size).toBeGreaterThan(1);
  });

  it('--min-confidence keeps exactly the rows at or above it, with their ranks', async () => {
    const all = JSON.parse((await runCli(['match', queries, corpus, '--top', 'all', '--format', 'json', ...bundled])).stdout) as JsonRow[];
    const least = 0.1;
    const run = await runCli(['match', queries, corpus, '--top', 'all', '--format', 'json', '--min-confidence', String(least), ...bundled]);
    expect(run.code).toBe(0);
    const kept = JSON.parse(run.stdout) as JsonRow[];
    expect(kept).toEqual(all.filter((r) => (r.confidence ?? 0) >= least));
    expect(kept.length).toBeGreaterThan(0);
    expect(kept.length).toBeLessThan(all.length);
  });

  it('the CSV keeps exactly its six columns', async () => {
    const out = join(tmp, 'bundled.csv');
    const run = await runCli(['match', queries, corpus, '--top', '3', '--out', out, ...bundled]);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    const { columns, records } = await readCsvRecords(out);
    expect(columns).toEqual(['query_row', 'query', 'rank', 'match_row', 'match', 'score']);
    expect(records).toHaveLength(9);
    expect((await readFile(out, 'utf8')).split('\n')[1].split(',')).toHaveLength(6);
  });

  it('--out report.xlsx: Confidence and Bucket columns carry the JSON’s values, and the Summary names the levels', async () => {
    const json = JSON.parse((await runCli(['match', queries, corpus, '--top', '2', '--format', 'json', ...bundled])).stdout) as JsonRow[];
    const out = join(tmp, 'bundled.xlsx');
    expect((await runCli(['match', queries, corpus, '--top', '2', '--out', out, ...bundled])).code).toBe(0);
    const sheet = await readTable(out);
    const conf = sheet.columns.indexOf('Confidence');
    expect(sheet.columns.slice(conf - 4)).toEqual(['Score', 'Model score', 'Seniority (query)', 'Seniority (match)', 'Confidence', 'Bucket']);
    expect(sheet.rows.map((r) => [r[conf], r[conf + 1]])).toEqual(json.map((r) => [`${Math.round((r.confidence ?? 0) * 100)}%`, r.bucket]));
    const summary = new Map((await readTable(out, { sheet: 'Summary', header: false })).rows.map((r) => [r[0], r[1]]));
    expect(summary.get('Confidence')).toMatch(/^accept at \d+% or more, review from \d+%, reject below/);
  });
});

describe('titlematch match with a model that has no calibration', () => {
  const engine = ['--model', tiny, '--provider', 'cpu', '--no-cache'];
  const cli = [join(FIXTURES, 'candidates.csv'), join(FIXTURES, 'openings.tsv')];

  it('--format json: scores only, and one note on stderr saying why', async () => {
    const run = await runCli(['match', ...cli, '--top', '2', '--format', 'json', ...engine]);
    expect(run.code).toBe(0);
    expect(Object.keys((JSON.parse(run.stdout) as JsonRow[])[0])).toEqual(['query_row', 'query', 'rank', 'match_row', 'match', 'score', 'model_score', 'seniority_query', 'seniority_match']);
    expect(run.stderr).toBe('note: the model has no confidence.json, so scores are shown without a confidence.\n');
  });

  it('CSV: no note (the CSV never carries a confidence)', async () => {
    const run = await runCli(['match', ...cli, '--top', '2', ...engine]);
    expect(run).toMatchObject({ code: 0, stderr: '' });
  });

  it('an HTML report: no confidence columns, and its details say why', async () => {
    const run = await runCli(['match', ...cli, '--top', '2', '--format', 'html', ...engine]);
    expect(run.code).toBe(0);
    expect(run.stdout).not.toContain('<th scope="col">Confidence</th>');
    expect(run.stdout).toContain('<th scope="row">Confidence</th><td>none: the model has no confidence.json, so scores are shown without a confidence</td>');
  });

  it('--min-confidence is refused with exit 2 and a line saying what to use instead', async () => {
    const run = await runCli(['match', ...cli, '--min-confidence', '0.5', ...engine]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/--min-confidence needs a model with a confidence calibration, and the model has no confidence\.json.*Filter with --min-score instead\.\n$/);
    expect(run.stderr.split('\n')).toHaveLength(2);
  });

  it.each(['1.5', '-0.1', 'high'])('--min-confidence %s is refused before anything loads', async (value) => {
    const run = await runCli(['match', ...cli, '--min-confidence', value, ...engine]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`--min-confidence must be a number from 0 to 1, got "${value}".`);
  });
});
