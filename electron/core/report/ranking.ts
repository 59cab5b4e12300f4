import type { ReportMatch } from './types.js';

/**
 * Ranked titles by distinct title, as the app's match service keeps them: the entries for title i
 * are at [i*k, i*k+k), best first; `indices` point into the other side's titles, -1 pads.
 */
export interface TitleRanking {
  k: number;
  indices: readonly number[];
  scores: readonly number[];
}

/**
 * Expands a ranking by distinct title into report matches by row: every query row that carries a
 * title gets that title's matches, each pointing at the first corpus row that carries the matched
 * title. `queryRows[i]` and `corpusRows[j]` are the 0-based data rows carrying title i and j.
 */
export function matchesFromRanking(
  ranking: TitleRanking,
  queryRows: readonly (readonly number[])[],
  corpusRows: readonly (readonly number[])[],
  options: { topK?: number; threshold?: number } = {},
): ReportMatch[] {
  const k = Math.min(ranking.k, options.topK ?? ranking.k);
  const out: ReportMatch[] = [];
  queryRows.forEach((rows, i) => {
    const picked: { matchRow: number; score: number }[] = [];
    for (let j = 0; j < k; j++) {
      const idx = ranking.indices[i * ranking.k + j];
      if (idx === undefined || idx < 0) break;
      const score = ranking.scores[i * ranking.k + j];
      if (options.threshold !== undefined && score < options.threshold) continue;
      const first = corpusRows[idx]?.[0];
      if (first === undefined) continue;
      picked.push({ matchRow: first + 1, score });
    }
    for (const r of rows) picked.forEach((p, rank) => out.push({ queryRow: r + 1, rank: rank + 1, matchRow: p.matchRow, score: p.score }));
  });
  return out;
}
