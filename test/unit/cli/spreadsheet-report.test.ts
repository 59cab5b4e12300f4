import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readTable } from '../../../electron/core/io/index.js';
import { readCsvRecords, runCli, writeCliModel } from './helpers.js';
import { tempFolder } from '../core/io/helpers.js';

// Issue 3 through the CLI: workbooks in (--query-sheet, --corpus-sheet), reports out (--out
// report.xlsx, --format html), the issue-2 CSV contract unchanged for workbook input.
const SHEETS = join(import.meta.dirname, '..', '..', 'fixtures', 'spreadsheets');
const book = join(SHEETS, 'lo-workbook.xlsx');
const ods = join(SHEETS, 'lo-workbook.ods');

const tmp = tempFolder('titlematch-cli-report-').dir;
const model = join(tmp, 'model');
beforeAll(() => writeCliModel(model));

const engine = (): string[] => ['--model', model, '--provider', 'cpu'];

describe('titlematch match with workbooks and reports', () => {
  it('--out report.xlsx writes the Matches sheet with both files\' columns, and a Summary', async () => {
    const out = join(tmp, 'report.xlsx');
    const run = await runCli(['match', book, ods, '--corpus-sheet', 'Openings', '--top', '2', '--out', out, ...engine()]);
    expect(run).toMatchObject({ code: 0, stdout: '' });
    const matches = await readTable(out);
    expect(matches.sheets).toEqual(['Matches', 'Summary']);
    expect(matches.columns).toEqual([
      'Row', 'Candidate ID', 'Name', 'Job Title', 'Email', 'City', 'Applied', 'Salary', 'Match', 'Summary',
      'Rank', 'Matched title', 'Match row', 'Department (match)', 'Location (match)', 'Score', 'Model score', 'Seniority (query)', 'Seniority (match)',
    ]);
    // Rows 1, 2, 4 and 5 have titles (row 3 is blank), two matches each.
    expect(matches.rows.map((r) => `${r[0]}:${r[10]}`)).toEqual(['1:1', '1:2', '2:1', '2:2', '4:1', '4:2', '5:1', '5:2']);
    expect(matches.rows[4].slice(1, 4)).toEqual(['1003', 'O’Brien, Seán', 'Nurse\nNight shift']);
    // Kept as typed; the cell's quote-prefix style keeps a spreadsheet from running it.
    expect(matches.rows[6][3]).toBe(`=HYPERLINK("http://evil.example","Chef")`);
    const summary = new Map((await readTable(out, { sheet: 'Summary', header: false })).rows.map((r) => [r[0], r.slice(1)]));
    expect(summary.get('')).toEqual(['Queries', 'Corpus']);
    expect(summary.get('Sheet')).toEqual(['Candidates', 'Openings']);
    expect(summary.get('Title column')).toEqual(['Job Title', 'Job Title']);
    expect(summary.get('Execution provider')?.[0]).toBe('cpu');
    expect(summary.get('Matches kept per title (top-K)')?.[0]).toBe('2');
    expect(summary.get('Seniority')?.[0]).toBe('prefer (0.03 off the score per level of difference, at most 0.09)');
  });

  it('--format html prints the printable report', async () => {
    const run = await runCli(['match', book, ods, '--query-sheet', 'Openings', '--corpus-sheet', 'Openings', '--top', '1', '--format', 'html', ...engine()]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^<!doctype html>/);
    expect(run.stdout).toContain('<h1>Matches for each query</h1>');
    expect(run.stdout).toContain('The best match for each query.');
    expect(run.stdout).toContain('<tr><th scope="row">Sheet</th><td>Openings</td><td>Openings</td></tr>');
    expect(run.stdout).toContain('Chargée d’affaires');
  });

  it('keeps the issue-2 CSV contract for workbook input', async () => {
    const out = join(tmp, 'contract.csv');
    const run = await runCli(['match', book, ods, '--corpus-sheet', 'openings', '--top', '1', '--out', out, ...engine()]);
    expect(run.code).toBe(0);
    const { columns, records } = await readCsvRecords(out);
    expect(columns).toEqual(['query_row', 'query', 'rank', 'match_row', 'match', 'score']);
    expect(records.map((r) => r.query_row)).toEqual(['1', '2', '4', '5']);
    expect(records[2].query).toBe('Nurse\nNight shift');
  });

  it.each([
    [['--corpus-sheet', 'Nope'], /has no sheet "Nope". Its sheets are: "Candidates", "Openings", "Empty"/],
    [['--format', 'xlsx'], /--format xlsx writes a workbook: give the file with --out FILE\.xlsx/],
    [['--format', 'pdf'], /--format must be csv or json, or a report: xlsx or html/],
  ])('exits 2 with one line for %j', async (args, message) => {
    const run = await runCli(['match', book, ods, ...args, ...engine()]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('exits 2 for a password-protected workbook, writing nothing', async () => {
    const out = join(tmp, 'never.xlsx');
    const run = await runCli(['match', join(SHEETS, 'protected.xlsx'), ods, '--out', out, ...engine()]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/protected with a password/);
    await expect(readTable(out)).rejects.toMatchObject({ code: 'not-found' });
  });
});
