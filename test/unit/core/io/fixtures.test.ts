import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { previewColumns, readTable, suggestTitleColumn } from '../../../../electron/core/io/index.js';
import { inputError } from './helpers.js';

// Files written by LibreOffice, openpyxl, iconv and officecrypto-tool (see make-fixtures.sh).
const dir = join(import.meta.dirname, '../../../fixtures/spreadsheets');
const fixture = (name: string): string => join(dir, name);

const CANDIDATE_COLUMNS = ['Candidate ID', 'Name', 'Job Title', 'Email', 'City', 'Applied', 'Salary', 'Match', 'Summary'];
const CANDIDATES = [
  ['1001', 'Zoë Ångström', 'Développeuse web senior', 'zoe@example.org', 'Zürich', '2024-03-15', '52,000.50', '88%', 'Développeuse web senior in Zürich'],
  ['1002', '李小龙', '软件工程师 🚀', 'li@example.cn', 'Zürich', '2024-02-29', '1,234,567.89', '50%', '软件工程师 🚀 in '],
  [],
  ['1003', 'O’Brien, Seán', 'Nurse\nNight shift', 'sean@example.ie', 'Dublin', '2023-12-31', '-250.00', '100%', 'Nurse\nNight shift in Dublin'],
  ['1004', 'Anaïs "Ana" Dupont', '=HYPERLINK("http://evil.example","Chef")', '+33 6 12 34 56 78', 'Saint-Étienne; Lyon', '', '', '', '-Project Manager, "interim" @ HQ'],
];
const OPENINGS = [
  ['Chargée d’affaires', 'Ventes', 'Genève'],
  ['Sales Manager', 'Ventes', 'Köln'],
  ['Ingénieur logiciel', 'R&D', 'Besançon'],
  ['Registered Nurse', 'Santé', 'Lyon, France'],
  ['Directeur financier (€)', 'Finance', '“Paris”'],
];

describe('workbooks written by LibreOffice', () => {
  it.each(['lo-workbook.xlsx', 'lo-workbook.ods'])('%s: lists every sheet and reads the first with values as displayed', async (name) => {
    const t = await readTable(fixture(name));
    expect(t.sheets).toEqual(['Candidates', 'Openings', 'Empty']);
    expect(t.sheet).toBe('Candidates');
    expect(t.format).toBe(name.endsWith('.ods') ? 'ods' : 'xlsx');
    expect(t.columns).toEqual(CANDIDATE_COLUMNS);
    // Merged City cells give both rows "Zürich"; the formula column gives its values; the blank row keeps its place.
    expect(t.rows).toEqual(CANDIDATES);
    expect(t.headerRow).toBe(1);
  });

  it.each(['lo-workbook.xlsx', 'lo-workbook.ods'])('%s: reads a chosen sheet, skipping its merged title line', async (name) => {
    const t = await readTable(fixture(name), { sheet: 'openings' });
    expect(t.sheet).toBe('Openings');
    expect(t.headerRow).toBe(3);
    expect(t.columns).toEqual(['Job Title', 'Department', 'Location']);
    expect(t.rows).toEqual(OPENINGS);
    expect(suggestTitleColumn(t)).toEqual({ index: 0, name: 'Job Title', reason: 'header' });
  });

  it.each(['lo-workbook.xlsx', 'lo-workbook.ods'])('%s: an empty sheet and a missing sheet get messages', async (name) => {
    const empty = await inputError(readTable(fixture(name), { sheet: 'Empty' }));
    expect(empty.code).toBe('empty');
    expect(empty.message).toContain('(sheet "Empty") has no rows. Pick another sheet: "Candidates", "Openings", "Empty"');
    const missing = await inputError(readTable(fixture(name), { sheet: 'Sheet9' }));
    expect(missing.code).toBe('no-sheet');
    expect(missing.message).toContain('has no sheet "Sheet9". Its sheets are: "Candidates", "Openings", "Empty"');
  });

  it.each(['lo-workbook.xlsx', 'lo-workbook.ods'])('%s: a sheet past the row limit gets a message naming the limit and the sheet', async (name) => {
    const e = await inputError(readTable(fixture(name), { maxRows: 3 }));
    expect(e.code).toBe('too-large');
    expect(e.message).toContain('(sheet "Candidates") has more than 3 data rows');
  });

  it('describes a workbook sheet with samples and a suggested column', async () => {
    const t = await readTable(fixture('lo-workbook.xlsx'));
    expect(suggestTitleColumn(t)).toEqual({ index: 2, name: 'Job Title', reason: 'header' });
    expect(previewColumns(t)[4]).toEqual({ index: 4, name: 'City', samples: ['Zürich', 'Dublin', 'Saint-Étienne; Lyon'], filled: 4 });
  });
});

describe('delimited text written by LibreOffice and iconv', () => {
  it.each([
    ['candidates-utf8.csv', 'utf-8', ','],
    ['candidates-utf8-bom-semicolon.csv', 'utf-8', ';'],
    ['candidates-utf16le.tsv', 'utf-16le', '\t'],
    ['candidates-utf16be.csv', 'utf-16be', ','],
  ])('%s', async (name, encoding, delimiter) => {
    const t = await readTable(fixture(name));
    expect(t).toMatchObject({ encoding, delimiter, columns: CANDIDATE_COLUMNS, headerRow: 1 });
    // CSV has no merges: the second Zürich is blank, as the exporting program wrote it.
    expect(t.rows).toEqual(CANDIDATES.map((r, i) => (i === 1 ? r.map((c, j) => (j === 4 ? '' : c)) : r)));
  });

  it.each([
    ['openings-cp1252.csv', 'windows-1252', ';'],
    ['openings-pipe.txt', 'utf-8', '|'],
  ])('%s', async (name, encoding, delimiter) => {
    const t = await readTable(fixture(name));
    expect(t).toMatchObject({ encoding, delimiter, headerRow: 3, columns: ['Job Title', 'Department', 'Location'] });
    expect(t.rows).toEqual(OPENINGS.map((r, i) => (i === 1 ? [r[0], '', r[2]] : r)));
  });
});

describe('a workbook written by openpyxl', () => {
  it('reads dates and percentages by their formats, fills merges and warns about formulas with no saved value', async () => {
    const t = await readTable(fixture('openpyxl-workbook.xlsx'));
    expect(t.sheets).toEqual(['Titles', 'Second sheet']);
    expect(t.columns).toEqual(['Job title', 'Level', 'Start', 'Rate', 'Double rate']);
    expect(t.rows).toEqual([
      ['Registered Nurse', 'Senior', '05/01/2024', '25.00%'],
      ['Ingénieur Qualité', 'Junior', '30/11/2023', '50.00%'],
      [],
      ['數據分析師', 'Mid', '2024-06-01 14:30', '1,234.5'],
      ['Line one\nline two', '—'],
      ['Chef de cuisine', '—'],
    ]);
    expect(t.warnings?.[0]).toMatch(/^3 formula cell\(s\) have no saved value/);
    const second = await readTable(fixture('openpyxl-workbook.xlsx'), { sheet: 'Second sheet' });
    expect(second.rows).toEqual([['Accountant']]);
  });
});

describe('workbooks TitleMatch cannot read get a message that says what to do', () => {
  it.each([
    ['protected.xlsx', 'encrypted', /protected with a password/],
    ['protected.ods', 'encrypted', /protected with a password/],
    ['lo-legacy.xls', 'unsupported', /legacy Excel 97-2003 workbook \(\.xls\).*save it as \.xlsx/],
    ['truncated.xlsx', 'corrupt', /damaged or incomplete.*save it again/],
  ])('%s', async (name, code, message) => {
    const e = await inputError(readTable(fixture(name)));
    expect(e.code).toBe(code);
    expect(e.message).toMatch(message);
    expect(e.path).toBe(fixture(name));
  });
});
