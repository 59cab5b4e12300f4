/** Issue 11 part 1 through the CLI: --seniority ignore|prefer|require with the bundled model. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { levelDistance, seniorityPenalty, type SeniorityLevel } from '../../../electron/contract/seniority.js';
import { readTable } from '../../../electron/core/io/index.js';
import { tempFolder } from '../core/io/helpers.js';
import { FIXTURES, readCsvRecords, runCli } from './helpers.js';

const openings = join(FIXTURES, 'seniority-openings.csv');
const candidates = join(FIXTURES, 'seniority-candidates.csv');
const bundled = ['--provider', 'cpu', '--no-cache'];
const tmp = tempFolder('titlematch-cli-seniority-').dir;

interface JsonRow {
  query_row: number;
  query: string;
  rank: number;
  match_row: number;
  match: string;
  score: number;
  model_score: number;
  seniority_query: SeniorityLevel;
  seniority_match: SeniorityLevel;
  confidence: number;
}

async function json(...args: string[]): Promise<JsonRow[]> {
  const run = await runCli(['match', openings, candidates, '--format', 'json', ...bundled, ...args]);
  expect(run).toMatchObject({ code: 0, stderr: '' });
  return JSON.parse(run.stdout) as JsonRow[];
}

const forQuery = (rows: JsonRow[], query: string): JsonRow[] => rows.filter((r) => r.query === query);

describe('titlematch match --seniority', () => {
  it('prefer is the default: each score is the model score less the documented amount per level, and ranks by it', async () => {
    const rows = await json('--top', 'all');
    expect(await json('--top', 'all', '--seniority', 'prefer')).toEqual(rows);
    expect(rows).toHaveLength(3 * 13);
    for (const r of rows) {
      expect(r.score).toBeCloseTo(r.model_score - seniorityPenalty(levelDistance(r.seniority_query, r.seniority_match)), 4);
    }
    for (const q of ['Senior Graphic Designer', 'Junior Software Engineer', 'Registered Nurse']) {
      const scores = forQuery(rows, q).map((r) => r.score);
      expect(scores).toEqual([...scores].sort((a, b) => b - a));
    }
    expect(forQuery(rows, 'Junior Software Engineer')[0]).toMatchObject({ seniority_query: 'entry' });
    expect(forQuery(rows, 'Senior Graphic Designer').map((r) => r.seniority_match)).toContain('intern');
  });

  it('moves a junior opening’s first match from a senior engineer to a mid-level one; ignore keeps the model’s order', async () => {
    const ignore = forQuery(await json('--top', '3', '--seniority', 'ignore'), 'Junior Software Engineer');
    const prefer = forQuery(await json('--top', '3'), 'Junior Software Engineer');
    for (const r of ignore) expect(r.score).toBe(r.model_score);
    // The bundled model scores these two within a few thousandths of each other (0.848, 0.844).
    expect(ignore[0]).toMatchObject({ match: 'Senior Software Engineer', seniority_match: 'senior' });
    expect(prefer[0]).toMatchObject({ match: 'Software Engineer', seniority_match: 'mid' });
    // The occupation still dominates: the adjustment never lets another job in above them.
    expect(prefer.map((r) => r.match).every((m) => m.includes('Software Engineer'))).toBe(true);
  });

  it('keeps the same top K as ranking the whole list, after re-ranking', async () => {
    const all = await json('--top', 'all');
    const top2 = await json('--top', '2');
    for (const q of ['Senior Graphic Designer', 'Junior Software Engineer', 'Registered Nurse']) {
      expect(forQuery(top2, q)).toEqual(forQuery(all, q).slice(0, 2));
    }
  });

  it('require keeps only matches within one level, with the model’s own scores', async () => {
    const rows = await json('--top', 'all', '--seniority', 'require');
    const all = await json('--top', 'all', '--seniority', 'ignore');
    expect(rows.length).toBeGreaterThan(0);
    expect(rows).toHaveLength(all.filter((r) => levelDistance(r.seniority_query, r.seniority_match) <= 1).length);
    for (const r of rows) {
      expect(levelDistance(r.seniority_query, r.seniority_match)).toBeLessThanOrEqual(1);
      expect(r.score).toBe(r.model_score);
      // Confidence reads the model score against the query's best over the whole list, whatever require dropped.
      expect(r.confidence).toBe(all.find((a) => a.query_row === r.query_row && a.match_row === r.match_row)?.confidence);
    }
    expect(forQuery(rows, 'Senior Graphic Designer').map((r) => r.match)).not.toContain('Graphic Design Intern');
  });

  it('the CSV keeps its six columns, its score being the one the ranking used', async () => {
    const out = join(tmp, 'prefer.csv');
    expect((await runCli(['match', openings, candidates, '--top', '3', '--out', out, ...bundled])).code).toBe(0);
    const { columns, records } = await readCsvRecords(out);
    expect(columns).toEqual(['query_row', 'query', 'rank', 'match_row', 'match', 'score']);
    const rows = await json('--top', '3');
    expect(records.map((r) => [r.match, r.score])).toEqual(rows.map((r) => [r.match, r.score.toFixed(4)]));
    expect(rows.some((r) => r.score !== r.model_score)).toBe(true);
  });

  it('--min-score applies to the score after the adjustment', async () => {
    const rows = await json('--top', 'all', '--min-score', '0.8');
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect(r.score).toBeGreaterThanOrEqual(0.8);
    const all = await json('--top', 'all');
    expect(rows).toEqual(all.filter((r) => r.score >= 0.8));
  });

  it('XLSX and HTML reports show both levels and the model score beside the adjusted one, and name the mode', async () => {
    const out = join(tmp, 'seniority.xlsx');
    expect((await runCli(['match', openings, candidates, '--top', '2', '--out', out, ...bundled])).code).toBe(0);
    const sheet = await readTable(out);
    const at = sheet.columns.indexOf('Score');
    expect(sheet.columns.slice(at, at + 4)).toEqual(['Score', 'Model score', 'Seniority (query)', 'Seniority (match)']);
    const rows = await json('--top', '2');
    expect(sheet.rows.map((r) => [r[at], r[at + 1], r[at + 2], r[at + 3]])).toEqual(
      rows.map((r) => [r.score.toFixed(2), r.model_score.toFixed(2), r.seniority_query, r.seniority_match]),
    );
    const summary = new Map((await readTable(out, { sheet: 'Summary', header: false })).rows.map((r) => [r[0], r[1]]));
    expect(summary.get('Seniority')).toBe('prefer (0.03 off the score per level of difference, at most 0.09)');

    // The printable report: the query's level under its title, the match's after its title, the
    // model's score under the adjusted one (a printed page has no room for more columns).
    const printed = await runCli(['match', openings, candidates, '--top', '2', '--format', 'html', ...bundled]);
    expect(printed.stdout).toContain('<th scope="col">Match · seniority<span class="sub">row · Name</span></th><th scope="col" class="score">Score<span class="sub">model score</span></th>');
    expect(printed.stdout).toContain('<span class="title">Junior Software Engineer</span><span class="meta">row 2 · R2</span><span class="meta">seniority: entry</span>');
    const first = rows.find((r) => r.query === 'Junior Software Engineer' && r.rank === 1);
    expect(printed.stdout).toContain(
      `<span class="title">${first?.match}</span><span class="level"> · ${first?.seniority_match}</span><span class="meta">row ${first?.match_row} · Finn</span></td>` +
        `<td class="score"><span class="bar" aria-hidden="true"><span class="high" style="width:${Math.round((first?.score ?? 0) * 100)}%"></span></span><span class="value">${first?.score.toFixed(2)}</span><span class="model">model ${first?.model_score.toFixed(2)}</span></td>`,
    );
    const html = await runCli(['match', openings, candidates, '--top', '2', '--format', 'html', '--seniority', 'require', ...bundled]);
    expect(html.stdout).toContain('<th scope="col" class="score">Score</th>');
    expect(html.stdout).not.toContain('model score');
    expect(html.stdout).toContain('within one seniority level');
    expect(html.stdout).toContain('require (only matches within one level of their query are kept)');
  });

  it('a bad value is refused with exit 2 and one line naming the choices; --help names the option', async () => {
    const run = await runCli(['match', openings, candidates, '--seniority', 'strict', ...bundled]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain('--seniority must be ignore, prefer or require; got "strict".');
    const help = await runCli(['match', '--help']);
    expect(help.stdout).toMatch(/--seniority MODE +ignore, prefer, require \(default prefer\)/);
  });
});
