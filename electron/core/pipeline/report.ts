/**
 * The pipeline's last shared step: a ranking of titles as the report model's rows. The CLI ranks
 * every row's title (one data row per title); the app ranks distinct titles and reports each on
 * every row that carries it. Both hand their kept matches here, facets and all, and get the rows.
 */
import type { MatchFacets, ReportMatch } from '../report/index.js';

/** One kept match of a ranked title: the matched title, its place in the ranking (1-based), its score and facets. */
export interface RankedMatch {
  index: number;
  rank: number;
  score: number;
  /** Shared by every row the match lands on: a report may hold 1,000,000 matches. */
  facets: MatchFacets;
}

/** The data rows of a side's ranked titles (1-based as reports count them): one row per title, or the rows that carry each. */
export type TitleRows = { one: readonly number[] } | { many: readonly (readonly number[])[]; zeroBased: boolean };

function forEachRow(rows: TitleRows, title: number, visit: (row: number) => void): void {
  if ('one' in rows) {
    visit(rows.one[title]);
    return;
  }
  const add = rows.zeroBased ? 1 : 0;
  for (const row of rows.many[title]) visit(row + add);
}

/**
 * The report rows of a ranking: each row carrying query title q gets q's kept matches
 * (`matchesOf(q)`, best first), each once per row carrying the matched title, in title order.
 */
export function reportRows(titles: number, matchesOf: (q: number) => Iterable<RankedMatch>, queryRows: TitleRows, corpusRows: TitleRows): ReportMatch[] {
  const out: ReportMatch[] = [];
  const ranked: { rank: number; matchRow: number; score: number; facets: MatchFacets }[] = [];
  for (let q = 0; q < titles; q++) {
    ranked.length = 0;
    for (const m of matchesOf(q)) forEachRow(corpusRows, m.index, (matchRow) => ranked.push({ rank: m.rank, matchRow, score: m.score, facets: m.facets }));
    forEachRow(queryRows, q, (queryRow) => {
      for (const m of ranked) out.push({ queryRow, rank: m.rank, matchRow: m.matchRow, score: m.score, facets: m.facets });
    });
  }
  return out;
}
