import { Readable } from 'node:stream';
import type { Writable } from 'node:stream';
import { ZipFile } from 'yazl';
import { InputError } from '../io/types.js';
import { writeAtomic } from '../files/atomic-write.js';
import { printTitle, reportFacts, reportTitle, runLine, selectionLine } from './facts.js';
import { directionColumns, directionName, directionRows } from './layout.js';
import type { ReportCell, ReportColumn } from './layout.js';
import { needsNeutralizing } from './neutralize.js';
import { LOOK, STYLES_XML, bucketStyle, dataStyle, type Placement } from './xlsx-styles.js';
import { MAX_SHEET_ROWS, columnLetter, displayWidth, sheetNames, sheetRef, xmlAttr, xmlText } from './ooxml.js';
import type { MatchReport } from './types.js';

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** A row of a sheet, with the look of a Summary row (direction rows have none). */
interface SheetRow {
  cells: ReportCell[];
  look?: 'title' | 'section' | 'labelled' | 'note' | 'header';
}

/** One sheet to write: its header, its rows (produced lazily), widths and what to decorate. */
interface SheetPlan {
  name: string;
  /** The header row, frozen, filtered and repeated on every printed page; none for the Summary. */
  header?: string[];
  rows: () => Iterable<SheetRow>;
  rowCount: number;
  widths: number[];
  /** 0-based column of the score, for the colour scale; -1 for none. */
  scoreColumn: number;
  /** Rows with the same number in the first column form a query's group: banded, a line above. */
  grouped: boolean;
  landscape: boolean;
}

function textCell(ref: string, text: string, style: (quote: boolean) => number): string {
  if (text === '') return '';
  // Text a spreadsheet would run as a formula keeps its characters; the quote-prefix style shows
  // it as typed and keeps it text when someone edits the cell.
  const s = style(needsNeutralizing(text));
  return `<c r="${ref}" t="inlineStr"${s === 0 ? '' : ` s="${s}"`}><is><t xml:space="preserve">${xmlText(text)}</t></is></c>`;
}

function cellXml(ref: string, cell: ReportCell, placement: Placement): string {
  if (typeof cell === 'string') return textCell(ref, cell, (quote) => dataStyle(cell.includes('\n') ? 'wrap' : 'text', quote, placement));
  if ('bucket' in cell) return textCell(ref, cell.bucket, () => bucketStyle(cell.bucket, placement));
  if (!Number.isFinite(cell.number)) return '';
  const value = cell.format === 'integer' ? cell.number : Number(cell.number.toFixed(4));
  return `<c r="${ref}" s="${dataStyle(cell.format, false, placement)}"><v>${value}</v></c>`;
}

/** A Summary cell: its look by row kind and column. */
function summaryCell(ref: string, cell: ReportCell, look: SheetRow['look'], column: number): string {
  if (typeof cell !== 'string' && 'bucket' in cell) return textCell(ref, cell.bucket, () => LOOK.value);
  if (typeof cell !== 'string') {
    if (!Number.isFinite(cell.number)) return '';
    return `<c r="${ref}" s="${cell.format === 'score' ? LOOK.decimal : LOOK.count}"><v>${cell.number}</v></c>`;
  }
  const style = (quote: boolean): number => {
    if (look === 'title') return LOOK.title;
    if (look === 'section') return LOOK.section;
    if (look === 'note') return LOOK.note;
    if (look === 'header') return LOOK.heading;
    if (column === 0) return LOOK.label;
    return quote ? LOOK.valueQuoted : LOOK.value;
  };
  return textCell(ref, cell, style);
}

/** Column widths from the header and the first rows: wide enough to read, never wider than 60. */
function measure(header: string[], rows: Iterable<ReportCell[]>, sample = 2000): number[] {
  const widths = header.map((h) => displayWidth(h) + 3);
  let n = 0;
  for (const row of rows) {
    row.forEach((c, i) => {
      const w = typeof c === 'string' ? displayWidth(c) : 'bucket' in c ? c.bucket.length : c.format === 'integer' ? String(c.number).length : 6;
      if (w + 2 > (widths[i] ?? 0)) widths[i] = w + 2;
    });
    if (++n >= sample) break;
  }
  return widths.map((w) => Math.min(60, Math.max(6, w)));
}

/** The footer of every printed page: what the report is, the sheet, and the page number. */
function footer(title: string): string {
  // In header and footer codes "&" starts a command; a literal one is doubled.
  return `<headerFooter><oddFooter>${xmlText(`&L&9${title.replace(/&/g, '&&')} (&A)&R&9Page &P of &N`)}</oddFooter></headerFooter>`;
}

function* sheetXml(plan: SheetPlan, selected: boolean, title: string): Generator<string> {
  const width = plan.widths.length;
  const last = columnLetter(Math.max(width - 1, 0));
  const headed = plan.header !== undefined;
  const lastRow = plan.rowCount + (headed ? 1 : 0);
  let head = `${XML_HEAD}<worksheet xmlns="${NS}" xmlns:r="${REL_NS}">`;
  head += '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>';
  head += `<dimension ref="A1:${last}${Math.max(lastRow, 1)}"/>`;
  head += `<sheetViews><sheetView workbookViewId="0"${headed ? '' : ' showGridLines="0"'}${selected ? ' tabSelected="1"' : ''}>`;
  head += headed ? '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A2" sqref="A2"/>' : '<selection activeCell="A1" sqref="A1"/>';
  head += '</sheetView></sheetViews><sheetFormatPr defaultRowHeight="15"/><cols>';
  plan.widths.forEach((w, i) => {
    head += `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`;
  });
  head += '</cols><sheetData>';
  let r = 0;
  if (plan.header) {
    r = 1;
    head += '<row r="1">';
    plan.header.forEach((h, i) => {
      head += textCell(`${columnLetter(i)}1`, h, (quote) => (quote ? LOOK.headerQuoted : LOOK.header));
    });
    head += '</row>';
  }
  let chunk = head;
  const letters = plan.widths.map((_, i) => columnLetter(i));
  let group: ReportCell | undefined;
  let band = true;
  for (const row of plan.rows()) {
    r++;
    const cells = row.cells;
    chunk += `<row r="${r}">`;
    if (plan.grouped) {
      const key = cells[0];
      const groupStart = typeof key !== 'string' && 'number' in key && (group === undefined || typeof group === 'string' || !('number' in group) || group.number !== key.number);
      if (groupStart) {
        group = key;
        band = !band;
      }
      for (let i = 0; i < cells.length; i++) chunk += cellXml(`${letters[i] ?? columnLetter(i)}${r}`, cells[i], { band, groupStart });
    } else {
      for (let i = 0; i < cells.length; i++) chunk += summaryCell(`${letters[i] ?? columnLetter(i)}${r}`, cells[i], row.look, i);
    }
    chunk += '</row>';
    if (chunk.length >= 1 << 16) {
      yield chunk;
      chunk = '';
    }
  }
  chunk += '</sheetData>';
  if (headed) chunk += `<autoFilter ref="A1:${last}${lastRow}"/>`;
  if (plan.scoreColumn >= 0 && plan.rowCount > 0) {
    const col = columnLetter(plan.scoreColumn);
    chunk +=
      `<conditionalFormatting sqref="${col}2:${col}${lastRow}"><cfRule type="colorScale" priority="1"><colorScale>` +
      '<cfvo type="min"/><cfvo type="percentile" val="50"/><cfvo type="max"/>' +
      '<color rgb="FFF8696B"/><color rgb="FFFFEB84"/><color rgb="FF63BE7B"/></colorScale></cfRule></conditionalFormatting>';
  }
  chunk += '<pageMargins left="0.4" right="0.4" top="0.55" bottom="0.65" header="0.3" footer="0.3"/>';
  chunk += `<pageSetup orientation="${plan.landscape ? 'landscape' : 'portrait'}" fitToWidth="1" fitToHeight="0"/>`;
  chunk += `${footer(title)}</worksheet>`;
  yield chunk;
}

function countRows(rows: Iterator<unknown>): number {
  let n = 0;
  while (!rows.next().done) n++;
  return n;
}

function* asRows(cells: Iterable<ReportCell[]>): Generator<SheetRow> {
  for (const c of cells) yield { cells: c };
}

/** The Summary: the title and what was matched, the inputs side by side, then the run. */
function summaryPlan(report: MatchReport, name: string): SheetPlan {
  const facts = reportFacts(report);
  const first = report.directions[0];
  const rows: SheetRow[] = [{ cells: [`TitleMatch: ${reportTitle(report)}`], look: 'title' }];
  if (first) {
    rows.push({ cells: [selectionLine(first, report.run)], look: 'note' }, { cells: [runLine(report.run)], look: 'note' }, { cells: [] });
  }
  const [head, ...inputs] = facts.inputs;
  if (head) {
    rows.push({ cells: head.map(String), look: 'header' });
    for (const r of inputs) rows.push({ cells: r.map((v) => (typeof v === 'number' ? { number: v, format: 'integer' } : v)), look: 'labelled' });
    rows.push({ cells: [] });
  }
  rows.push({ cells: ['Run'], look: 'section' });
  for (const [k, v] of facts.run) rows.push({ cells: [k, typeof v === 'number' ? { number: v, format: Number.isInteger(v) ? 'integer' : 'score' } : v], look: 'labelled' });
  const labelWidth = Math.max(...[...facts.run.map(([k]) => k), ...inputs.map((r) => String(r[0]))].map(displayWidth));
  const valueWidth = (i: number): number => Math.max(12, ...facts.inputs.map((r) => displayWidth(String(r[i] ?? ''))), ...(i === 1 ? facts.run.map(([, v]) => displayWidth(String(v))) : []));
  return {
    name,
    rows: () => rows,
    rowCount: rows.length,
    // Labels never wrap (a wrapped row needs a height LibreOffice does not recompute on opening).
    widths: [Math.min(60, labelWidth + 3), Math.min(48, valueWidth(1) + 2), Math.min(48, valueWidth(2) + 2)],
    scoreColumn: -1,
    grouped: false,
    landscape: false,
  };
}

/** The sheets of a report: one per direction, then the Summary. */
function planSheets(report: MatchReport): SheetPlan[] {
  const names = sheetNames([...report.directions.map((d, i) => directionName(d, i)), 'Summary']);
  const plans: SheetPlan[] = report.directions.map((dir, i) => {
    const columns: ReportColumn[] = directionColumns(dir);
    const header = columns.map((c) => c.header);
    const rowCount = countRows(directionRows(dir));
    if (rowCount + 1 > MAX_SHEET_ROWS) {
      throw new InputError(
        `The report has ${rowCount.toLocaleString('en-US')} rows of matches, more than an Excel sheet holds (${MAX_SHEET_ROWS.toLocaleString('en-US')}). Ask for fewer matches per title (--top), or write CSV instead.`,
        'too-large',
      );
    }
    return {
      name: names[i],
      header,
      rows: () => asRows(directionRows(dir)),
      rowCount,
      widths: measure(header, directionRows(dir)),
      scoreColumn: columns.findIndex((c) => c.kind === 'score'),
      grouped: true,
      landscape: true,
    };
  });
  plans.push(summaryPlan(report, names[names.length - 1]));
  return plans;
}

function w3cDate(d: Date): string {
  return `${d.toISOString().slice(0, 19)}Z`;
}

function packageParts(plans: SheetPlan[], report: MatchReport): [string, string][] {
  const sheets = plans.map((p, i) => `<sheet name="${xmlAttr(p.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('');
  // Each headed sheet: its filter range, and its header row as print titles (repeated on every page).
  const names = plans
    .map((p, i) =>
      p.header === undefined
        ? ''
        : `<definedName name="_xlnm._FilterDatabase" localSheetId="${i}" hidden="1">${xmlText(sheetRef(p.name))}!$A$1:$${columnLetter(p.header.length - 1)}$${p.rowCount + 1}</definedName>` +
          `<definedName name="_xlnm.Print_Titles" localSheetId="${i}">${xmlText(sheetRef(p.name))}!$1:$1</definedName>`,
    )
    .join('');
  const sheetTypes = plans.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('');
  const sheetRels = plans.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL_NS}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('');
  const created = w3cDate(report.run.createdAt);
  return [
    [
      '[Content_Types].xml',
      `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${sheetTypes}<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/><Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>`,
    ],
    [
      '_rels/.rels',
      `${XML_HEAD}<Relationships xmlns="${PKG_REL_NS}"><Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/><Relationship Id="rId3" Type="${REL_NS}/extended-properties" Target="docProps/app.xml"/></Relationships>`,
    ],
    [
      'docProps/core.xml',
      `${XML_HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>${xmlText(`TitleMatch: ${reportTitle(report)}`)}</dc:title><dc:creator>TitleMatch</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">${created}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${created}</dcterms:modified></cp:coreProperties>`,
    ],
    ['docProps/app.xml', `${XML_HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>TitleMatch</Application></Properties>`],
    [
      'xl/workbook.xml',
      `${XML_HEAD}<workbook xmlns="${NS}" xmlns:r="${REL_NS}"><workbookPr/><bookViews><workbookView activeTab="0"/></bookViews><sheets>${sheets}</sheets>${names === '' ? '' : `<definedNames>${names}</definedNames>`}<calcPr calcId="191029"/></workbook>`,
    ],
    [
      'xl/_rels/workbook.xml.rels',
      `${XML_HEAD}<Relationships xmlns="${PKG_REL_NS}">${sheetRels}<Relationship Id="rId${plans.length + 1}" Type="${REL_NS}/styles" Target="styles.xml"/></Relationships>`,
    ],
    ['xl/styles.xml', STYLES_XML],
  ];
}

/**
 * Streams the XLSX report: a sheet per direction ("Matches", then "Reverse matches" when both were
 * asked for) and a Summary sheet. Frozen header, filters, widths from the content, scores as
 * numbers shown with 2 decimals under a red-yellow-green colour scale, each query's rows banded
 * with a line above; printed landscape, one page wide, the header row on every page and the page
 * number in the footer. No formulas anywhere: text that would run as one gets the quote-prefix
 * style, which shows it as typed.
 */
export async function renderXlsx(report: MatchReport, out: Writable): Promise<void> {
  const plans = planSheets(report);
  const title = printTitle(report);
  const zip = new ZipFile();
  const mtime = report.run.createdAt;
  for (const [name, xml] of packageParts(plans, report)) zip.addBuffer(Buffer.from(xml, 'utf8'), name, { mtime });
  plans.forEach((plan, i) => {
    zip.addReadStreamLazy(`xl/worksheets/sheet${i + 1}.xml`, { mtime }, (cb) => {
      cb(null, Readable.from(sheetXml(plan, i === 0, title), { objectMode: false }));
    });
  });
  zip.end();
  const output = zip.outputStream as Readable;
  await new Promise<void>((ok, fail) => {
    output.once('error', fail);
    zip.once('error', fail);
    out.once('error', fail);
    output.once('end', () => ok());
    output.pipe(out, { end: false });
  });
}

/** Writes the XLSX report to `path` atomically. */
export async function writeXlsxReport(path: string, report: MatchReport): Promise<void> {
  await writeAtomic(path, (out) => renderXlsx(report, out));
}
