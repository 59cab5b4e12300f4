import type { Bucket } from '../../contract/confidence.js';
import type { MatchFacets, ReportDirection, ReportMatch, ReportSide } from './types.js';

/** A report cell: text, a number with the way it is shown, or a bucket (its word, coloured). */
export type ReportCell = string | { number: number; format: 'integer' | 'score' | 'percent' } | { bucket: Bucket };

/** A column of a direction's table: its header and what kind of values it holds. */
export interface ReportColumn {
  header: string;
  kind: 'row' | 'carried' | 'rank' | 'title' | 'score' | 'facet';
}

/** The optional match columns, in the order reports show them, with their headers. */
export const FACET_COLUMNS: readonly { facet: keyof MatchFacets; header: string }[] = [
  { facet: 'modelScore', header: 'Model score' },
  { facet: 'seniorityQuery', header: 'Seniority (query)' },
  { facet: 'seniorityMatch', header: 'Seniority (match)' },
  { facet: 'confidence', header: 'Confidence' },
  { facet: 'bucket', header: 'Bucket' },
  { facet: 'code', header: 'Code' },
  { facet: 'via', header: 'Title that matched' },
  { facet: 'decision', header: 'Decision' },
];

/** The optional columns some match of a direction carries (the others are not shown at all). */
export function presentFacets(dir: ReportDirection): (typeof FACET_COLUMNS)[number][] {
  const present = new Set<keyof MatchFacets>();
  for (const m of dir.matches) {
    if (!m.facets) continue;
    for (const { facet } of FACET_COLUMNS) if ((m.facets[facet] ?? '') !== '') present.add(facet);
  }
  return FACET_COLUMNS.filter((c) => present.has(c.facet));
}

/** The label of a side in headings. */
export function sideLabel(side: ReportSide, index: 0 | 1): string {
  return side.label ?? (index === 0 ? 'Queries' : 'Corpus');
}

/**
 * The columns of a direction: the query's row number and every query column (its title among them,
 * untouched), then rank, the matched title, the match's row number, the match's other columns
 * (named "<column> (match)"), the score, and the optional columns some match carries. Headers are
 * made unique.
 */
export function directionColumns(dir: ReportDirection): ReportColumn[] {
  const cols: ReportColumn[] = [{ header: 'Row', kind: 'row' }];
  for (const c of dir.query.table.columns) cols.push({ header: c, kind: 'carried' });
  cols.push({ header: 'Rank', kind: 'rank' }, { header: 'Matched title', kind: 'title' }, { header: 'Match row', kind: 'row' });
  dir.corpus.table.columns.forEach((c, i) => {
    if (i !== dir.corpus.column) cols.push({ header: `${c} (match)`, kind: 'carried' });
  });
  cols.push({ header: 'Score', kind: 'score' });
  for (const f of presentFacets(dir)) cols.push({ header: f.header, kind: 'facet' });
  // Headers stay unique (" (2)", " (3)"... as the reader names repeats), so each can be filtered on.
  const seen = new Set<string>();
  for (const c of cols) {
    let name = c.header;
    for (let k = 2; seen.has(name.toLowerCase()); k++) name = `${c.header} (${k})`;
    seen.add(name.toLowerCase());
    c.header = name;
  }
  return cols;
}

/** The title in a data row (1-based), trimmed; '' when the row has none. */
export function titleAt(side: ReportSide, row: number): string {
  return (side.table.rows[row - 1]?.[side.column] ?? '').trim();
}

/** Groupings made already: the Summary's figures, the sheet and the printable report all read one. */
const grouped = new WeakMap<readonly ReportMatch[], Map<number, ReportMatch[]>>();

/** The matches of a direction grouped by query row, best rank first (made once per list of matches; do not change it). */
export function matchesByRow(matches: readonly ReportMatch[]): Map<number, ReportMatch[]> {
  let byRow = grouped.get(matches);
  if (!byRow) grouped.set(matches, (byRow = groupByRow(matches)));
  return byRow;
}

function groupByRow(matches: readonly ReportMatch[]): Map<number, ReportMatch[]> {
  const byRow = new Map<number, ReportMatch[]>();
  for (const m of matches) {
    let list = byRow.get(m.queryRow);
    if (!list) byRow.set(m.queryRow, (list = []));
    list.push(m);
  }
  // Rankings arrive best first; sort only a list that does not.
  for (const list of byRow.values()) {
    for (let i = 1; i < list.length; i++) {
      if (list[i].rank < list[i - 1].rank) {
        list.sort((a, b) => a.rank - b.rank);
        break;
      }
    }
  }
  return byRow;
}

/**
 * The rows of a direction's table, in query row order then rank. A query row with a title and no
 * match gets one line with rank, match and score left blank; rows without a title are left out.
 */
export function* directionRows(dir: ReportDirection): Generator<ReportCell[]> {
  const byRow = matchesByRow(dir.matches);
  const qWidth = dir.query.table.columns.length;
  const cWidth = dir.corpus.table.columns.length;
  const rows = dir.query.table.rows;
  const facets = presentFacets(dir);
  for (let r = 1; r <= rows.length; r++) {
    if (titleAt(dir.query, r) === '') continue;
    const cells = rows[r - 1];
    const head: ReportCell[] = [{ number: r, format: 'integer' }];
    for (let i = 0; i < qWidth; i++) head.push(cells[i] ?? '');
    const list = byRow.get(r);
    if (!list || list.length === 0) {
      const blank: ReportCell[] = ['', '', ''];
      for (let i = 0; i < cWidth; i++) if (i !== dir.corpus.column) blank.push('');
      blank.push('');
      for (let i = 0; i < facets.length; i++) blank.push('');
      yield [...head, ...blank];
      continue;
    }
    for (const m of list) {
      const match = dir.corpus.table.rows[m.matchRow - 1] ?? [];
      const line: ReportCell[] = [...head, { number: m.rank, format: 'integer' }, (match[dir.corpus.column] ?? '').trim(), { number: m.matchRow, format: 'integer' }];
      for (let i = 0; i < cWidth; i++) if (i !== dir.corpus.column) line.push(match[i] ?? '');
      line.push({ number: m.score, format: 'score' });
      for (const f of facets) line.push(facetCell(m.facets, f.facet));
      yield line;
    }
  }
}

/** The cell of an optional column: a confidence as a percentage, a model score as a score, a bucket as itself, text as is. */
export function facetCell(facets: MatchFacets | undefined, facet: keyof MatchFacets): ReportCell {
  const v = facets?.[facet];
  if (v === undefined) return '';
  if (facet === 'confidence') return { number: v as number, format: 'percent' };
  if (facet === 'modelScore') return { number: v as number, format: 'score' };
  if (facet === 'bucket') return { bucket: v as Bucket };
  return v as string;
}

/** Data rows with a title, and distinct titles (trimmed), of one side. */
export function sideCounts(side: ReportSide): { rows: number; titled: number; distinct: number } {
  const seen = new Set<string>();
  let titled = 0;
  side.table.rows.forEach((_, i) => {
    const t = titleAt(side, i + 1);
    if (t === '') return;
    titled++;
    seen.add(t);
  });
  return { rows: side.table.rows.length, titled, distinct: seen.size };
}

/** A direction's name, for sheet names and headings ("Matches", "Reverse matches"). */
export function directionName(dir: ReportDirection, index: number): string {
  return dir.sheetName ?? (index === 0 ? 'Matches' : 'Reverse matches');
}
