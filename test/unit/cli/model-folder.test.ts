/** The CLI's reports name a --model DIR model with its folder, as the app's do; the bundled model is named without one. */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readTable } from '../../../electron/core/io/index.js';
import { tempFolder } from '../core/io/helpers.js';
import { FIXTURES, runCli, writeCliModel } from './helpers.js';

const queries = join(FIXTURES, 'candidates.csv');
const corpus = join(FIXTURES, 'openings.tsv');
const tmp = tempFolder('titlematch-cli-model-folder-').dir;
const own = join(tmp, 'acme-titles');
beforeAll(() => writeCliModel(own));

describe('reports of a model from a folder', () => {
  it('name it with its folder in the HTML header and the XLSX Summary', async () => {
    const html = await runCli(['match', queries, corpus, '--model', own, '--provider', 'cpu', '--no-cache', '--format', 'html']);
    expect(html.code).toBe(0);
    expect(html.stdout).toContain(`Model acme-titles unversioned (folder ${own}) on cpu`);
    const out = join(tmp, 'report.xlsx');
    expect((await runCli(['match', queries, corpus, '--model', own, '--provider', 'cpu', '--no-cache', '--out', out])).code).toBe(0);
    const summary = (await readTable(out, { sheet: 'Summary', header: false })).rows;
    expect(summary.find((row) => row[0] === 'Model')?.[1]).toBe(`acme-titles unversioned (folder ${own})`);
  });

  it('name the bundled model without a folder', async () => {
    const html = await runCli(['match', queries, corpus, '--provider', 'cpu', '--no-cache', '--format', 'html']);
    expect(html.code).toBe(0);
    expect(html.stdout).toMatch(/Model titlematch-job-encoder \d+\.\d+\.\d+ on cpu/);
    expect(html.stdout).not.toContain('(folder ');
  });
});
