/**
 * `npm run bench:io`: reads a 100,000-row XLSX and writes a 100,000-row report (XLSX and CSV),
 * printing time and peak memory for each step, and the same rows written by exceljs's streaming
 * writer (the peer of the XLSX writer). The input is generated here, at bench time, the
 * way Excel writes a workbook (shared strings, a styles part, dates as styled numbers).
 *
 * Options: --rows N (100000), --dir DIR (a temporary folder, removed afterwards), --keep.
 * Prints `name=value` lines; the bench is a measurement, not a test: nothing is asserted.
 */
import { mkdir, mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { readTable } from '../../electron/core/io/index.js';
import type { Table } from '../../electron/core/io/index.js';
import { writeReport } from '../../electron/core/report/index.js';
import type { MatchReport, ReportDirection, ReportMatch } from '../../electron/core/report/index.js';
import { directionColumns, directionRows } from '../../electron/core/report/layout.js';
import ExcelJS from 'exceljs';
import { rng, writeZip } from './suite-helpers.js';

const { values } = parseArgs({ options: { rows: { type: 'string', default: '100000' }, dir: { type: 'string' }, keep: { type: 'boolean', default: false } } });
const ROWS = Number(values.rows);

const SENIORITY = ['', 'Senior ', 'Junior ', 'Lead ', 'Principal ', 'Assistant '];
const ROLES = ['Software Engineer', 'Registered Nurse', 'Développeuse web', 'Data Analyst', 'Sales Manager', 'Chef de cuisine', '软件工程师', 'Accountant', 'Truck Driver', 'Ingénieur qualité', 'Marketing Manager', 'Customer Service Representative'];
const CITIES = ['Zürich', 'Lyon', 'Dublin', 'Köln', '北京', 'São Paulo', 'New York', 'Besançon'];
const NAMES = ['Zoë', 'Seán', 'Anaïs', 'Li', 'Ada', 'Grace', 'Alan', 'Ümit', 'Олег', 'Fatima'];

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const col = (i: number): string => String.fromCharCode(65 + i);

/** Writes an Excel-like workbook of `rows` candidates: ID, Name, Job Title, Email, City, Applied (date). */
async function makeWorkbook(path: string, rows: number): Promise<void> {
  const r = rng(7);
  const strings: string[] = [];
  const index = new Map<string, number>();
  const sst = (s: string): number => {
    let i = index.get(s);
    if (i === undefined) {
      i = strings.length;
      index.set(s, i);
      strings.push(s);
    }
    return i;
  };
  const header = ['Candidate ID', 'Name', 'Job Title', 'Email', 'City', 'Applied'];
  const sheet: string[] = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'];
  sheet.push(`<row r="1">${header.map((h, i) => `<c r="${col(i)}1" t="s"><v>${sst(h)}</v></c>`).join('')}</row>`);
  for (let n = 2; n <= rows + 1; n++) {
    const name = `${NAMES[Math.floor(r() * NAMES.length)]} ${n}`;
    const title = `${SENIORITY[Math.floor(r() * SENIORITY.length)]}${ROLES[Math.floor(r() * ROLES.length)]}`;
    const cells = [
      `<c r="A${n}"><v>${100000 + n}</v></c>`,
      `<c r="B${n}" t="s"><v>${sst(name)}</v></c>`,
      `<c r="C${n}" t="s"><v>${sst(title)}</v></c>`,
      `<c r="D${n}" t="s"><v>${sst(`candidate${n}@example.org`)}</v></c>`,
      `<c r="E${n}" t="s"><v>${sst(CITIES[Math.floor(r() * CITIES.length)])}</v></c>`,
      `<c r="F${n}" s="1"><v>${45000 + Math.floor(r() * 400)}</v></c>`,
    ];
    sheet.push(`<row r="${n}">${cells.join('')}</row>`);
  }
  sheet.push('</sheetData></worksheet>');
  const parts: [string, string][] = [
    ['[Content_Types].xml', '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>'],
    ['_rels/.rels', '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'],
    ['xl/workbook.xml', '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Candidates" sheetId="1" r:id="rId1"/></sheets></workbook>'],
    ['xl/_rels/workbook.xml.rels', '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>'],
    ['xl/styles.xml', '<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/></cellXfs></styleSheet>'],
    ['xl/sharedStrings.xml', `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${strings.length}" uniqueCount="${strings.length}">${strings.map((s) => `<si><t>${esc(s)}</t></si>`).join('')}</sst>`],
    ['xl/worksheets/sheet1.xml', sheet.join('')],
  ];
  await writeZip(path, parts);
}

/** Runs a step, sampling the resident set every 10 ms; returns its result, seconds and peaks. */
async function measure<T>(step: () => Promise<T>): Promise<{ value: T; seconds: number; peakRssMb: number; peakHeapMb: number }> {
  global.gc?.();
  let peakRss = process.memoryUsage().rss;
  let peakHeap = process.memoryUsage().heapUsed;
  const timer = setInterval(() => {
    const m = process.memoryUsage();
    if (m.rss > peakRss) peakRss = m.rss;
    if (m.heapUsed > peakHeap) peakHeap = m.heapUsed;
  }, 10);
  const start = performance.now();
  try {
    const value = await step();
    const seconds = (performance.now() - start) / 1000;
    const m = process.memoryUsage();
    peakRss = Math.max(peakRss, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed);
    return { value, seconds, peakRssMb: peakRss / 2 ** 20, peakHeapMb: peakHeap / 2 ** 20 };
  } finally {
    clearInterval(timer);
  }
}

function print(name: string, m: { seconds: number; peakRssMb: number; peakHeapMb: number }, extra = ''): void {
  console.log(`${name}_s=${m.seconds.toFixed(2)}`);
  console.log(`${name}_peak_rss_mb=${m.peakRssMb.toFixed(0)}`);
  console.log(`${name}_peak_heap_mb=${m.peakHeapMb.toFixed(0)}${extra}`);
}

/** The same rows as the report's direction sheet, written by exceljs's streaming workbook writer. */
async function writeWithExceljs(path: string, dir: ReportDirection): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet('Matches', { views: [{ state: 'frozen', ySplit: 1 }] });
  const columns = directionColumns(dir);
  sheet.columns = columns.map((c) => ({ header: c.header, style: c.kind === 'score' ? { numFmt: '0.0000' } : {} }));
  for (const cells of directionRows(dir)) {
    sheet.addRow(cells.map((c) => (typeof c === 'string' ? c : 'bucket' in c ? c.bucket : c.number))).commit();
  }
  sheet.commit();
  await workbook.commit();
}

async function main(): Promise<void> {
  const dir = values.dir ?? (await mkdtemp(join(tmpdir(), 'titlematch-bench-io-')));
  await mkdir(dir, { recursive: true });
  try {
    const input = join(dir, `candidates-${ROWS}.xlsx`);
    const made = await measure(() => makeWorkbook(input, ROWS));
    console.log(`# generated ${input}: ${ROWS} rows, ${((await stat(input)).size / 2 ** 20).toFixed(1)} MB, in ${made.seconds.toFixed(2)} s`);

    const read = await measure(() => readTable(input));
    const table: Table = read.value;
    print('read_xlsx', read);
    console.log(`read_xlsx_rows=${table.rows.length}`);
    console.log(`read_xlsx_rows_per_s=${Math.round(table.rows.length / read.seconds)}`);

    // A report with one match per candidate row against a small table of openings: 100,000 rows.
    const openings: Table = { path: join(dir, 'openings.csv'), sheets: [], columns: ['Job Title', 'Department'], rows: ROLES.map((t, i) => [t, `Dept ${i}`]) };
    const r = rng(11);
    const matches: ReportMatch[] = table.rows.map((_, i) => ({ queryRow: i + 1, rank: 1, matchRow: 1 + Math.floor(r() * ROLES.length), score: r() }));
    const report: MatchReport = {
      directions: [{ query: { table, column: 2, label: 'Candidates' }, corpus: { table: openings, column: 0, label: 'Openings' }, matches }],
      run: { model: { name: 'bench', version: '0' }, provider: 'cpu', topK: 1, createdAt: new Date() },
    };
    for (const format of ['xlsx', 'csv'] as const) {
      const out = join(dir, `report.${format}`);
      const wrote = await measure(() => writeReport(out, report, { inputs: [input] }));
      print(`write_report_${format}`, wrote);
      console.log(`write_report_${format}_mb=${((await stat(out)).size / 2 ** 20).toFixed(1)}`);
      if (format === 'xlsx') {
        // The peer: exceljs's streaming writer on the same rows (the report's matches sheet only,
        // without the Summary, the second direction's styles or the print setup ours writes).
        const peerOut = join(dir, 'report-exceljs.xlsx');
        const peer = await measure(() => writeWithExceljs(peerOut, report.directions[0]));
        print('write_xlsx_exceljs_stream', peer);
        console.log(`write_xlsx_exceljs_stream_mb=${((await stat(peerOut)).size / 2 ** 20).toFixed(1)}`);
        console.log(`write_xlsx_ratio_exceljs_over_titlematch=${(peer.seconds / wrote.seconds).toFixed(2)}`);
      }
    }
    console.log(`process_max_rss_mb=${(process.resourceUsage().maxRSS / 1024).toFixed(0)}`);
  } finally {
    if (!values.keep && values.dir === undefined) await rm(dir, { recursive: true, force: true });
  }
}

await main();
