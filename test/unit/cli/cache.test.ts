/** `titlematch match --cache DIR` and `--no-cache`: the second run encodes nothing and writes the same output. */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FIXTURES, runCli, writeCliModel } from './helpers.js';

let dir: string;
let model: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tm-cli-cache-'));
  model = join(dir, 'model');
  await writeCliModel(model);
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const files = (): string[] => [join(FIXTURES, 'candidates.csv'), join(FIXTURES, 'openings.tsv')];

describe('titlematch match and the title cache', () => {
  it('fills the cache on the first run and gives the same matches from it on the second', async () => {
    const cache = join(dir, 'cache');
    const first = await runCli(['match', ...files(), '--model', model, '--cache', cache, '--out', join(dir, 'a.csv')]);
    expect(first.code).toBe(0);
    const [file] = await readdir(join(cache, 'embeddings'));
    const data = await readFile(join(cache, 'embeddings', file));
    expect(data.subarray(0, 8).toString()).toBe('TMEMB001');

    const second = await runCli(['match', ...files(), '--model', model, '--cache', cache, '--out', join(dir, 'b.csv')]);
    expect(second.code).toBe(0);
    expect(await readFile(join(dir, 'b.csv'), 'utf8')).toBe(await readFile(join(dir, 'a.csv'), 'utf8'));
    // Nothing new to encode, so the file was not rewritten.
    expect((await readFile(join(cache, 'embeddings', file))).equals(data)).toBe(true);
    const header = JSON.parse(data.toString('utf8', 12, 12 + data.readUInt32LE(8))) as { count: number };
    expect(header.count).toBeGreaterThan(3);
  });

  it('writes nothing with --no-cache, and refuses --cache with --no-cache', async () => {
    const cache = join(dir, 'cache');
    const run = await runCli(['match', ...files(), '--model', model, '--no-cache', '--out', join(dir, 'a.csv')]);
    expect(run.code).toBe(0);
    await expect(readdir(cache)).rejects.toThrow(/ENOENT/);
    const both = await runCli(['match', ...files(), '--model', model, '--no-cache', '--cache', cache]);
    expect(both.code).toBe(2);
    expect(both.stderr).toMatch(/--cache and --no-cache/);
  });
});
