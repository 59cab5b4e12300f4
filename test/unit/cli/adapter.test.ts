/** Issue 10 on the command line: tune, match --adapter and eval --adapter, their refusals and exit codes. */
import { readFile, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseAdapter, serializeAdapter } from '../../../electron/core/adapter/index.js';
import { bundledModelDir } from '../../../electron/core/engine/index.js';
import { tempFolder } from '../core/io/helpers.js';
import { runCli, writeCliModel } from './helpers.js';

const DIR = join(import.meta.dirname, '..', '..', 'fixtures', 'adapter');
const decisions = join(DIR, 'decisions.csv');
const candidates = join(DIR, 'candidates.csv');
const openings = join(DIR, 'openings.csv');
const bundled = ['--provider', 'cpu', '--no-cache'];
const tmp = tempFolder('titlematch-cli-adapter-');
/** The bundled model's version, as its manifest names it (adapters name their model). */
const VERSION = (JSON.parse(readFileSync(join(bundledModelDir(), 'manifest.json'), 'utf8')) as { version: string }).version;
const versionRe = VERSION.replace(/\./g, '\\.');
const adapter = join(tmp.dir, 'recruiter.adapter');
const tiny = join(tmp.dir, 'tiny-model');

interface JsonRow {
  query: string;
  rank: number;
  match: string;
  score: number;
  confidence?: number;
}

beforeAll(async () => {
  await writeCliModel(tiny);
  const run = await runCli(['tune', decisions, '--out', adapter, '--provider', 'cpu']);
  expect(run).toMatchObject({ code: 0, stdout: '' });
  expect(run.stderr).toBe(`wrote ${adapter}: 13 decisions (6 accepted, 7 rejected) for titlematch-job-encoder ${VERSION}\n`);
}, 60_000);

async function json(args: string[]): Promise<JsonRow[]> {
  const run = await runCli(['match', candidates, openings, '--format', 'json', '--top', 'all', ...bundled, ...args]);
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout) as JsonRow[];
}

describe('titlematch tune', () => {
  it('writes a small adapter file naming the bundled model and holding the decisions', async () => {
    const text = await readFile(adapter, 'utf8');
    const file = parseAdapter(text, adapter);
    expect(file.model.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(file.decisions).toHaveLength(13);
    expect(file.map).toBeUndefined();
    expect(text.length).toBeLessThan(3000);
  });

  it('--map also learns the low-rank map, which round-trips', async () => {
    const out = join(tmp.dir, 'with-map.adapter');
    const run = await runCli(['tune', decisions, '--out', out, '--map', '--provider', 'cpu']);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/a rank-16 map learned in \d+\.\d s\n$/);
    expect(parseAdapter(await readFile(out, 'utf8'), out).map?.dim).toBe(256);
  });

  it('--prototype writes the share an accepted match moves (0 without it)', async () => {
    expect(parseAdapter(await readFile(adapter, 'utf8'), adapter).settings.prototype).toBe(0);
    const out = join(tmp.dir, 'prototype.adapter');
    const run = await runCli(['tune', decisions, '--out', out, '--prototype', '0.3', '--provider', 'cpu']);
    expect(run.code).toBe(0);
    expect(parseAdapter(await readFile(out, 'utf8'), out).settings.prototype).toBe(0.3);
  });

  it('refuses with exit 2 and one line: wrong columns, bad rows, no --out, the decisions file as --out, a model without a manifest', async () => {
    const cases: [string[], RegExp][] = [
      [['tune', join(DIR, 'bad-columns.csv'), '--out', join(tmp.dir, 'x.adapter')], /is not a decisions file: it needs the columns query, match and decision/],
      [['tune', join(DIR, 'bad-rows.csv'), '--out', join(tmp.dir, 'x.adapter')], /2 row\(s\) cannot be read as decisions \(row 2: the decision "maybe" is not accept or reject; row 3: the query is empty\)/],
      [['tune', decisions], /give it with --out FILE/],
      [['tune', decisions, '--out', decisions], /is the decisions file/],
      [['tune', decisions, '--out', join(tmp.dir, 'x.adapter'), '--prototype', '2'], /--prototype must be a number from 0 to 1, got "2"/],
      [['tune', join(DIR, 'missing.csv'), '--out', join(tmp.dir, 'x.adapter')], /missing\.csv/],
      [['tune', decisions, '--out', join(tmp.dir, 'x.adapter'), '--model', tiny], /has no manifest\.json recording the sha256 of model\.onnx/],
    ];
    for (const [args, message] of cases) {
      const run = await runCli(args);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr).toMatch(message);
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
    }
  });
});

describe('titlematch match --adapter', () => {
  it('pins accepted exact pairs first and never shows rejected ones; without the adapter they show', async () => {
    const plain = await json([]);
    const atty = (rows: JsonRow[]): string[] => rows.filter((r) => r.query === 'Atty').map((r) => r.match);
    expect(atty(plain)).toContain('Kitchen Porter');
    expect(atty(plain)).toContain('Paralegal');
    const rows = await json(['--adapter', adapter]);
    expect(atty(rows)[0]).toBe('Lawyer');
    expect(atty(rows)).not.toContain('Kitchen Porter');
    expect(atty(rows)).not.toContain('Paralegal');
    expect(atty(rows)).toHaveLength(atty(plain).length - 2);
    expect(rows.filter((r) => r.query === 'Sous Chef').map((r) => r.match)).not.toContain('Kitchen Porter');
    // Re-matching with a small top-K and a high --min-score: still pinned, still hidden.
    const again = await runCli(['match', candidates, openings, '--top', '1', '--min-score', '0.99', '--adapter', adapter, ...bundled]);
    expect(again.code).toBe(0);
    const lines = again.stdout.trim().split('\n');
    expect(lines.find((l) => l.includes(',Atty,'))).toMatch(/,Atty,1,2,Lawyer,/);
    expect(again.stdout).not.toContain('Kitchen Porter');
  }, 60_000);

  it('leaves the confidence out, with a note saying why, and refuses --min-confidence', async () => {
    const run = await runCli(['match', candidates, openings, '--format', 'json', '--adapter', adapter, ...bundled]);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('note: the adapter changes the scores, and the confidence calibration was fitted on unadapted ones');
    expect((JSON.parse(run.stdout) as JsonRow[]).every((r) => r.confidence === undefined)).toBe(true);
    const refused = await runCli(['match', candidates, openings, '--min-confidence', '0.5', '--adapter', adapter, ...bundled]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/--min-confidence needs a model with a confidence calibration, and the adapter changes the scores/);
  }, 60_000);

  it('the printable report names the adapter in its details, and a plain run says none', async () => {
    const html = await runCli(['match', candidates, openings, '--format', 'html', '--adapter', adapter, ...bundled]);
    expect(html.code).toBe(0);
    expect(html.stdout).toContain(`${adapter}: 13 decisions (6 accepted, 7 rejected); accepted pairs first, rejected ones hidden`);
    // The accepted pair Atty -> Lawyer is marked in a Decision column, as the app's reports mark it.
    const atty = /<tbody[^>]*>(?:(?!<\/tbody>)[\s\S])*?>Atty<(?:(?!<\/tbody>)[\s\S])*<\/tbody>/.exec(html.stdout)?.[0] ?? '';
    expect(atty).toMatch(/<td class="match"><span class="title">Lawyer<\/span>[\s\S]*?<td class="facet">accepted \(ranked first\)<\/td>/);
    const plain = await runCli(['match', candidates, openings, '--format', 'html', ...bundled]);
    expect(plain.stdout).toMatch(/Adapter<\/t[hd]>\s*<td>none</);
    expect(plain.stdout).not.toContain('accepted (ranked first)');
  }, 60_000);

  it('refuses a damaged, foreign or other-model adapter with exit 2 and one line, before reading the inputs', async () => {
    const text = await readFile(adapter, 'utf8');
    const file = parseAdapter(text, adapter);
    const other = tmp.file('other.adapter', serializeAdapter({ ...file, model: { ...file.model, version: '1.0.0', sha256: '0'.repeat(64) } }));
    const cut = tmp.file('cut.adapter', text.slice(0, 200));
    const edited = tmp.file('edited.adapter', text.replace('"accept"', '"reject"'));
    const foreign = tmp.file('foreign.adapter', 'query,match,decision\n');
    const cases: [string, RegExp][] = [
      [other, new RegExp(`was made for titlematch-job-encoder 1\\.0\\.0 .* not for the model in use, titlematch-job-encoder ${versionRe}`)],
      [cut, /cannot be used as an adapter: it is damaged \(its JSON is cut short or broken\)/],
      [edited, /does not match its sha256/],
      [foreign, /it is not an adapter file \(not JSON\)/],
      [join(tmp.dir, 'none.adapter'), /none\.adapter does not exist/],
    ];
    for (const [path, message] of cases) {
      const run = await runCli(['match', join(DIR, 'missing.csv'), openings, '--adapter', path, ...bundled]);
      expect(run.code, path).toBe(2);
      expect(run.stderr).toMatch(message);
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
    }
  });

  it('under --model auto, an adapter made for the multilingual model picks that model, whatever the titles', async () => {
    const multi = join(tmp.dir, 'multi.adapter');
    const tuned = await runCli(['tune', decisions, '--out', multi, '--model', 'multilingual']);
    expect(tuned.stderr).toMatch(/for titlematch-job-encoder-multilingual /);
    const run = await runCli(['match', candidates, openings, '--adapter', multi, '--format', 'json', ...bundled]);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/^note: model: the multilingual model: the adapter multi\.adapter was made for it$/m);
  });

  it('a model other than the adapter’s is refused', async () => {
    await writeFile(join(tmp.dir, 'q.csv'), 'Title\nRegistered Nurse\n');
    const run = await runCli(['match', join(tmp.dir, 'q.csv'), openings, '--adapter', adapter, '--model', tiny, '--provider', 'cpu', '--no-cache']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(new RegExp(`belongs to titlematch-job-encoder ${versionRe}, and the model in use has no manifest`));
  });
});

describe('titlematch eval --adapter', () => {
  it('refuses a damaged adapter with exit 2 before loading any data', async () => {
    const run = await runCli(['eval', '--adapter', tmp.file('bad.adapter', '{'), '--data', tmp.dir]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/The data folder|cannot be used as an adapter/);
  });
});
