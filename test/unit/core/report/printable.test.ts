import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readTable } from '../../../../electron/core/io/index.js';
import { ZipArchive } from '../../../../electron/core/io/zip.js';
import { renderHtmlString, writeReport, type MatchReport } from '../../../../electron/core/report/index.js';
import { paperForLocale } from '../../../../electron/core/report/pdf.js';
import { tempFolder } from '../io/helpers.js';
import { sampleReport, xfsOf } from './report-helpers.js';

const tmp = tempFolder('titlematch-printable-');

async function parts(report: MatchReport, name: string): Promise<{ sheets: string[]; workbook: string; styles: string }> {
  const path = join(tmp.dir, name);
  await writeReport(path, report);
  const zip = await ZipArchive.open(path, 'report');
  try {
    const count = report.directions.length + 1;
    const sheets: string[] = [];
    for (let i = 1; i <= count; i++) sheets.push(await zip.text(`xl/worksheets/sheet${i}.xml`));
    return { sheets, workbook: await zip.text('xl/workbook.xml'), styles: await zip.text('xl/styles.xml') };
  } finally {
    zip.close();
  }
}

/** The style of the cell at `ref` in a sheet's XML. */
function styleAt(sheet: string, ref: string, styles: string): string {
  const s = new RegExp(`<c r="${ref}"(?: t="inlineStr")?(?: s="(\\d+)")?>`).exec(sheet);
  if (!s) throw new Error(`no cell ${ref}`);
  return xfsOf(styles)[Number(s[1] ?? 0)] ?? '';
}

describe('XLSX report, printed', () => {
  it('keeps formula-looking text as typed, in a quote-prefix cell, and never runs it', async () => {
    const path = join(tmp.dir, 'quote.xlsx');
    await writeReport(path, await sampleReport());
    const { sheets, styles } = await parts(await sampleReport(), 'quote-parts.xlsx');
    // Row 6 is the candidate whose title is a HYPERLINK formula (D) and phone a "+33" (E).
    expect(sheets[0]).toContain('<c r="D6" t="inlineStr" s=');
    expect(sheets[0]).toContain('<t xml:space="preserve">=HYPERLINK("http://evil.example","Chef")</t>');
    expect(styleAt(sheets[0], 'D6', styles)).toContain('quotePrefix="1"');
    expect(styleAt(sheets[0], 'E6', styles)).toContain('quotePrefix="1"');
    // Plain text and negative numbers as text get no quote prefix.
    expect(styleAt(sheets[0], 'C6', styles)).not.toContain('quotePrefix');
    expect(styleAt(sheets[0], 'H5', styles)).not.toContain('quotePrefix');
    expect(sheets[0]).not.toMatch(/<f[ >]/);
    const t = await readTable(path);
    expect(t.rows[4][3]).toBe('=HYPERLINK("http://evil.example","Chef")');
  });

  it('prints each matches sheet landscape, one page wide, the header row on every page, a footer with page numbers', async () => {
    const { sheets, workbook } = await parts(await sampleReport(true), 'print.xlsx');
    for (const sheet of sheets.slice(0, 2)) {
      expect(sheet).toMatch(/^<\?xml[^>]*>\n<worksheet [^>]*><sheetPr><pageSetUpPr fitToPage="1"\/><\/sheetPr><dimension /);
      expect(sheet).toContain('<pageSetup orientation="landscape" fitToWidth="1" fitToHeight="0"/>');
      expect(sheet).toContain('<oddFooter>&amp;L&amp;9TitleMatch: Openings for each candidate, 2024-03-15 14:30 (&amp;A)&amp;R&amp;9Page &amp;P of &amp;N</oddFooter>');
    }
    expect(sheets[2]).toContain('<pageSetup orientation="portrait" fitToWidth="1" fitToHeight="0"/>');
    expect(workbook).toContain(`<definedName name="_xlnm.Print_Titles" localSheetId="0">'Matches'!$1:$1</definedName>`);
    expect(workbook).toContain(`<definedName name="_xlnm.Print_Titles" localSheetId="1">'Reverse matches'!$1:$1</definedName>`);
    expect(workbook).not.toContain('localSheetId="2"'); // the Summary has no header row to repeat
  });

  it('marks where each query’s rows begin, with a line above and a band on every other query', async () => {
    const { sheets, styles } = await parts(await sampleReport(), 'bands.xlsx');
    // Rows 2-3: candidate row 1 (two matches); row 4: candidate 2; row 5: candidate 4; row 6: candidate 5.
    const look = (ref: string): { line: boolean; band: boolean } => {
      const xf = styleAt(sheets[0], ref, styles);
      return { line: /borderId="1"/.test(xf), band: /fillId="3"/.test(xf) };
    };
    expect(['C2', 'C3', 'C4', 'C5', 'C6'].map(look)).toEqual([
      { line: true, band: false },
      { line: false, band: false },
      { line: true, band: true },
      { line: true, band: false },
      { line: true, band: true },
    ]);
    // The score keeps its number format inside a band.
    expect(styleAt(sheets[0], 'P4', styles)).toMatch(/numFmtId="2".*fillId="3"/);
  });

  it('shows a column for an optional fact only when some match carries it', async () => {
    const report = await sampleReport();
    await writeReport(join(tmp.dir, 'plain.xlsx'), report);
    expect((await readTable(join(tmp.dir, 'plain.xlsx'))).columns).not.toContain('Code');
    const withCode: MatchReport = { ...report, directions: [{ ...report.directions[0], matches: report.directions[0].matches.map((m, i) => (i === 0 ? { ...m, facets: { code: '2512' } } : m)) }] };
    await writeReport(join(tmp.dir, 'code.xlsx'), withCode);
    await writeReport(join(tmp.dir, 'code.csv'), withCode);
    for (const file of ['code.xlsx', 'code.csv']) {
      const t = await readTable(join(tmp.dir, file));
      expect(t.columns.slice(-2)).toEqual(['Score', 'Code']);
      expect(t.columns).not.toContain('Seniority');
      expect(t.rows[0].at(-1)).toBe('2512');
    }
    const html = await renderHtmlString(withCode);
    expect(html).toContain('<th scope="col">Code</th>');
    expect(html).toContain('<td class="facet">2512</td>');
    expect(await renderHtmlString(report)).not.toContain('class="facet"');
  });
});

describe('HTML report', () => {
  it('opens on a short header from the run’s real settings, then the matches', async () => {
    const html = await renderHtmlString(await sampleReport());
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain("content=\"default-src 'none'; style-src 'unsafe-inline'\"");
    expect(html).not.toMatch(/<script|<link|src=/i);
    expect(html).toContain('<title>Openings for each candidate · TitleMatch</title>');
    expect(html).toContain('<h1>Openings for each candidate</h1>');
    expect(html).toContain('Candidates: lo-workbook.xlsx, sheet “Candidates”, 4 titles in column “Job Title”<br>Openings: lo-workbook.xlsx, sheet “Openings”, 5 titles in column “Job Title”');
    // The run kept 2 per candidate, and one candidate had fewer: "up to 2", not the printout's 5.
    expect(html).toContain('Up to 2 openings for each candidate, scoring -0.10 or more. Model titlematch-bert 1.2.0 on cpu, 2024-03-15 14:30.');
    // The matches come before the details.
    expect(html.indexOf('<table class="matches">')).toBeLessThan(html.indexOf('About this report'));
    expect(html.indexOf('<table class="matches">')).toBeLessThan(2 * html.indexOf('</header>'));
  });

  it('says when the printout lists fewer than the run kept', async () => {
    const report = await sampleReport();
    const html = await renderHtmlString({ ...report, run: { ...report.run, topK: 10, threshold: undefined } }, { perQuery: 1 });
    expect(html).toContain('The best opening for each candidate (the run kept 10; the spreadsheet report lists them all).');
    expect(html.match(/<td class="rank">/g)).toHaveLength(3); // one per candidate with a match
  });

  it('is one table: a header repeated on printed pages, a block per query kept together, bars that never wrap', async () => {
    const html = await renderHtmlString(await sampleReport());
    expect(html.match(/<table class="matches">/g)).toHaveLength(1);
    expect(html).toContain('<thead><tr><th scope="col">Candidate<span class="sub">row · Candidate ID · Name · Email</span></th>');
    expect(html.match(/<tbody class="(odd|even)">/g)).toHaveLength(4); // the untitled row is left out
    expect(html).toMatch(/@media print \{[^}]*\}[\s\S]*thead \{ display: table-header-group; \}/);
    expect(html).toMatch(/tbody, tr \{ break-inside: avoid;/);
    expect(html).toMatch(/\.score \{ white-space: nowrap;/);
    expect(html).toContain('<th scope="rowgroup" rowspan="2" class="query"><span class="title">Développeuse web senior</span><span class="meta">row 1 · 1001 · Zoë Ångström · zoe@example.org</span></th>');
    expect(html).toContain('<td class="score"><span class="bar" aria-hidden="true"><span class="high" style="width:88%"></span></span><span class="value">0.88</span></td>');
    expect(html).toContain('<span class="value">-0.05</span>');
    expect(html).toContain('<span class="low" style="width:0%">');
    expect(html).toContain('<span class="mid" style="width:51%">');
    expect(html).toContain('No opening scored -0.10 or more.');
    expect(html).toContain('=HYPERLINK(&quot;http://evil.example&quot;,&quot;Chef&quot;)');
    expect(html).toContain('软件工程师 🚀');
  });

  it('lists by rank, so rows sharing a title’s rank are listed together', async () => {
    const report = await sampleReport();
    const dir = report.directions[0];
    const tied = { ...dir, matches: [...dir.matches.filter((m) => m.queryRow !== 1), { queryRow: 1, rank: 1, matchRow: 3, score: 0.9 }, { queryRow: 1, rank: 1, matchRow: 4, score: 0.9 }, { queryRow: 1, rank: 2, matchRow: 1, score: 0.5 }] };
    const html = await renderHtmlString({ ...report, directions: [tied] }, { perQuery: 1 });
    expect(html).toContain('<th scope="rowgroup" rowspan="2" class="query"><span class="title">Développeuse web senior</span>');
    expect(html).toContain('The best opening for each candidate, scoring -0.10 or more (the run kept 2; the spreadsheet report lists them all).');
  });

  it('gives each direction its heading, the second starting a new printed page', async () => {
    const html = await renderHtmlString(await sampleReport(true));
    expect(html.match(/<h2 class="direction[^"]*">[^<]*<\/h2>/g)).toEqual(['<h2 class="direction">Openings for each candidate</h2>', '<h2 class="direction next">Candidates for each opening</h2>']);
    expect(html).toMatch(/h2\.next \{ break-before: page;/);
    expect(html.match(/<table class="matches">/g)).toHaveLength(2);
  });

  it('ends with the inputs side by side and the run', async () => {
    const html = await renderHtmlString(await sampleReport());
    expect(html).toContain('<thead><tr><th scope="col"></th><th scope="col">Candidates</th><th scope="col">Openings</th></tr></thead>');
    expect(html).toContain('<tr><th scope="row">Distinct titles</th><td>4</td><td>5</td></tr>');
    expect(html).toContain('<tr><th scope="row">Least score kept</th><td>-0.10</td></tr>');
    const file = join(tmp.dir, 'r.html');
    await writeReport(file, await sampleReport());
    expect(await readFile(file, 'utf8')).toBe(html);
  });
});

describe('PDF paper', () => {
  it.each([
    ['en-US', 'Letter'],
    ['en_US.UTF-8', 'Letter'],
    ['fr-CA', 'Letter'],
    ['es-MX', 'Letter'],
    ['en-GB', 'A4'],
    ['de', 'A4'],
    ['en', 'Letter'],
    ['ja-JP', 'A4'],
    ['', 'A4'],
    ['not a locale', 'A4'],
  ])('%j prints on %s', (locale, paper) => {
    expect(paperForLocale(locale)).toBe(paper);
  });
});
