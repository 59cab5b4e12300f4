import { describe, expect, it } from 'vitest';
import { reportRows, type RankedMatch } from '../../../../electron/core/pipeline/report.js';

describe('reportRows: a ranking of titles as report rows', () => {
  it('reports a distinct title on every row that carries it, and each match on every row of its title', () => {
    // Query titles: 0 "RN" on rows 0 and 3 (0-based), 1 "CPA" on row 2; corpus title 0 on rows 1 and 4, title 1 on row 0.
    const accountant = { confidence: 0.9 };
    const ranking: RankedMatch[][] = [
      [
        { index: 0, rank: 1, score: 0.8, facets: {} },
        { index: 1, rank: 2, score: 0.3, facets: {} },
      ],
      [{ index: 1, rank: 1, score: 0.7, facets: accountant }],
    ];
    const rows = reportRows(2, (q) => ranking[q], { many: [[0, 3], [2]], zeroBased: true }, { many: [[1, 4], [0]], zeroBased: true });
    expect(rows.map((r) => [r.queryRow, r.rank, r.matchRow, r.score])).toEqual([
      [1, 1, 2, 0.8],
      [1, 1, 5, 0.8],
      [1, 2, 1, 0.3],
      [4, 1, 2, 0.8],
      [4, 1, 5, 0.8],
      [4, 2, 1, 0.3],
      [3, 1, 1, 0.7],
    ]);
    // One facets object per match, shared by the rows it lands on.
    expect(rows[6].facets).toBe(accountant);
  });

  it('keeps the CLI’s one row per title, rows as given, and a title with no kept match out', () => {
    const rows = reportRows(3, (q) => (q === 1 ? [] : [{ index: q === 0 ? 1 : 0, rank: 2, score: 0.5, facets: {} }]), { one: [2, 5, 9] }, { one: [7, 8] });
    expect(rows.map((r) => [r.queryRow, r.rank, r.matchRow])).toEqual([
      [2, 2, 8],
      [9, 2, 7],
    ]);
  });
});
