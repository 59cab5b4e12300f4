import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError, readTable } from '../../../../electron/core/io/index.js';
import { writeAtomic } from '../../../../electron/core/files/atomic-write.js';
import { neutralizeFormula, reportFormatOf, writeReport } from '../../../../electron/core/report/index.js';
import { tempFolder } from '../io/helpers.js';
import { MATCHES_HEADER, fixtures, sampleReport, xfsOf } from './report-helpers.js';

const tmp = tempFolder('titlematch-report-');

// The CSV report neutralises with OWASP's apostrophe; the XLSX keeps the text and styles the cell.
const FORMULA_TITLE = `=HYPERLINK("http://evil.example","Chef")`;
const FORMULA_SUMMARY = `-Project Manager, "interim" @ HQ`;
const NEUTRAL_TITLE = `'${FORMULA_TITLE}`;
const NEUTRAL_SUMMARY = `'${FORMULA_SUMMARY}`;

describe('neutralizeFormula', () => {
  it.each([
    ['=1+1', "'=1+1"],
    ['+33 6 12 34 56 78', "'+33 6 12 34 56 78"],
    ['-Project Manager', "'-Project Manager"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tindent', "'\tindent"],
    ['\rcr', "'\rcr"],
    ['-250.00', '-250.00'],
    ['+3.5', '+3.5'],
    ['-1,234.50', '-1,234.50'],
    ['Nurse', 'Nurse'],
    ['', ''],
    ['a=b', 'a=b'],
  ])('%j -> %j', (input, output) => {
    expect(neutralizeFormula(input)).toBe(output);
  });
});

describe('XLSX report', () => {
  it('reads back with every column carried, blank and untitled rows left out, scores shown with 2 decimals', async () => {
    const path = join(tmp.dir, 'report.xlsx');
    await writeReport(path, await sampleReport(true));
    const t = await readTable(path);
    expect(t.sheets).toEqual(['Matches', 'Reverse matches', 'Summary']);
    expect(t.sheet).toBe('Matches');
    expect(t.columns).toEqual(MATCHES_HEADER);
    expect(t.rows).toEqual([
      ['1', '1001', 'Zoë Ångström', 'Développeuse web senior', 'zoe@example.org', 'Zürich', '2024-03-15', '52,000.50', '88%', 'Développeuse web senior in Zürich', '1', 'Ingénieur logiciel', '3', 'R&D', 'Besançon', '0.88'],
      ['1', '1001', 'Zoë Ångström', 'Développeuse web senior', 'zoe@example.org', 'Zürich', '2024-03-15', '52,000.50', '88%', 'Développeuse web senior in Zürich', '2', 'Chargée d’affaires', '1', 'Ventes', 'Genève', '0.51'],
      ['2', '1002', '李小龙', '软件工程师 🚀', 'li@example.cn', 'Zürich', '2024-02-29', '1,234,567.89', '50%', '软件工程师 🚀 in ', '1', 'Ingénieur logiciel', '3', 'R&D', 'Besançon', '0.70'],
      ['4', '1003', 'O’Brien, Seán', 'Nurse\nNight shift', 'sean@example.ie', 'Dublin', '2023-12-31', '-250.00', '100%', 'Nurse\nNight shift in Dublin'],
      ['5', '1004', 'Anaïs "Ana" Dupont', FORMULA_TITLE, '+33 6 12 34 56 78', 'Saint-Étienne; Lyon', '', '', '', FORMULA_SUMMARY, '1', 'Directeur financier (€)', '5', 'Finance', '“Paris”', '-0.05'],
    ]);
    const reverse = await readTable(path, { sheet: 'Reverse matches' });
    expect(reverse.rows[2]).toEqual(['3', 'Ingénieur logiciel', 'R&D', 'Besançon', '1', 'Zoë Ångström', '1', '1001', 'Zoë Ångström', 'zoe@example.org', 'Zürich', '2024-03-15', '52,000.50', '88%', 'Développeuse web senior in Zürich', '0.88'].map((v, i) => (i === 5 ? 'Développeuse web senior' : v)));
  });

  it('has a Summary sheet: title, what was listed, the inputs side by side, then the run', async () => {
    const path = join(tmp.dir, 'summary.xlsx');
    await writeReport(path, await sampleReport());
    const rows = (await readTable(path, { sheet: 'Summary', header: false })).rows;
    expect(rows.slice(0, 3).map((r) => r[0])).toEqual([
      'TitleMatch: Openings for each candidate',
      'Up to 2 openings for each candidate, scoring -0.10 or more',
      'Model titlematch-bert 1.2.0 on cpu, 2024-03-15 14:30',
    ]);
    const at = (label: string): string[] => rows.find((r) => r[0] === label)?.slice(1) ?? [];
    expect(rows.find((r) => r[1] === 'Candidates')).toEqual(['', 'Candidates', 'Openings']);
    expect(at('File')).toEqual([join(fixtures, 'lo-workbook.xlsx'), join(fixtures, 'lo-workbook.xlsx')]);
    expect(at('Sheet')).toEqual(['Candidates', 'Openings']);
    expect(at('Title column')).toEqual(['Job Title', 'Job Title']);
    expect(at('Data rows')).toEqual(['5', '5']);
    expect(at('Distinct titles')).toEqual(['4', '5']);
    expect(at('Model')[0]).toBe('titlematch-bert 1.2.0');
    expect(at('Execution provider')[0]).toBe('cpu');
    expect(at('Matches kept per title (top-K)')[0]).toBe('2');
    expect(at('Least score kept')[0]).toBe('-0.10');
    expect(at('Matches: openings for each candidate')[0]).toBe('4');
    expect(at('Created')[0]).toBe('2024-03-15 14:30:05');
  });

  it('freezes the header, filters, sets widths, colours scores and holds no formula', async () => {
    const path = join(tmp.dir, 'parts.xlsx');
    await writeReport(path, await sampleReport());
    const { ZipArchive } = await import('../../../../electron/core/io/zip.js');
    const zip = await ZipArchive.open(path, 'report');
    try {
      const sheet = await zip.text('xl/worksheets/sheet1.xml');
      expect(sheet).toContain('<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>');
      expect(sheet).toContain('<autoFilter ref="A1:P6"/>');
      expect(sheet).toMatch(/<col min="4" max="4" width="\d+(\.\d+)?" customWidth="1"\/>/);
      expect(sheet).toContain('<conditionalFormatting sqref="P2:P6"><cfRule type="colorScale"');
      expect(sheet).not.toMatch(/<f[ >]/);
      const styles = await zip.text('xl/styles.xml');
      const score = /<c r="P2" s="(\d+)"><v>0.8765<\/v><\/c>/.exec(sheet);
      expect(score).not.toBeNull();
      expect(xfsOf(styles)[Number(score?.[1])]).toContain('numFmtId="2"'); // built-in "0.00" for scores
    } finally {
      zip.close();
    }
  });
});

describe('CSV report', () => {
  it('is UTF-8 with a BOM, CR LF, RFC 4180 quoting and neutralised formulas, and reads back the same', async () => {
    const path = join(tmp.dir, 'report.csv');
    await writeReport(path, await sampleReport(true));
    const bytes = await readFile(path);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text.split('\r\n')[0]).toBe('\uFEFF' + MATCHES_HEADER.join(','));
    expect(text).toContain(`,"'=HYPERLINK(""http://evil.example"",""Chef"")",`);
    expect(text).toContain(',"Nurse\nNight shift",');
    expect(text).toContain(',0.8765\r\n');
    const t = await readTable(path);
    expect(t.encoding).toBe('utf-8');
    expect(t.columns).toEqual(MATCHES_HEADER);
    expect(t.rows[4].slice(0, 10)).toEqual(['5', '1004', 'Anaïs "Ana" Dupont', NEUTRAL_TITLE, "'+33 6 12 34 56 78", 'Saint-Étienne; Lyon', '', '', '', NEUTRAL_SUMMARY]);
    expect(t.rows[3]).toEqual(['4', '1003', 'O’Brien, Seán', 'Nurse\nNight shift', 'sean@example.ie', 'Dublin', '2023-12-31', '-250.00', '100%', 'Nurse\nNight shift in Dublin']);
    expect(t.rows[0][15]).toBe('0.8765');
  });
});

describe('writing reports safely', () => {
  it('picks the format from the extension and refuses one it cannot tell', async () => {
    expect(reportFormatOf('a/Report.XLSX')).toBe('xlsx');
    expect(reportFormatOf('r.htm')).toBe('html');
    expect(reportFormatOf('r.csv')).toBe('csv');
    const e = await writeReport(join(tmp.dir, 'report.pdf'), await sampleReport()).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(InputError);
    expect((e as InputError).message).toMatch(/name it \.xlsx, \.csv or \.html/);
  });

  it('refuses to write over an input file, and leaves it untouched', async () => {
    const report = await sampleReport();
    const input = join(tmp.dir, 'input-copy.xlsx');
    await writeFile(input, await readFile(join(fixtures, 'lo-workbook.xlsx')));
    report.directions[0].query.table.path = input;
    const before = await readFile(input);
    const e = await writeReport(join(tmp.dir, '.', 'input-copy.xlsx'), report).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(InputError);
    expect((e as InputError).code).toBe('same-as-input');
    expect(await readFile(input)).toEqual(before);
  });

  it('refuses a folder and a missing folder', async () => {
    const report = await sampleReport();
    await expect(writeReport(join(tmp.dir, 'nowhere', 'r.xlsx'), report)).rejects.toMatchObject({ code: 'no-folder' });
    await expect(writeReport(tmp.dir, report, { format: 'csv' })).rejects.toMatchObject({ code: 'not-a-file' });
  });

  it('replaces an existing report only once the new one is complete, leaving no temporary file', async () => {
    const path = join(tmp.dir, 'replace.xlsx');
    await writeFile(path, 'old report');
    const report = await sampleReport();
    // A report too large for one Excel sheet fails while being written: the old file must survive.
    const big = { ...report, directions: [{ ...report.directions[0], matches: Array.from({ length: 1_048_576 }, (_, i) => ({ queryRow: 1, rank: i + 1, matchRow: 1, score: 0.5 })) }] };
    await expect(writeReport(path, big)).rejects.toMatchObject({ code: 'too-large' });
    expect(await readFile(path, 'utf8')).toBe('old report');
    await writeReport(path, report);
    expect((await readTable(path)).rows).toHaveLength(5);
    expect((await readdir(tmp.dir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});

describe('output errors a person can act on', () => {
  it.each([
    ['EBUSY', 'locked', /open in another program \(Excel keeps the files it shows locked\).*Close it there/],
    ['EPERM', 'locked', /open in another program/],
    ['ENOSPC', 'disk-full', /The disk is full: .* was not written \(any earlier version is untouched\)/],
  ])('%s while writing becomes "%s", and the earlier file survives', async (code, expected, message) => {
    const path = join(tmp.dir, `err-${code}.csv`);
    await writeFile(path, 'earlier');
    const e = await writeAtomic(path, () => Promise.reject(Object.assign(new Error(code), { code }))).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(InputError);
    expect((e as InputError).code).toBe(expected);
    expect((e as InputError).message).toMatch(message);
    expect(await readFile(path, 'utf8')).toBe('earlier');
    expect((await readdir(tmp.dir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});

