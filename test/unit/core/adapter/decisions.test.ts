/** Reading a recruiter's decisions: the columns, bad rows by number, later rows replacing earlier ones. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decisionsOf, readDecisions } from '../../../../electron/core/adapter/index.js';
import { InputError } from '../../../../electron/core/io/index.js';

const FIXTURES = join(import.meta.dirname, '..', '..', '..', 'fixtures', 'adapter');

describe('decisions file', () => {
  it('reads the fixture: accepted and rejected pairs as written', async () => {
    const { decisions, notes } = await readDecisions(join(FIXTURES, 'decisions.csv'));
    expect(decisions).toHaveLength(13);
    expect(decisions[0]).toEqual({ query: 'Atty', match: 'Lawyer', accept: true });
    expect(decisions[1]).toEqual({ query: 'Atty', match: 'Kitchen Porter', accept: false });
    expect(notes).toEqual([]);
  });

  it('refuses a file without the three columns, naming the missing ones and the columns it has', async () => {
    const e = await readDecisions(join(FIXTURES, 'bad-columns.csv')).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(InputError);
    expect((e as Error).message).toMatch(/bad-columns\.csv is not a decisions file: it needs the columns query, match and decision \(accept or reject\); match, decision are missing \(its columns: "query", "title", "verdict"\)/);
  });

  it('refuses bad rows with their row numbers and what is wrong; Accepted in any case is accept', async () => {
    const e = await readDecisions(join(FIXTURES, 'bad-rows.csv')).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(InputError);
    expect((e as Error).message).toContain('2 row(s) cannot be read as decisions (row 2: the decision "maybe" is not accept or reject; row 3: the query is empty)');
  });

  it('a later decision about the same pair (as normalised) replaces an earlier one, with a note; blank rows are skipped', () => {
    const read = decisionsOf('d.csv', ['Query', 'Match', 'Decision'], [
      ['Sr. Atty', 'Lawyer', 'accept'],
      ['', '', ''],
      ['senior  atty', 'lawyer', 'REJECT'],
    ]);
    expect(read.decisions).toEqual([{ query: 'senior  atty', match: 'lawyer', accept: false }]);
    expect(read.notes).toEqual(['d.csv: 1 pair(s) were decided more than once; the last row of each counts.']);
  });

  it('refuses a file with no decisions', () => {
    expect(() => decisionsOf('e.csv', ['query', 'match', 'decision'], [])).toThrow(/e\.csv has no decisions/);
  });
});
