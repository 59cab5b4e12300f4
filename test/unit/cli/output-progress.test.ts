import { describe, expect, it } from 'vitest';
import { renderOutput, type MatchRow } from '../../../electron/cli/output.js';
import { csvField, formatScore } from '../../../electron/core/report/csv-field.js';
import { ProgressReporter } from '../../../electron/cli/progress.js';

describe('CSV and JSON rendering', () => {
  it('quotes fields as RFC 4180 says', () => {
    expect(csvField('Nurse')).toBe('Nurse');
    expect(csvField('Nurse, Registered')).toBe('"Nurse, Registered"');
    expect(csvField('The "Boss"')).toBe('"The ""Boss"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
  });

  it('prints scores with 4 decimals and never -0.0000', () => {
    expect(formatScore(0.123456)).toBe('0.1235');
    expect(formatScore(-0.00001)).toBe('0.0000');
    expect(formatScore(1)).toBe('1.0000');
  });

  it('renders an empty result as a header alone, or an empty JSON array', () => {
    expect([...renderOutput([], 'csv')].join('')).toBe('query_row,query,rank,match_row,match,score\n');
    expect(JSON.parse([...renderOutput([], 'json')].join(''))).toEqual([]);
  });

  it('renders many rows in several chunks without losing any', () => {
    const rows: MatchRow[] = Array.from({ length: 20_000 }, (_, i) => ({ query_row: i + 1, query: 'q', rank: 1, match_row: 1, match: 'm', score: 0.5 }));
    const chunks = [...renderOutput(rows, 'csv')];
    expect(chunks.length).toBeGreaterThan(1);
    expect(chunks.join('').trim().split('\n')).toHaveLength(20_001);
    expect(JSON.parse([...renderOutput(rows, 'json')].join(''))).toHaveLength(20_000);
  });
});

describe('ProgressReporter', () => {
  function fake(isTTY = false): { lines: string[]; clock: { t: number }; reporter: ProgressReporter } {
    const lines: string[] = [];
    const clock = { t: 0 };
    const reporter = new ProgressReporter({ write: (s: string) => lines.push(s), isTTY }, () => clock.t);
    return { lines, clock, reporter };
  }

  it('prints nothing for a run that ends within a second', () => {
    const { lines, clock, reporter } = fake();
    reporter.update('encoding', 10, 100);
    clock.t = 900;
    reporter.update('encoding', 100, 100);
    reporter.finish();
    expect(lines).toEqual([]);
  });

  it('prints progress after a second, at most once per interval, and the total time', () => {
    const { lines, clock, reporter } = fake();
    clock.t = 1200;
    reporter.update('encoding', 1000, 4000);
    clock.t = 1500;
    reporter.update('encoding', 2000, 4000); // too soon
    clock.t = 2300;
    reporter.update('encoding', 3000, 4000);
    reporter.update('matching', 1, 10); // a new phase prints at once
    clock.t = 2500;
    reporter.finish('done');
    expect(lines).toEqual([
      'titlematch: encoding 1,000/4,000 (25%)\n',
      'titlematch: encoding 3,000/4,000 (75%)\n',
      'titlematch: matching 1/10 (10%)\n',
      'titlematch: done in 2.5 s\n',
    ]);
  });

  it('rewrites one line on a terminal', () => {
    const { lines, clock, reporter } = fake(true);
    clock.t = 1500;
    reporter.update('encoding', 1, 2);
    reporter.finish();
    expect(lines[0]).toMatch(/^\r\x1b\[2Ktitlematch: encoding 1\/2/);
    expect(lines.slice(1)).toEqual(['\n', 'titlematch: done in 1.5 s\n']);
  });
});
