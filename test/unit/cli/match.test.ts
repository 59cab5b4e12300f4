import { readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, readCsvRecords, runCli, writeCliModel } from './helpers.js';
import { tempFolder } from '../core/io/helpers.js';

const candidates = join(FIXTURES, 'candidates.csv');
const openings = join(FIXTURES, 'openings.tsv');

const tmp = tempFolder('titlematch-cli-').dir;
const model = join(tmp, 'model');
beforeAll(() => writeCliModel(model));

/** Runs match with the tiny model and --out, and reads the result back. */
async function match(args: string[], name: string): Promise<{ columns: string[]; records: Record<string, string>[]; stderr: string }> {
  const out = join(tmp, name);
  const run = await runCli(['match', candidates, openings, '--model', model, '--provider', 'cpu', '--out', out, ...args]);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  expect(run.stdout).toBe('');
  return { ...(await readCsvRecords(out)), stderr: run.stderr };
}

describe('titlematch match output', () => {
  it('writes exactly the contract columns, with 1-based data rows that count blank rows', async () => {
    const { columns, records } = await match(['--top', '2'], 'top2.csv');
    expect(columns).toEqual(['query_row', 'query', 'rank', 'match_row', 'match', 'score']);
    // Candidate row 3 is blank and row 5 has an empty title: both skipped, numbering kept.
    expect([...new Set(records.map((r) => r.query_row))]).toEqual(['1', '2', '4', '6']);
    expect(records.filter((r) => r.query_row === '2').map((r) => r.query)).toEqual(['Nurse, Registered', 'Nurse, Registered']);
    expect(records.filter((r) => r.query_row === '4')[0].query).toBe('Truck Driver');
    // Opening row 3 is blank: the matched rows are 1, 2, 4, 5 only.
    for (const r of records) expect(['1', '2', '4', '5']).toContain(r.match_row);
    const byRow: Record<string, string> = { '1': 'Registered Nurse', '2': 'Lead Full Stack Developer', '4': 'Marketing Manager', '5': 'HGV Driver' };
    for (const r of records) expect(r.match).toBe(byRow[r.match_row]);
  });

  it('ranks from 1, best first, with scores to 4 decimals', async () => {
    const { records } = await match(['--top', '3'], 'top3.csv');
    for (const q of ['1', '2', '4', '6']) {
      const rows = records.filter((r) => r.query_row === q);
      expect(rows.map((r) => r.rank)).toEqual(['1', '2', '3']);
      const scores = rows.map((r) => Number(r.score));
      expect([...scores].sort((a, b) => b - a)).toEqual(scores);
      for (const r of rows) expect(r.score).toMatch(/^-?\d\.\d{4}$/);
    }
    // The generated model groups words by field: each query's best match is in its field.
    const best = (q: string): string | undefined => records.find((r) => r.query_row === q && r.rank === '1')?.match;
    expect(best('1')).toBe('Lead Full Stack Developer');
    expect(best('2')).toBe('Registered Nurse');
    expect(best('4')).toBe('HGV Driver');
    expect(best('6')).toBe('Lead Full Stack Developer');
  });

  it('ranks the whole corpus with --top all', async () => {
    const { records } = await match(['--top', 'all'], 'all.csv');
    expect(records).toHaveLength(4 * 4);
    for (const q of ['1', '2', '4', '6']) {
      expect(records.filter((r) => r.query_row === q).map((r) => r.match_row).sort()).toEqual(['1', '2', '4', '5']);
    }
  });

  it('leaves out matches under --min-score, and keeps everything else', async () => {
    const all = (await match(['--top', 'all'], 'all-for-min.csv')).records;
    const { records } = await match(['--top', 'all', '--min-score', '0.5'], 'min.csv');
    expect(records.length).toBeGreaterThan(0);
    expect(records.length).toBeLessThan(all.length);
    expect(records).toEqual(all.filter((r) => Number(r.score) >= 0.5));
  });

  it('keeps corpus order between equal scores', async () => {
    const out = join(tmp, 'dups.csv');
    const run = await runCli(['match', candidates, join(FIXTURES, 'duplicates.csv'), '--model', model, '--top', 'all', '--out', out]);
    expect(run.code).toBe(0);
    const nurse = (await readCsvRecords(out)).records.filter((r) => r.query_row === '2');
    expect(nurse.map((r) => r.match_row)).toEqual(['1', '2', '3']);
    expect(nurse[0].score).toBe(nurse[1].score);
  });

  it('writes JSON with the same fields and rows, chosen by --format or the .json extension', async () => {
    const csv = (await match(['--top', '2'], 'same.csv')).records;
    const out = join(tmp, 'matches.json');
    const run = await runCli(['match', candidates, openings, '--model', model, '--top', '2', '--out', out]);
    expect(run.code).toBe(0);
    const json = JSON.parse(await readFile(out, 'utf8')) as Record<string, unknown>[];
    expect(Object.keys(json[0])).toEqual(['query_row', 'query', 'rank', 'match_row', 'match', 'score', 'model_score', 'seniority_query', 'seniority_match']);
    const six = new Set(['query_row', 'query', 'rank', 'match_row', 'match', 'score']);
    expect(json.map((r) => Object.fromEntries(Object.entries(r).filter(([k]) => six.has(k)).map(([k, v]) => [k, k === 'score' ? Number(v).toFixed(4) : String(v)])))).toEqual(csv);
    const stdout = await runCli(['match', candidates, openings, '--model', model, '--top', '2', '--format', 'json']);
    expect(JSON.parse(stdout.stdout)).toEqual(json);
  });

  it('writes CSV to standard output without --out', async () => {
    const run = await runCli(['match', candidates, openings, '--model', model, '--top', '1']);
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n')[0]).toBe('query_row,query,rank,match_row,match,score');
    expect(run.stdout).toContain('2,"Nurse, Registered",1,1,Registered Nurse,');
    expect(run.stdout.trim().split('\n')).toHaveLength(5);
  });

  it('uses the named columns', async () => {
    // Names against team names: no seniority to weigh ("Ward 3" reads as a level III).
    const run = await runCli(['match', candidates, openings, '--model', model, '--query-column', 'name', '--corpus-column', 'Team', '--top', '1', '--seniority', 'ignore']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('1,Ana Lima,1,');
    expect(run.stdout).toContain(',Ward 3,');
  });
});

describe('titlematch match bad input: exit 2 and one line naming the file and what to do', () => {
  async function fails(args: string[], pattern: RegExp): Promise<void> {
    const run = await runCli(['match', ...args]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^titlematch: [^\n]+\n$/);
    expect(run.stderr).toMatch(pattern);
  }

  it('a missing file', async () => {
    await fails([join(FIXTURES, 'nope.csv'), openings, '--model', model], /nope\.csv does not exist\. Check the path/);
  });

  it('an empty file', async () => {
    await fails([candidates, join(FIXTURES, 'empty.csv'), '--model', model], /empty\.csv is empty \(0 bytes\)/);
  });

  it('a file with a header and no rows', async () => {
    await fails([join(FIXTURES, 'header-only.csv'), openings, '--model', model], /header-only\.csv has a header row but no data rows/);
  });

  it('a title column whose cells are all empty', async () => {
    await fails([join(FIXTURES, 'empty-column.csv'), openings, '--model', model], /empty-column\.csv: column "Job Title" has no titles/);
  });

  it('a column that does not exist, listing the columns that do', async () => {
    await fails([candidates, openings, '--model', model, '--corpus-column', 'Job'], /openings\.tsv has no column "Job"\. Its columns are: "Req", "Position", "Team"/);
  });

  it('no column that looks like job titles', async () => {
    await fails([join(FIXTURES, 'no-title-column.csv'), openings, '--model', model], /no-title-column\.csv has several columns and none looks like job titles: "id", "city"\. Name the one to use with --query-column/);
  });

  it('a file that is not text and cannot be converted', async () => {
    const binary = join(tmp, 'photo.csv');
    await writeFile(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 1, 2, 3]));
    await fails([binary, openings, '--model', model], /photo\.csv is not a table TitleMatch can read/);
  });

  it('bad option values', async () => {
    await fails([candidates, openings, '--top', '0'], /--top must be a whole number of 1 or more, or all/);
    await fails([candidates, openings, '--top', 'ten'], /--top must be/);
    await fails([candidates, openings, '--min-score', '2'], /--min-score must be a number from -1 to 1/);
    await fails([candidates, openings, '--format', 'xml'], /--format must be csv or json/);
    await fails([candidates, openings, '--provider', 'tpu'], /--provider "tpu" is not a provider/);
    await fails([candidates, openings, '--threads', '0'], /--threads must be a whole number/);
    await fails([candidates], /match needs two files, QUERIES and CORPUS/);
    await fails([candidates, openings, '--colour'], /Unknown option '--colour'.*--help/);
  });

  it('an output path that is an input, or in a folder that does not exist', async () => {
    await fails([candidates, openings, '--out', candidates], /--out .*candidates\.csv is one of the input files/);
    await fails([candidates, openings, '--out', join(tmp, 'no', 'such', 'out.csv')], /the folder .* does not exist/);
  });

  it('a model folder that is incomplete', async () => {
    const broken = join(tmp, 'broken-model');
    await writeCliModel(broken);
    await rm(join(broken, 'tokenizer.json'));
    await fails([candidates, openings, '--model', broken], /broken-model is incomplete: missing tokenizer\.json/);
  });

  it('writes nothing when it fails', async () => {
    const out = join(tmp, 'never.csv');
    const run = await runCli(['match', candidates, join(FIXTURES, 'missing.csv'), '--model', model, '--out', out]);
    expect(run.code).toBe(2);
    expect(existsSync(out)).toBe(false);
  });
});

describe('titlematch commands', () => {
  it('rejects an unknown command with exit 2', async () => {
    const run = await runCli(['matchh']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/"matchh" is not a titlematch command/);
  });

  it('prints help', async () => {
    const run = await runCli(['match', '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/--top K\|all/);
  });
});
