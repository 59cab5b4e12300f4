/**
 * The XLSX report's cell styles (styles.xml), built once: every data cell kind in every band and
 * group-start variant, the header, and the Summary's looks. Text that a spreadsheet would run as a
 * formula gets a quote-prefix style (quotePrefix="1"), which shows it as typed and never runs it.
 */
import { BUCKETS, type Bucket } from '../../contract/confidence.js';

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

/** What a data cell holds and how it shows. */
export type DataKind = 'text' | 'wrap' | 'integer' | 'score' | 'percent';

/** Where a data cell sits: a shaded band (every other query), the first row of a query's group. */
export interface Placement {
  band: boolean;
  groupStart: boolean;
}

const KINDS: readonly DataKind[] = ['text', 'wrap', 'integer', 'score', 'percent'];

interface Xf {
  numFmt?: number;
  font?: number;
  fill?: number;
  border?: number;
  wrap?: boolean;
  top?: boolean;
  quote?: boolean;
  align?: 'left' | 'center';
}

// Buckets look like Excel's own Good, Neutral and Bad cell styles: a person knows them at a glance.
const BUCKET_LOOK: Record<Bucket, { font: string; fill: string }> = {
  accept: { font: 'FF006100', fill: 'FFC6EFCE' },
  review: { font: 'FF9C5700', fill: 'FFFFEB9C' },
  reject: { font: 'FF9C0006', fill: 'FFFFC7CE' },
};
// fonts: 0 normal, 1 bold, 2 bold large (Summary title), 3 grey italic (notes), 4-6 the buckets'
const FONTS = [
  '<font><sz val="11"/><name val="Calibri"/><family val="2"/></font>',
  '<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font>',
  '<font><b/><sz val="15"/><name val="Calibri"/><family val="2"/></font>',
  '<font><i/><sz val="10"/><color rgb="FF595959"/><name val="Calibri"/><family val="2"/></font>',
  ...BUCKETS.map((b) => `<font><sz val="11"/><color rgb="${BUCKET_LOOK[b].font}"/><name val="Calibri"/><family val="2"/></font>`),
];
// fills: 0 none, 1 gray125 (both required), 2 header blue, 3 band grey, 4-6 the buckets'
const FILLS = [
  '<fill><patternFill patternType="none"/></fill>',
  '<fill><patternFill patternType="gray125"/></fill>',
  '<fill><patternFill patternType="solid"><fgColor rgb="FFD9E1F2"/><bgColor indexed="64"/></patternFill></fill>',
  '<fill><patternFill patternType="solid"><fgColor rgb="FFF2F4F7"/><bgColor indexed="64"/></patternFill></fill>',
  ...BUCKETS.map((b) => `<fill><patternFill patternType="solid"><fgColor rgb="${BUCKET_LOOK[b].fill}"/><bgColor indexed="64"/></patternFill></fill>`),
];
// borders: 0 none, 1 thin grey on top (a query's first row), 2 thin dark below (headers)
const BORDERS = [
  '<border><left/><right/><top/><bottom/><diagonal/></border>',
  '<border><left/><right/><top style="thin"><color rgb="FF8C959F"/></top><bottom/><diagonal/></border>',
  '<border><left/><right/><top/><bottom style="thin"><color rgb="FF1B1F24"/></bottom><diagonal/></border>',
];

function xfXml(x: Xf): string {
  const numFmt = x.numFmt ?? 0;
  const font = x.font ?? 0;
  const fill = x.fill ?? 0;
  const border = x.border ?? 0;
  let attrs = `numFmtId="${numFmt}" fontId="${font}" fillId="${fill}" borderId="${border}" xfId="0"`;
  if (numFmt) attrs += ' applyNumberFormat="1"';
  if (font) attrs += ' applyFont="1"';
  if (fill) attrs += ' applyFill="1"';
  if (border) attrs += ' applyBorder="1"';
  if (x.quote) attrs += ' quotePrefix="1"';
  if (!x.wrap && !x.top && !x.align) return `<xf ${attrs}/>`;
  return `<xf ${attrs} applyAlignment="1"><alignment${x.align ? ` horizontal="${x.align}"` : ''}${x.top ? ' vertical="top"' : ''}${x.wrap ? ' wrapText="1"' : ''}/></xf>`;
}

const xfs: Xf[] = [];
const dataIds = new Map<number, number>();
// A number per combination, not a string: dataStyle runs once per data cell.
const dataKey = (kind: DataKind, quote: boolean, p: Placement): number => ((KINDS.indexOf(kind) * 2 + (quote ? 1 : 0)) * 2 + (p.band ? 1 : 0)) * 2 + (p.groupStart ? 1 : 0);
// Data cells first, so that index 0 is the plain default style every spreadsheet expects.
for (const kind of KINDS) {
  for (const quote of kind === 'text' || kind === 'wrap' ? [false, true] : [false]) {
    for (const band of [false, true]) {
      for (const groupStart of [false, true]) {
        dataIds.set(dataKey(kind, quote, { band, groupStart }), xfs.length);
        // Row numbers and ranks centred, so that they do not run into the title beside them.
        xfs.push({ numFmt: kind === 'integer' ? 1 : kind === 'score' ? 2 : kind === 'percent' ? 9 : 0, fill: band ? 3 : 0, border: groupStart ? 1 : 0, wrap: kind === 'wrap', top: true, quote, align: kind === 'integer' ? 'center' : undefined });
      }
    }
  }
}
// A bucket cell has its bucket's colours in either band; only the line above a query's group varies.
const bucketIds = new Map<string, number>();
BUCKETS.forEach((bucket, i) => {
  for (const groupStart of [false, true]) {
    bucketIds.set(`${bucket}/${groupStart}`, xfs.length);
    xfs.push({ font: 4 + i, fill: 4 + i, border: groupStart ? 1 : 0, top: true, align: 'center' });
  }
});
function add(x: Xf): number {
  xfs.push(x);
  return xfs.length - 1;
}

/** The fixed looks: header cells, and the Summary's title, headings, labels, values and notes. */
export const LOOK = {
  header: add({ font: 1, fill: 2, border: 2, wrap: true, top: true }),
  headerQuoted: add({ font: 1, fill: 2, border: 2, wrap: true, top: true, quote: true }),
  title: add({ font: 2 }),
  heading: add({ font: 1, border: 2 }),
  section: add({ font: 1 }),
  label: add({ font: 1, top: true }),
  value: add({ top: true, wrap: true }),
  count: add({ numFmt: 1, top: true, align: 'left' }),
  decimal: add({ numFmt: 2, top: true, align: 'left' }),
  valueQuoted: add({ top: true, wrap: true, quote: true }),
  note: add({ font: 3, top: true }),
} as const;

/** The style of a data cell. */
export function dataStyle(kind: DataKind, quote: boolean, placement: Placement): number {
  return dataIds.get(dataKey(kind, quote && (kind === 'text' || kind === 'wrap'), placement)) ?? 0;
}

/** The style of a bucket cell: its word on its colour. */
export function bucketStyle(bucket: Bucket, placement: Placement): number {
  return bucketIds.get(`${bucket}/${placement.groupStart}`) ?? 0;
}

/** styles.xml. */
export const STYLES_XML =
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="${NS}">` +
  `<fonts count="${FONTS.length}">${FONTS.join('')}</fonts>` +
  `<fills count="${FILLS.length}">${FILLS.join('')}</fills>` +
  `<borders count="${BORDERS.length}">${BORDERS.join('')}</borders>` +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  `<cellXfs count="${xfs.length}">${xfs.map(xfXml).join('')}</cellXfs>` +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  '<dxfs count="0"/><tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/></styleSheet>';
