import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readTable } from '../../../../electron/core/io/index.js';
import { writeReport } from '../../../../electron/core/report/index.js';
import { tempFolder } from '../io/helpers.js';
import { sampleReport } from './report-helpers.js';

// "Opens cleanly" is checked by a real spreadsheet program: LibreOffice converts our reports, and
// what it reads must be what we wrote. Without soffice on the machine the checks are skipped,
// and the skipped test's name says why.
const soffice = spawnSync('soffice', ['--version'], { encoding: 'utf8' }).status === 0;
const why = soffice ? '' : ' (skipped: soffice is not installed; apt-get install libreoffice-calc-nogui)';
const tmp = tempFolder('titlematch-soffice-');

function convert(file: string, to: string, infilter?: string): string {
  const out = join(tmp.dir, `out-${Math.random().toString(36).slice(2)}`);
  const args = [`-env:UserInstallation=file://${tmp.dir}/profile`, '--headless', ...(infilter ? [`--infilter=${infilter}`] : []), '--convert-to', to, '--outdir', out, file];
  const run = spawnSync('soffice', args, { encoding: 'utf8', timeout: 120_000 });
  if (run.status !== 0) throw new Error(`soffice failed: ${run.stderr}`);
  return out;
}

describe('reports opened by LibreOffice', () => {
  it.skipIf(!soffice)(`XLSX: every sheet LibreOffice exports as CSV equals what TitleMatch reads${why}`, async () => {
    const xlsx = join(tmp.dir, 'report.xlsx');
    await writeReport(xlsx, await sampleReport(true));
    // Sheet -1: every sheet to its own CSV file; UTF-8, cells as shown.
    const out = convert(xlsx, 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1');
    const files = readdirSync(out).sort();
    expect(files).toEqual(['report-Matches.csv', 'report-Reverse matches.csv', 'report-Summary.csv']);
    for (const [file, sheet] of [['report-Matches.csv', 'Matches'], ['report-Reverse matches.csv', 'Reverse matches'], ['report-Summary.csv', 'Summary']]) {
      const theirs = await readTable(join(out, file));
      const ours = await readTable(xlsx, { sheet });
      expect(theirs.columns).toEqual(ours.columns);
      expect(theirs.rows).toEqual(ours.rows);
    }
  });

  it.skipIf(!soffice)(`CSV: LibreOffice reads the text cells as written, neutralised formulas as text${why}`, async () => {
    const csv = join(tmp.dir, 'report.csv');
    await writeReport(csv, await sampleReport());
    const out = convert(csv, 'xlsx', 'CSV:44,34,76,1');
    const theirs = await readTable(join(out, 'report.xlsx'));
    const ours = await readTable(csv);
    expect(theirs.columns).toEqual(ours.columns);
    const text = ['Name', 'Job Title', 'Email', 'City', 'Summary', 'Matched title', 'Department (match)', 'Location (match)'].map((c) => ours.columns.indexOf(c));
    const pick = (rows: string[][]): string[][] => rows.map((r) => text.map((i) => r[i] ?? ''));
    expect(pick(theirs.rows)).toEqual(pick(ours.rows));
    expect(pick(theirs.rows)[4][1]).toBe(`'=HYPERLINK("http://evil.example","Chef")`);
  });
});
