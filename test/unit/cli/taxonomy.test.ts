/** `titlematch match QUERIES --taxonomy onet|esco`: occupation codes from the taxonomies the build derives. */
import { cp, mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readTable } from '../../../electron/core/io/index.js';
import { deriveEsco, deriveOnet, writeTaxonomy, writeUnavailable } from '../../../electron/core/taxonomy/index.js';
import { tempFolder } from '../core/io/helpers.js';
import { FIXTURES, readCsvRecords, runCli, writeCliModel } from './helpers.js';

const DATA = join(import.meta.dirname, '..', '..', 'fixtures', 'taxonomy');
const tmp = tempFolder('titlematch-cli-taxonomy-');
const model = join(tmp.dir, 'model');
const derived = join(tmp.dir, 'taxonomies');
const candidates = join(FIXTURES, 'candidates.csv');
const saved = process.env.TITLEMATCH_TAXONOMIES;

beforeAll(async () => {
  await writeCliModel(model);
  // The taxonomies as the build derives them, from the small real-format fixture of the data sets.
  await writeTaxonomy(derived, await deriveOnet(DATA));
  await writeTaxonomy(derived, await deriveEsco(DATA));
  process.env.TITLEMATCH_TAXONOMIES = derived;
});
afterAll(() => {
  if (saved === undefined) delete process.env.TITLEMATCH_TAXONOMIES;
  else process.env.TITLEMATCH_TAXONOMIES = saved;
});

const engine = (): string[] => ['--model', model, '--provider', 'cpu', '--cache', join(tmp.dir, 'cache')];

describe('titlematch match --taxonomy', () => {
  it('writes exactly query_row,query,rank,code,occupation,matched_title,score, each occupation once per query', async () => {
    const out = join(tmp.dir, 'onet.csv');
    const run = await runCli(['match', candidates, '--taxonomy', 'onet', '--top', '3', '--out', out, ...engine()]);
    expect(run).toEqual({ code: 0, stdout: '', stderr: '' });
    const { columns, records } = await readCsvRecords(out);
    expect(columns).toEqual(['query_row', 'query', 'rank', 'code', 'occupation', 'matched_title', 'score']);
    // Rows 3 (blank) and 5 (no title) are skipped; three occupations in all, so three per query.
    expect(records.map((r) => `${r.query_row}:${r.rank}`)).toEqual(['1:1', '1:2', '1:3', '2:1', '2:2', '2:3', '4:1', '4:2', '4:3', '6:1', '6:2', '6:3']);
    for (const q of ['1', '2', '4', '6']) {
      const codes = records.filter((r) => r.query_row === q).map((r) => r.code);
      expect(new Set(codes).size).toBe(3);
    }
    const best = (q: string): Record<string, string> | undefined => records.find((r) => r.query_row === q && r.rank === '1');
    // The tiny model groups nurse words and software words: each query finds its occupation.
    expect(best('2')).toMatchObject({ query: 'Nurse, Registered', code: '29-1141.00', occupation: 'Registered Nurses' });
    expect(['Registered Nurses', 'Cardiac Care Unit Nurse (CCU Nurse)', 'CCU Nurse', 'Charge Nurse', 'RN', 'Staff Nurse']).toContain(best('2')?.matched_title);
    expect(best('1')).toMatchObject({ code: '15-1252.00', occupation: 'Software Developers' });
    for (const r of records) expect(r.score).toMatch(/^-?\d\.\d{4}$/);
  });

  it('--top 1 keeps the best occupation only, at the score of its best title', async () => {
    const run = await runCli(['match', candidates, '--taxonomy', 'onet', '--top', '1', ...engine()]);
    expect(run.code).toBe(0);
    const lines = run.stdout.trim().split('\n');
    expect(lines[0]).toBe('query_row,query,rank,code,occupation,matched_title,score');
    expect(lines).toHaveLength(5);
    expect(lines[2]).toMatch(/^2,"Nurse, Registered",1,29-1141\.00,Registered Nurses,.+,\d\.\d{4}$/);
  });

  it('--format json gives ESCO concept URIs and ISCO-08 unit groups', async () => {
    const run = await runCli(['match', candidates, '--taxonomy', 'esco', '--top', '2', '--format', 'json', ...engine()]);
    expect(run.code).toBe(0);
    const rows = JSON.parse(run.stdout) as Record<string, unknown>[];
    const nurse = rows.find((r) => r.query_row === 2 && r.rank === 1);
    expect(nurse).toMatchObject({
      query: 'Nurse, Registered',
      code: 'http://data.europa.eu/esco/occupation/18e14e61-495b-44cc-a7c6-df4c625934ba',
      occupation: 'specialist nurse',
      isco_group: '2221 Nursing professionals',
    });
    expect(Object.keys(nurse ?? {}).slice(0, 8)).toEqual(['query_row', 'query', 'rank', 'code', 'occupation', 'matched_title', 'score', 'isco_group']);
  });

  it('the XLSX report carries the code, the occupation and, for ESCO, the ISCO-08 unit group beside the title that matched', async () => {
    const out = join(tmp.dir, 'esco.xlsx');
    const run = await runCli(['match', candidates, '--taxonomy', 'esco', '--top', '1', '--out', out, ...engine()]);
    expect(run.code).toBe(0);
    const sheet = await readTable(out);
    // As the app exports a taxonomy match: the occupation, its code and unit group, and the title that matched.
    expect(sheet.columns).toEqual(['Row', 'Candidate ID', 'Name', 'Current Title', 'Email', 'Rank', 'Matched title', 'Match row', 'Code (match)', 'ISCO-08 unit group (match)', 'Score', 'Title that matched']);
    const nurse = sheet.rows.find((r) => r[3] === 'Nurse, Registered') ?? [];
    expect(nurse.slice(6, 10)).toEqual(['specialist nurse', '2', 'http://data.europa.eu/esco/occupation/18e14e61-495b-44cc-a7c6-df4c625934ba', '2221 Nursing professionals']);
    expect(['specialist nurse', 'cardiovascular nurse', 'critical care nurse']).toContain(nurse[11]);
    const summary = (await readTable(out, { sheet: 'Summary', header: false })).rows;
    expect(summary.find((r) => r[0] === 'File')?.[2]).toBe('ESCO occupations (ESCO v1, English)');
  });

  it('computes the taxonomy\'s title vectors once per model, in a cache file of their own', async () => {
    const cache = join(tmp.dir, 'cache-once');
    const first = await runCli(['match', candidates, '--taxonomy', 'onet', '--model', model, '--provider', 'cpu', '--cache', cache]);
    expect(first.code).toBe(0);
    const files = (await readdir(join(cache, 'embeddings'))).sort();
    const own = files.find((f) => f.endsWith('-taxonomy-onet.embeddings'));
    expect(own).toMatch(/^.+-taxonomy-onet\.embeddings$/);
    expect(files).toHaveLength(2);
    const file = join(cache, 'embeddings', own ?? '');
    const [before, bytes] = [(await stat(file)).mtimeMs, await readFile(file)];
    const second = await runCli(['match', candidates, '--taxonomy', 'onet', '--model', model, '--provider', 'cpu', '--cache', cache]);
    expect(second.stdout).toBe(first.stdout);
    // Every title came from the file: nothing new to add, so it is not written again.
    expect((await stat(file)).mtimeMs).toBe(before);
    expect((await readFile(file)).equals(bytes)).toBe(true);
  });

  it('says which taxonomy this build lacks and why (exit 2), before loading a model', async () => {
    const empty = join(tmp.dir, 'no-taxonomies');
    await writeUnavailable(empty, 'onet', 'the data folder /nowhere has no onet/Occupation Data.txt to derive it from');
    process.env.TITLEMATCH_TAXONOMIES = empty;
    try {
      const run = await runCli(['match', candidates, '--taxonomy', 'onet', '--model', join(tmp.dir, 'no-model')]);
      expect(run.code).toBe(2);
      expect(run.stderr).toBe(
        'titlematch: The O*NET-SOC occupations are not available in this build: the data folder /nowhere has no onet/Occupation Data.txt to derive it from. Build again with the data present (npm run build:node, or TITLEMATCH_DATA=DIR), or match against a file of titles.\n',
      );
    } finally {
      process.env.TITLEMATCH_TAXONOMIES = derived;
    }
  });

  it.each([
    [['--taxonomy', 'isco'], /^titlematch: --taxonomy must be onet or esco; got "isco"\.$/m],
    [['--taxonomy', 'onet', join(FIXTURES, 'openings.tsv')], /match --taxonomy takes one file, QUERIES: the taxonomy takes the place of CORPUS \(got 2 files\)/],
    [['--taxonomy', 'esco', '--corpus-column', 'Title'], /--corpus-column does not go with --taxonomy: there is no CORPUS file/],
    [['--taxonomy', 'esco', '--seniority', 'require'], /--seniority does not go with --taxonomy: occupations name no seniority level/],
    [['--taxonomy', 'esco', '--adapter', 'decisions.adapter.json'], /--adapter does not go with --taxonomy: the decisions it holds pair titles with titles/],
  ])('refuses %j with a message (exit 2)', async (args, message) => {
    const run = await runCli(['match', candidates, ...args, ...engine()]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stdout).toBe('');
  });
});

describe('titlematch match --taxonomy esco --language', () => {
  const i18n = join(tmp.dir, 'taxonomies-i18n');
  const accountant = 'http://data.europa.eu/esco/occupation/eda0d957-3c3c-4139-b89a-a18bc9e18897';
  const nurse = 'http://data.europa.eu/esco/occupation/18e14e61-495b-44cc-a7c6-df4c625934ba';
  const nurseDe = 'Fachkrankenpfleger/Fachkrankenpflegerin';
  const nurseFr = 'infirmier spécialisé/infirmière spécialisée';
  const notes = (stderr: string): string[] => stderr.split('\n').filter((l) => l.startsWith('note: ') && !l.startsWith('note: the model has no'));

  beforeAll(async () => {
    // ESCO derived with two more languages: German lacks the accountant's preferred label, French has both.
    const data = join(tmp.dir, 'data-i18n');
    await cp(join(DATA, 'esco'), join(data, 'esco'), { recursive: true });
    await mkdir(join(data, 'esco-i18n'));
    await writeFile(join(data, 'esco-i18n', 'occupations_de.csv'), `conceptUri,preferredLabel,altLabels\n${accountant},,Lohnbuchhalter\n${nurse},${nurseDe},\n`);
    await writeFile(join(data, 'esco-i18n', 'occupations_fr.csv'), `conceptUri,preferredLabel,altLabels\n${accountant},comptable,\n${nurse},${nurseFr},\n`);
    await writeTaxonomy(i18n, await deriveEsco(data));
    process.env.TITLEMATCH_TAXONOMIES = i18n;
  });
  afterAll(() => {
    process.env.TITLEMATCH_TAXONOMIES = derived;
  });

  it('--language de names the occupation by its German preferred label; the code stays the concept URI', async () => {
    const queries = tmp.file('nurse.csv', 'Title\nRegistered nurse\n');
    const run = await runCli(['match', queries, '--taxonomy', 'esco', '--language', 'de', '--top', '1', '--format', 'json', ...engine()]);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject([{ query: 'Registered nurse', code: nurse, occupation: nurseDe, isco_group: '2221 Nursing professionals' }]);
    // Every occupation listed has a German label: no note.
    expect(notes(run.stderr)).toEqual([]);
  });

  it('names an occupation without a German label by its English one, and says in one note how many', async () => {
    const run = await runCli(['match', candidates, '--taxonomy', 'esco', '--language', 'de', '--top', '2', ...engine()]);
    expect(run.code).toBe(0);
    const lines = run.stdout.trim().split('\n');
    expect(lines[0]).toBe('query_row,query,rank,code,occupation,matched_title,score');
    const occupations = new Map(lines.slice(1).map((l) => [l.match(/,(http:[^,]+),/)?.[1], l.split(',').at(-3)]));
    expect(Object.fromEntries(occupations)).toEqual({ [nurse]: nurseDe, [accountant]: 'accountant' });
    expect(notes(run.stderr)).toEqual(['note: 1 occupation listed has no German preferred label in the ESCO occupations: named by the English one.']);
  });

  it('--language en (or none) is the English output', async () => {
    const plain = await runCli(['match', candidates, '--taxonomy', 'esco', '--top', '2', ...engine()]);
    const en = await runCli(['match', candidates, '--taxonomy', 'esco', '--language', 'EN', '--top', '2', ...engine()]);
    expect(en.code).toBe(0);
    expect(en.stdout).toBe(plain.stdout);
    expect(en.stdout).toContain(',specialist nurse,');
    expect(notes(en.stderr)).toEqual([]);
  });

  it('the XLSX report lists the French labels, and its Summary names the language', async () => {
    const out = join(tmp.dir, 'esco-fr.xlsx');
    const run = await runCli(['match', candidates, '--taxonomy', 'esco', '--language', 'fr', '--top', '1', '--out', out, ...engine()]);
    expect(run.code).toBe(0);
    const sheet = await readTable(out);
    const row = sheet.rows.find((r) => r[3] === 'Nurse, Registered') ?? [];
    expect(row.slice(6, 10)).toEqual([nurseFr, '2', nurse, '2221 Nursing professionals']);
    const summary = (await readTable(out, { sheet: 'Summary', header: false })).rows;
    expect(summary.find((r) => r[0] === 'File')?.[2]).toBe('ESCO occupations (ESCO v1, English and de, fr), preferred labels in French');
  });

  it('match --help describes --language', async () => {
    const run = await runCli(['match', '--help']);
    expect(run.stdout).toMatch(/--language CODE +with --taxonomy esco: name each occupation by its preferred label in CODE/);
  });

  it.each([
    [['--taxonomy', 'esco', '--language', 'xx'], 'titlematch: --language must be a language the ESCO occupations of this build have names in: en (English), de (German) or fr (French); got "xx".\n'],
    [['--taxonomy', 'onet', '--language', 'de'], 'titlematch: --language goes with --taxonomy esco only: the O*NET-SOC occupations are named in one language, en (English). Leave it out.\n'],
    [
      ['--language', 'de', join(FIXTURES, 'openings.tsv')],
      'titlematch: --language goes with --taxonomy esco: it names the ESCO occupations a match lists in another language. Add --taxonomy esco, or leave it out.\n',
    ],
  ])('refuses %j with a message (exit 2), before loading a model', async (args, message) => {
    const run = await runCli(['match', candidates, ...args, '--model', join(tmp.dir, 'no-model')]);
    expect(run).toEqual({ code: 2, stdout: '', stderr: message });
  });

  it('refuses a language this build\'s ESCO has no names in', async () => {
    process.env.TITLEMATCH_TAXONOMIES = derived;
    try {
      const run = await runCli(['match', candidates, '--taxonomy', 'esco', '--language', 'de', '--model', join(tmp.dir, 'no-model')]);
      expect(run).toEqual({ code: 2, stdout: '', stderr: 'titlematch: --language must be a language the ESCO occupations of this build have names in: en (English) only; got "de".\n' });
    } finally {
      process.env.TITLEMATCH_TAXONOMIES = i18n;
    }
  });
});

describe('titlematch match --taxonomy with the bundled model', () => {
  it('codes RN, CPA and a developer to their O*NET occupations', async () => {
    const queries = tmp.file('queries.csv', 'Title\nRN\nCPA\nAndroid app developer\n');
    const run = await runCli(['match', queries, '--taxonomy', 'onet', '--top', '1', '--format', 'json', '--cache', join(tmp.dir, 'cache-bundled')]);
    expect(run.code).toBe(0);
    const rows = JSON.parse(run.stdout) as { query: string; code: string; matched_title: string; confidence?: number; bucket?: string }[];
    expect(rows.map((r) => [r.query, r.code])).toEqual([
      ['RN', '29-1141.00'],
      ['CPA', '13-2011.00'],
      ['Android app developer', '15-1252.00'],
    ]);
    expect(rows.find((r) => r.query === 'CPA')?.matched_title).toBe('CPA');
    // The bundled model has a calibration: JSON carries confidence and bucket, as for a CORPUS.
    for (const r of rows) expect(r.bucket).toMatch(/^(accept|review|reject)$/);
  });
});
