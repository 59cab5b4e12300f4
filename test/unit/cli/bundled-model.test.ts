/** The CLI end to end with the bundled model (no --model): the rankings the product promises. */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readTable } from '../../../electron/core/io/index.js';
import { FIXTURES, runCli } from './helpers.js';

describe('titlematch match with the bundled model', () => {
  it('ranks the product examples as promised', async () => {
    const run = await runCli(['match', join(FIXTURES, 'product-queries.csv'), join(FIXTURES, 'product-corpus.csv'), '--top', 'all', '--format', 'json']);
    expect(run.code).toBe(0);
    const rows = JSON.parse(run.stdout) as { query: string; rank: number; match: string; match_row: number }[];
    expect(rows).toHaveLength(3 * 7);
    const rankOf = (query: string, match: string): number | undefined => rows.find((r) => r.query === query && r.match === match)?.rank;
    expect(rankOf('Senior Software Engineer', 'Lead Full Stack Developer')).toBeLessThan(rankOf('Senior Software Engineer', 'Marketing Manager') ?? 0);
    expect(rankOf('RN', 'Registered Nurse')).toBe(1);
    expect(rankOf('CPA', 'Accountant')).toBeLessThan(rankOf('CPA', 'Truck Driver') ?? 0);
    expect(rows.find((r) => r.match === 'Registered Nurse')?.match_row).toBe(5);
  });

  it('reads German titles against English ones with the multilingual model, says so, and names it in the report', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'tm-cli-route-'));
    try {
      const queries = join(dir, 'lebenslaeufe.csv');
      const corpus = join(dir, 'openings.csv');
      await writeFile(queries, 'Berufsbezeichnung\nBuchhalterin\nLKW-Fahrer\nKrankenpfleger\n');
      await writeFile(corpus, 'Job title\nMarketing Manager\nLead Full Stack Developer\nRegistered Nurse\nTruck Driver\nAccountant\n');
      const run = await runCli(['match', queries, corpus, '--top', '1', '--format', 'json', '--no-cache']);
      expect(run.code).toBe(0);
      expect(run.stderr).toMatch(/^note: model: the multilingual model: \d+% of the titles are in other languages \(German 3\)/m);
      const best = Object.fromEntries((JSON.parse(run.stdout) as { query: string; match: string }[]).map((r) => [r.query, r.match]));
      expect(best).toEqual({ Buchhalterin: 'Accountant', 'LKW-Fahrer': 'Truck Driver', Krankenpfleger: 'Registered Nurse' });

      const xlsx = join(dir, 'report.xlsx');
      expect((await runCli(['match', queries, corpus, '--top', '1', '--out', xlsx, '--no-cache'])).code).toBe(0);
      const summary = (await readTable(xlsx, { sheet: 'Summary', header: false })).rows.map((row) => row.join(' ')).join('\n');
      expect(summary).toContain('Model titlematch-job-encoder-multilingual');
      expect(summary).toMatch(/Model choice the multilingual model: \d+% of the titles are in other languages/);

      // --model english fixes the English model, and English lists keep it without a note.
      const fixed = await runCli(['match', queries, corpus, '--top', '1', '--out', xlsx, '--no-cache', '--model', 'english']);
      expect(fixed.code).toBe(0);
      expect(fixed.stderr).not.toMatch(/multilingual/);
      const english = (await readTable(xlsx, { sheet: 'Summary', header: false })).rows.map((row) => row.join(' ')).join('\n');
      expect(english).toContain('Model choice the English model, as set');
      const plain = await runCli(['match', join(FIXTURES, 'product-queries.csv'), join(FIXTURES, 'product-corpus.csv'), '--format', 'json', '--no-cache']);
      expect(plain.stderr).not.toMatch(/model:/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('prints info for the bundled model', async () => {
    const run = await runCli(['info']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^provider: +\w+ \(.+\)$/m);
    expect(run.stdout).toMatch(/^threads: +\d+$/m);
  });
});
