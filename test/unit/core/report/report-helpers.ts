import { join } from 'node:path';
import { readTable } from '../../../../electron/core/io/index.js';
import type { MatchReport, ReportMatch } from '../../../../electron/core/report/index.js';

export const fixtures = join(import.meta.dirname, '../../../fixtures/spreadsheets');

/**
 * A report over the LibreOffice fixture: Candidates (accents, CJK, emoji, a blank row, embedded
 * newlines, a formula-looking title) matched against Openings, with hand-made scores.
 */
export async function sampleReport(both = false): Promise<MatchReport> {
  const book = join(fixtures, 'lo-workbook.xlsx');
  const candidates = await readTable(book, { sheet: 'Candidates' });
  const openings = await readTable(book, { sheet: 'Openings' });
  const matches: ReportMatch[] = [
    { queryRow: 1, rank: 1, matchRow: 3, score: 0.8765 },
    { queryRow: 1, rank: 2, matchRow: 1, score: 0.51234 },
    { queryRow: 2, rank: 1, matchRow: 3, score: 0.7 },
    // row 3 is blank: no title, not listed; row 4 has no match above the threshold
    { queryRow: 5, rank: 1, matchRow: 5, score: -0.05 },
  ];
  const reverse: ReportMatch[] = [{ queryRow: 3, rank: 1, matchRow: 1, score: 0.8765 }];
  const query = { table: candidates, column: 2, label: 'Candidates' };
  const corpus = { table: openings, column: 0, label: 'Openings' };
  return {
    directions: both ? [{ query, corpus, matches }, { query: corpus, corpus: query, matches: reverse }] : [{ query, corpus, matches }],
    run: { model: { name: 'titlematch-bert', version: '1.2.0' }, provider: 'cpu', topK: 2, threshold: -0.1, createdAt: new Date(2024, 2, 15, 14, 30, 5) },
  };
}

/** The Matches rows the sample report must hold, as text a spreadsheet shows (scores with 2 decimals). */
export const MATCHES_HEADER = [
  'Row', 'Candidate ID', 'Name', 'Job Title', 'Email', 'City', 'Applied', 'Salary', 'Match', 'Summary',
  'Rank', 'Matched title', 'Match row', 'Department (match)', 'Location (match)', 'Score',
];

/** The cellXfs entries of a styles.xml, in index order (a cell's s="N" is the Nth). */
export function xfsOf(styles: string): string[] {
  const cellXfs = /<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles)?.[1] ?? '';
  return cellXfs.match(/<xf\b[^>]*?(?:\/>|>[\s\S]*?<\/xf>)/g) ?? [];
}
