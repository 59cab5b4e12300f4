import { Readable } from 'node:stream';
import type { Writable } from 'node:stream';
import { ZipFile } from 'yazl';
import { InputError } from '../io/types.js';
import { writeAtomic } from './atomic.js';
import { directionColumns, directionName, directionRows, summaryPairs } from './layout.js';
import type { ReportCell, ReportColumn } from './layout.js';
import { neutralizeFormula } from './neutralize.js';
import { MAX_SHEET_ROWS, columnLetter, displayWidth, sheetNames, sheetRef, xmlAttr, xmlText } from './ooxml.js';
import type { MatchReport } from './types.js';

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** Cell styles, indexes into cellXfs of styles.xml below. */
const STYLE = { plain: 0, header: 1, integer: 2, score: 3, wrap: 4, label: 5 } as const;

const STYLES_XML = `${XML_HEAD}<styleSheet xmlns="${NS}">
<fonts count="2"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font><font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>
<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill><fill><patternFill patternType="solid"><fgColor rgb="FFD9E1F2"/><bgColor indexed="64"/></patternFill></fill></fills>
<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>
<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>
<cellXfs count="6">
<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>
<xf numFmtId="0" fontId="1" fillId="2" borderId="0" xfId="0" applyFont="1" applyFill="1"/>
<xf numFmtId="1" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
<xf numFmtId="2" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>
<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>
</cellXfs>
<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>
<dxfs count="0"/><tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/>
</styleSheet>`;

/** One sheet to write: its header, its rows (produced lazily), widths and what to decorate. */
interface SheetPlan {
  name: string;
  header: string[];
  rows: () => Iterable<ReportCell[]>;
  rowCount: number;
  widths: number[];
  /** 0-based column of the score, for the colour scale; -1 for none. */
  scoreColumn: number;
  headerStyle: number;
  firstColumnStyle?: number;
}

function textCell(ref: string, text: string, style?: number): string {
  if (text === '') return '';
  const wrap = style ?? (text.includes('\n') ? STYLE.wrap : STYLE.plain);
  return `<c r="${ref}" t="inlineStr"${wrap === 0 ? '' : ` s="${wrap}"`}><is><t xml:space="preserve">${xmlText(neutralizeFormula(text))}</t></is></c>`;
}

function cellXml(ref: string, cell: ReportCell, style?: number): string {
  if (typeof cell === 'string') return textCell(ref, cell, style);
  if (!Number.isFinite(cell.number)) return '';
  const value = cell.format === 'score' ? Number(cell.number.toFixed(4)) : cell.number;
  return `<c r="${ref}" s="${cell.format === 'score' ? STYLE.score : STYLE.integer}"><v>${value}</v></c>`;
}

/** Column widths from the header and the first rows: wide enough to read, never wider than 60. */
function measure(header: string[], rows: Iterable<ReportCell[]>, sample = 2000): number[] {
  const widths = header.map((h) => displayWidth(h) + 3);
  let n = 0;
  for (const row of rows) {
    row.forEach((c, i) => {
      const w = typeof c === 'string' ? displayWidth(c) : c.format === 'score' ? 6 : String(c.number).length;
      if (w + 2 > (widths[i] ?? 0)) widths[i] = w + 2;
    });
    if (++n >= sample) break;
  }
  return widths.map((w) => Math.min(60, Math.max(6, w)));
}

function* sheetXml(plan: SheetPlan, selected: boolean): Generator<string> {
  const last = columnLetter(Math.max(plan.header.length - 1, 0));
  const lastRow = plan.rowCount + 1;
  let head = `${XML_HEAD}<worksheet xmlns="${NS}" xmlns:r="${REL_NS}">`;
  head += `<dimension ref="A1:${last}${lastRow}"/>`;
  head += `<sheetViews><sheetView workbookViewId="0"${selected ? ' tabSelected="1"' : ''}><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>`;
  head += '<sheetFormatPr defaultRowHeight="15"/><cols>';
  plan.widths.forEach((w, i) => {
    head += `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`;
  });
  head += '</cols><sheetData><row r="1">';
  plan.header.forEach((h, i) => {
    head += textCell(`${columnLetter(i)}1`, h, plan.headerStyle);
  });
  let chunk = `${head}</row>`;
  const letters = plan.header.map((_, i) => columnLetter(i));
  let r = 1;
  for (const row of plan.rows()) {
    r++;
    chunk += `<row r="${r}">`;
    for (let i = 0; i < row.length; i++) chunk += cellXml(`${letters[i] ?? columnLetter(i)}${r}`, row[i], i === 0 ? plan.firstColumnStyle : undefined);
    chunk += '</row>';
    if (chunk.length >= 1 << 16) {
      yield chunk;
      chunk = '';
    }
  }
  chunk += '</sheetData>';
  chunk += `<autoFilter ref="A1:${last}${lastRow}"/>`;
  if (plan.scoreColumn >= 0 && plan.rowCount > 0) {
    const col = columnLetter(plan.scoreColumn);
    chunk +=
      `<conditionalFormatting sqref="${col}2:${col}${lastRow}"><cfRule type="colorScale" priority="1"><colorScale>` +
      '<cfvo type="min"/><cfvo type="percentile" val="50"/><cfvo type="max"/>' +
      '<color rgb="FFF8696B"/><color rgb="FFFFEB84"/><color rgb="FF63BE7B"/></colorScale></cfRule></conditionalFormatting>';
  }
  chunk += '<pageMargins left="0.5" right="0.5" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>';
  yield chunk;
}

function countRows(rows: Iterator<unknown>): number {
  let n = 0;
  while (!rows.next().done) n++;
  return n;
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
      rows: () => directionRows(dir),
      rowCount,
      widths: measure(header, directionRows(dir)),
      scoreColumn: columns.findIndex((c) => c.kind === 'score'),
      headerStyle: STYLE.header,
    };
  });
  const pairs = summaryPairs(report);
  const summaryRows = (): ReportCell[][] => pairs.map(([k, v]) => [k, typeof v === 'number' ? { number: v, format: Number.isInteger(v) ? 'integer' : 'score' } : v]);
  plans.push({
    name: names[names.length - 1],
    header: ['Item', 'Value'],
    rows: summaryRows,
    rowCount: pairs.length,
    widths: [Math.min(60, Math.max(...pairs.map(([k]) => displayWidth(k))) + 2), Math.min(100, Math.max(20, ...pairs.map(([, v]) => displayWidth(String(v)) + 2)))],
    scoreColumn: -1,
    headerStyle: STYLE.header,
    firstColumnStyle: STYLE.label,
  });
  return plans;
}

function w3cDate(d: Date): string {
  return `${d.toISOString().slice(0, 19)}Z`;
}

function packageParts(plans: SheetPlan[], report: MatchReport): [string, string][] {
  const sheets = plans.map((p, i) => `<sheet name="${xmlAttr(p.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('');
  const filters = plans
    .slice(0, -1)
    .map((p, i) => `<definedName name="_xlnm._FilterDatabase" localSheetId="${i}" hidden="1">${xmlText(sheetRef(p.name))}!$A$1:$${columnLetter(p.header.length - 1)}$${p.rowCount + 1}</definedName>`)
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
      `${XML_HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>TitleMatch match report</dc:title><dc:creator>TitleMatch</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">${created}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${created}</dcterms:modified></cp:coreProperties>`,
    ],
    ['docProps/app.xml', `${XML_HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>TitleMatch</Application></Properties>`],
    [
      'xl/workbook.xml',
      `${XML_HEAD}<workbook xmlns="${NS}" xmlns:r="${REL_NS}"><workbookPr/><bookViews><workbookView activeTab="0"/></bookViews><sheets>${sheets}</sheets>${filters === '' ? '' : `<definedNames>${filters}</definedNames>`}<calcPr calcId="191029"/></workbook>`,
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
 * numbers shown with 2 decimals under a red-yellow-green colour scale, no formulas anywhere, and
 * every text cell a spreadsheet would run as a formula neutralised.
 */
export async function renderXlsx(report: MatchReport, out: Writable): Promise<void> {
  const plans = planSheets(report);
  const zip = new ZipFile();
  const mtime = report.run.createdAt;
  for (const [name, xml] of packageParts(plans, report)) zip.addBuffer(Buffer.from(xml, 'utf8'), name, { mtime });
  plans.forEach((plan, i) => {
    zip.addReadStreamLazy(`xl/worksheets/sheet${i + 1}.xml`, { mtime }, (cb) => {
      cb(null, Readable.from(sheetXml(plan, i === 0), { objectMode: false }));
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
