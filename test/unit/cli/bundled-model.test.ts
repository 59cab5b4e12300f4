/** The CLI end to end with the bundled model (no --model): the rankings the product promises. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
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

  it('prints info for the bundled model', async () => {
    const run = await runCli(['info']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^provider: +\w+ \(.+\)$/m);
    expect(run.stdout).toMatch(/^threads: +\d+$/m);
  });
});
