/** The per-user decision store: saved and read again, export and import through tune's format, and a damaged file that is never lost. */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDecisions } from '../../../../electron/core/adapter/index.js';
import { DecisionStore, decisionsCsv, mergeDecisions, withDecision } from '../../../../electron/core/adapter/store.js';
import { InputError } from '../../../../electron/core/io/index.js';

const fresh = (): string => mkdtempSync(join(tmpdir(), 'titlematch-store-'));

describe('decision store', () => {
  it('keeps decisions across a restart (a new store object on the same file), in the order made', async () => {
    const path = join(fresh(), 'nested', 'decisions.json');
    const store = new DecisionStore(path);
    expect((await store.state()).decisions).toEqual([]);
    await store.decide({ query: 'Atty', match: 'Lawyer', accept: true });
    await store.decide({ query: 'Atty', match: 'Kitchen Porter', accept: false });
    const again = new DecisionStore(path);
    expect(await again.state()).toEqual({
      path,
      error: null,
      decisions: [
        { query: 'Atty', match: 'Lawyer', accept: true },
        { query: 'Atty', match: 'Kitchen Porter', accept: false },
      ],
    });
  });

  it('a new decision about the same pair (as normalised) replaces the old one; undo forgets it', async () => {
    const store = new DecisionStore(join(fresh(), 'decisions.json'));
    await store.decide({ query: 'Sr. Atty', match: 'Lawyer', accept: false });
    await store.decide({ query: 'senior atty', match: 'lawyer', accept: true });
    expect(await store.list()).toEqual([{ query: 'senior atty', match: 'lawyer', accept: true }]);
    await store.decide({ query: 'Sr. Atty', match: 'Lawyer', accept: null });
    expect(await new DecisionStore(store.path).list()).toEqual([]);
  });

  it('keeps every one of several decisions made at once', async () => {
    const path = join(fresh(), 'decisions.json');
    const store = new DecisionStore(path);
    const titles = ['Lawyer', 'Solicitor', 'Barrister', 'Paralegal', 'Judge'];
    await Promise.all(titles.map((match, i) => store.decide({ query: 'Atty', match, accept: i % 2 === 0 })));
    expect((await new DecisionStore(path).list()).map((d) => d.match)).toEqual(titles);
  });

  it('exports the CSV titlematch tune reads, and importing it into another store gives the same decisions', async () => {
    const dir = fresh();
    const store = new DecisionStore(join(dir, 'a.json'));
    await store.decide({ query: 'Atty', match: 'Lawyer', accept: true });
    await store.decide({ query: 'Chef, "Head"', match: 'Kitchen Porter', accept: false });
    await store.decide({ query: '=Nurse', match: 'RN', accept: true });
    const csv = join(dir, 'team.csv');
    expect(await store.exportFile(csv)).toBe(3);
    expect(readFileSync(csv, 'utf8')).toBe('query,match,decision\r\nAtty,Lawyer,accept\r\n"Chef, ""Head""",Kitchen Porter,reject\r\n=Nurse,RN,accept\r\n');
    // The file tune reads is read by tune's own reader, values exactly as decided.
    expect((await readDecisions(csv)).decisions).toEqual(await store.list());
    const other = new DecisionStore(join(dir, 'b.json'));
    await other.decide({ query: 'Atty', match: 'Lawyer', accept: false });
    await other.decide({ query: 'Barista', match: 'Coffee Maker', accept: true });
    expect(await other.importFile(csv)).toEqual({ imported: 3, notes: [] });
    // The imported file's decision about a pair replaces the store's.
    expect(await new DecisionStore(other.path).list()).toEqual([
      { query: 'Barista', match: 'Coffee Maker', accept: true },
      { query: 'Atty', match: 'Lawyer', accept: true },
      { query: 'Chef, "Head"', match: 'Kitchen Porter', accept: false },
      { query: '=Nurse', match: 'RN', accept: true },
    ]);
  });

  it('an import that is not a decisions file changes nothing and says what the file lacks', async () => {
    const dir = fresh();
    const store = new DecisionStore(join(dir, 'a.json'));
    await store.decide({ query: 'Atty', match: 'Lawyer', accept: true });
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, 'title,verdict\nAtty,yes\n');
    const e = await store.importFile(bad).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(InputError);
    expect((e as Error).message).toContain('bad.csv is not a decisions file: it needs the columns query, match and decision');
    expect(await new DecisionStore(store.path).list()).toEqual([{ query: 'Atty', match: 'Lawyer', accept: true }]);
  });

  it('a damaged store says so and what to do, refuses changes without touching the file, and clearing keeps a copy', async () => {
    const dir = fresh();
    const path = join(dir, 'decisions.json');
    const text = '{"format":"titlematch-decisions","version":1,"decisions":[{"query":"Atty","match":"Law';
    writeFileSync(path, text);
    const store = new DecisionStore(path);
    const state = await store.state();
    expect(state.decisions).toEqual([]);
    expect(state.error).toBe(
      `Your saved decisions (${path}) cannot be read: its JSON is cut short or broken. The file is left as it is and no decision is saved to it. Clear the saved decisions to keep a copy of it beside it and start a new store, then import a decisions file exported earlier if you have one.`,
    );
    const refused = await store.decide({ query: 'Atty', match: 'Lawyer', accept: true }).catch((x: unknown) => x);
    expect(refused).toBeInstanceOf(InputError);
    expect((refused as InputError).code).toBe('damaged-store');
    await expect(store.exportFile(join(dir, 'out.csv'))).rejects.toThrow(/cannot be read/);
    expect(readFileSync(path, 'utf8')).toBe(text);
    const kept = await store.clear();
    expect(kept).toMatch(/decisions\.json\.damaged-\d{4}-/);
    expect(readFileSync(kept as string, 'utf8')).toBe(text);
    expect(readdirSync(dir).sort()).toEqual(['decisions.json', kept!.split(/[\\/]/).pop()].sort());
    expect(await new DecisionStore(path).state()).toEqual({ path, decisions: [], error: null });
  });

  it('refuses a store of another version or a foreign JSON file by name', async () => {
    const dir = fresh();
    const newer = join(dir, 'newer.json');
    writeFileSync(newer, JSON.stringify({ format: 'titlematch-decisions', version: 2, decisions: [] }));
    expect((await new DecisionStore(newer).state()).error).toContain('it is version 2 of the store and this TitleMatch reads version 1');
    const foreign = join(dir, 'foreign.json');
    writeFileSync(foreign, JSON.stringify({ decisions: [] }));
    expect((await new DecisionStore(foreign).state()).error).toContain('it is not a decision store');
    const badRow = join(dir, 'bad-row.json');
    writeFileSync(badRow, JSON.stringify({ format: 'titlematch-decisions', version: 1, decisions: [{ query: 'A', match: 'B', decision: 'maybe' }] }));
    expect((await new DecisionStore(badRow).state()).error).toContain('its decision 1 is not a query, a match and accept or reject');
  });

  it('merging keeps one decision per pair, the later list winning; withDecision adds last', () => {
    const a = [{ query: 'Atty', match: 'Lawyer', accept: false }];
    const b = [{ query: 'ATTY', match: 'lawyer', accept: true }, { query: 'RN', match: 'Nurse', accept: true }];
    expect(mergeDecisions(a, b)).toEqual(b);
    expect(withDecision(b, { query: 'atty', match: 'Lawyer', accept: false })).toEqual([b[1], { query: 'atty', match: 'Lawyer', accept: false }]);
    expect(decisionsCsv([])).toBe('query,match,decision\r\n');
  });
});
