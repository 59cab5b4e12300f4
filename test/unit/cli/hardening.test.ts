import { execFileSync } from 'node:child_process';
import { existsSync, linkSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { removePendingTemporaryFiles, writeAtomic } from '../../../electron/core/files/atomic-write.js';
import { tempFolder } from '../core/io/helpers.js';
import { FIXTURES, readCsvRecords, runCli, writeCliModel } from './helpers.js';

// Issue 12, the command line in-process: options, output paths, notes on stderr.
const tmp = tempFolder('titlematch-cli-hardening-');
const model = join(tmp.dir, 'model');
beforeAll(() => writeCliModel(model));

const candidates = join(FIXTURES, 'candidates.csv');
const openings = join(FIXTURES, 'openings.tsv');
const base = ['--model', model, '--provider', 'cpu', '--no-cache'];

describe('negative numbers as option values', () => {
  it('takes --min-score -0.5 as a score', async () => {
    const out = join(tmp.dir, 'negative.csv');
    const run = await runCli(['match', candidates, openings, ...base, '--min-score', '-0.5', '--top', 'all', '--out', out]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    for (const r of (await readCsvRecords(out)).records) expect(Number(r.score)).toBeGreaterThanOrEqual(-0.5);
  });

  it('says what --top needs when given -1', async () => {
    const run = await runCli(['match', candidates, openings, ...base, '--top', '-1']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('titlematch: --top must be a whole number of 1 or more, or all; got "-1".\n');
  });
});

describe('negative numbers elsewhere', () => {
  it('says what --threads needs when given -2 to info', async () => {
    const run = await runCli(['info', '--model', model, '--threads', '-2']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('titlematch: --threads must be a whole number of 1 or more, got "-2".\n');
  });
});

describe('--out names an input through a link', () => {
  const inputs = join(tmp.dir, 'inputs');
  const queries = join(inputs, 'queries.csv');
  const original = 'title\nSoftware Engineer\nRegistered Nurse\n';
  beforeAll(() => {
    mkdirSync(inputs);
    writeFileSync(queries, original);
    symlinkSync(inputs, join(tmp.dir, 'linked-folder'));
    symlinkSync(queries, join(tmp.dir, 'linked-file.csv'));
    linkSync(queries, join(tmp.dir, 'hard-link.csv'));
  });

  it.each([
    ['a linked folder', (): string => join(tmp.dir, 'linked-folder', 'queries.csv'), (): string => queries],
    ['a linked file', (): string => join(tmp.dir, 'linked-file.csv'), (): string => queries],
    ['a linked input', (): string => queries, (): string => join(tmp.dir, 'linked-file.csv')],
    ['a hard link', (): string => join(tmp.dir, 'hard-link.csv'), (): string => queries],
  ])('refuses %s and leaves the input as it was', async (_what, out, input) => {
    for (const format of ['csv', 'json', 'xlsx']) {
      const run = await runCli(['match', input(), openings, ...base, '--out', out(), '--format', format]);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/is one of the input files/);
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
      expect(readFileSync(queries, 'utf8')).toBe(original);
    }
  });
});

describe('--out names that are not plain new files', () => {
  it('writes a name of 250 bytes (its temporary file cannot carry the whole name)', async () => {
    const out = join(tmp.dir, `${'é'.repeat(123)}.csv`);
    const run = await runCli(['match', candidates, openings, ...base, '--top', '1', '--out', out]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect((await readCsvRecords(out)).records.length).toBeGreaterThan(0);
  });

  it('refuses a name too long for the disk in one line', async () => {
    const run = await runCli(['match', candidates, openings, ...base, '--out', join(tmp.dir, `${'a'.repeat(300)}.csv`)]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^titlematch: The name a+\.csv is too long for this disk .* Choose a shorter file name\.\n$/);
  });

  it('refuses a pipe, which renaming would replace', async () => {
    const fifo = join(tmp.dir, 'pipe.csv');
    execFileSync('mkfifo', [fifo]);
    const run = await runCli(['match', candidates, openings, ...base, '--out', fifo]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/pipe\.csv is not a regular file \(a device, pipe or socket\)/);
    expect(statSync(fifo).isFIFO()).toBe(true);
  });
});

describe('notes on stderr', () => {
  it('matches the first title of a list saved without a header, and says so', async () => {
    const list = join(tmp.dir, 'no-header.csv');
    writeFileSync(list, 'Software Engineer\nRegistered Nurse\nTruck Driver\n');
    const out = join(tmp.dir, 'no-header-out.csv');
    const run = await runCli(['match', list, openings, ...base, '--top', '1', '--out', out]);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/^note: .*no-header\.csv has no header row: its first row "Software Engineer" reads as a job title, so it is matched too, as row 1\./);
    const { records } = await readCsvRecords(out);
    expect(records.map((r) => [r.query_row, r.query])).toEqual([
      ['1', 'Software Engineer'],
      ['2', 'Registered Nurse'],
      ['3', 'Truck Driver'],
    ]);
  });

  it('counts the titles cut to 300 characters, and keeps them whole in the output', async () => {
    const long = `Software Engineer ${'and more '.repeat(100)}`.trim();
    const queries = join(tmp.dir, 'long.csv');
    writeFileSync(queries, `title\n${long}\nNurse\n`);
    const out = join(tmp.dir, 'long-out.csv');
    const run = await runCli(['match', queries, openings, ...base, '--top', '1', '--out', out]);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('note: 1 title(s) longer than 300 characters were cut to their first 300 for matching (the output keeps them whole).\n');
    expect((await readCsvRecords(out)).records[0]).toMatchObject({ query: long, match: 'Lead Full Stack Developer' });
  });

  it('passes on what the reader warns about', async () => {
    const queries = join(tmp.dir, 'mixed.csv');
    writeFileSync(queries, Buffer.concat([Buffer.from('title\nDéveloppeur\nNurse\n'), Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x0a])]));
    const run = await runCli(['match', queries, openings, ...base, '--top', '1']);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/^note: .*mixed\.csv: 1 byte\(s\) are not valid UTF-8 \(the first in line 4\)/);
  });
});

describe('temporary files', () => {
  it('are removed when the process is stopped during a write', async () => {
    const dir = join(tmp.dir, 'stopped');
    mkdirSync(dir);
    let release!: () => void;
    const writing = writeAtomic(join(dir, 'report.csv'), (out) => {
      out.write('partial');
      return new Promise<void>((resolve) => (release = resolve));
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toHaveLength(1);
    removePendingTemporaryFiles();
    expect(readdirSync(dir)).toEqual([]);
    release();
    await writing.catch(() => undefined);
  });

  it('left by a killed writer of the same file are removed by the next write', async () => {
    const dir = join(tmp.dir, 'killed');
    mkdirSync(dir);
    // Process ids above the kernel's pid_max (4194304 at most) belong to no process.
    const stale = join(dir, '.report.csv.4999999.0a1b2c3d.tmp');
    const other = join(dir, '.other.csv.4999999.0a1b2c3d.tmp');
    const live = join(dir, `.report.csv.${process.pid}.0a1b2c3d.tmp`);
    for (const f of [stale, other, live]) writeFileSync(f, 'x'.repeat(1000));
    await writeAtomic(join(dir, 'report.csv'), (out) => {
      out.write('done');
      return Promise.resolve();
    });
    expect(existsSync(stale)).toBe(false);
    expect(existsSync(other)).toBe(true);
    expect(existsSync(live)).toBe(true);
    expect(readFileSync(join(dir, 'report.csv'), 'utf8')).toBe('done');
  });
});
