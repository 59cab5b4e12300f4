import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cp, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { topK, type TopKResult } from '../../../../electron/core/match/index.js';
import {
  collapseToOccupations,
  defaultTaxonomyDir,
  deriveEsco,
  deriveOnet,
  inLanguage,
  languageName,
  loadTaxonomy,
  occupationsTable,
  occupationTopK,
  TaxonomyUnavailableError,
  taxonomyFiles,
  taxonomyLanguages,
  taxonomyStatus,
  taxonomyTitles,
  writeTaxonomy,
  writeUnavailable,
  type Taxonomy,
} from '../../../../electron/core/taxonomy/index.js';
import { isI18nDev } from '../../../../electron/core/taxonomy/i18n.js';
import { isJobbertDev } from '../../../../electron/core/taxonomy/jobbert.js';
import { tempFolder } from '../io/helpers.js';

const DATA = join(import.meta.dirname, '..', '..', '..', 'fixtures', 'taxonomy');
const tmp = tempFolder('titlematch-taxonomy-');

describe('deriving the taxonomies from the data sets', () => {
  it('O*NET: each occupation with its title, alternate, short and reported titles, once each, no n/a', async () => {
    const onet = await deriveOnet(DATA);
    expect(onet.id).toBe('onet');
    expect(onet.source).toBe('O*NET 27.0 Database');
    expect(onet.attribution).toMatch(/O\*NET 27\.0 Database by the U\.S\. Department of Labor.*CC BY 4\.0/);
    expect(onet.occupations.map((o) => o.code)).toEqual(['13-2011.00', '15-1252.00', '29-1141.00']);
    const nurses = onet.occupations[2];
    expect(nurses.name).toBe('Registered Nurses');
    // Whitespace collapsed ("Staff  Nurse"), "rn" the same title as "RN", the unknown code's title dropped.
    expect(nurses.titles).toEqual(['Registered Nurses', 'Cardiac Care Unit Nurse (CCU Nurse)', 'CCU Nurse', 'Charge Nurse', 'RN', 'Staff Nurse']);
    expect(onet.occupations[0].titles).toEqual(['Accountants and Auditors', 'Certified Public Accountant (CPA)', 'CPA', 'Accountant', 'Audit Partner']);
    expect(onet.occupations.every((o) => o.isco === undefined)).toBe(true);
    expect(JSON.stringify(onet)).not.toMatch(/Unknown Code|n\/a/);
  });

  it('ESCO: concept URI, preferred and alternative labels (not hidden ones) and the ISCO-08 unit group with its name', async () => {
    const esco = await deriveEsco(DATA);
    expect(esco.occupations).toEqual([
      {
        code: 'http://data.europa.eu/esco/occupation/eda0d957-3c3c-4139-b89a-a18bc9e18897',
        name: 'accountant',
        isco: '2411 Accountants',
        titles: ['accountant', 'cost accountant', 'chartered accountant'],
      },
      {
        code: 'http://data.europa.eu/esco/occupation/18e14e61-495b-44cc-a7c6-df4c625934ba',
        name: 'specialist nurse',
        isco: '2221 Nursing professionals',
        titles: ['specialist nurse', 'cardiovascular nurse', 'critical care nurse'],
      },
    ]);
    expect(esco.attribution).toBe('ESCO classification, European Commission.');
  });

  it('ESCO with jobbert-val: the vacancy titles of its training part join their occupations, its dev part never', async () => {
    const data = join(tmp.dir, 'with-jobbert');
    await cp(join(DATA, 'esco'), join(data, 'esco'), { recursive: true });
    const accountant = 'http://data.europa.eu/esco/occupation/eda0d957-3c3c-4139-b89a-a18bc9e18897';
    const nurse = 'http://data.europa.eu/esco/occupation/18e14e61-495b-44cc-a7c6-df4c625934ba';
    // "Management Accountant" is in jobbert-dev (isJobbertDev): measured only, never shipped.
    expect(isJobbertDev('Management Accountant')).toBe(true);
    expect(isJobbertDev('Senior Accountant (m/w/d)')).toBe(false);
    await mkdir(join(data, 'jobbert-val'));
    tmp.file(
      'with-jobbert/jobbert-val/titles.csv',
      `,vacancyTitle,conceptUri\n0,Management Accountant,${accountant}\n1,Senior Accountant (m/w/d),${accountant}\n2,Ward Nurse,${nurse}\n3,Cost  Accountant,${accountant}\n4,Plumber,http://data.europa.eu/esco/occupation/none\n`,
    );
    const esco = await deriveEsco(data);
    expect(esco.occupations.map((o) => o.titles)).toEqual([
      ['accountant', 'cost accountant', 'chartered accountant', 'Senior Accountant (m/w/d)'],
      ['specialist nurse', 'cardiovascular nurse', 'critical care nurse', 'Ward Nurse'],
    ]);
    expect(esco.attribution).toBe('ESCO classification, European Commission. Vacancy titles: JobBERT evaluation data, Decorte et al. 2021 (MIT licence).');
  });

  it('ESCO with esco-i18n: the labels of the other languages join their occupations, the held-out ones never', async () => {
    const data = join(tmp.dir, 'with-i18n');
    await cp(join(DATA, 'esco'), join(data, 'esco'), { recursive: true });
    await mkdir(join(data, 'esco-i18n'));
    const accountant = 'http://data.europa.eu/esco/occupation/eda0d957-3c3c-4139-b89a-a18bc9e18897';
    // "Steuerbuchhalter" is held out (isI18nDev): the per-language measure, never shipped.
    expect(isI18nDev('de', accountant, 'Steuerbuchhalter')).toBe(true);
    expect(isI18nDev('de', accountant, 'Lohnbuchhalter')).toBe(false);
    tmp.file('with-i18n/esco-i18n/occupations_de.csv', `conceptUri,preferredLabel,altLabels\n${accountant},Buchhalter/Buchhalterin,"Lohnbuchhalter\nSteuerbuchhalter"\nhttp://data.europa.eu/esco/occupation/none,Astronaut,\n`);
    const esco = await deriveEsco(data);
    expect(esco.source).toBe('ESCO v1, English and de');
    expect(esco.occupations[0].titles).toEqual(['accountant', 'cost accountant', 'chartered accountant', 'Buchhalter/Buchhalterin', 'Lohnbuchhalter']);
    expect(esco.occupations[1].titles).toEqual(['specialist nurse', 'cardiovascular nurse', 'critical care nurse']);
    // The other languages' labels come last and are counted, so that the English model reads the taxonomy without them.
    expect(esco.occupations.map((o) => o.foreign)).toEqual([2, undefined]);
    const english = taxonomyTitles(esco, { english: true });
    expect(english.titles).toEqual(['accountant', 'cost accountant', 'chartered accountant', 'specialist nurse', 'cardiovascular nurse', 'critical care nurse']);
    expect([...english.owner]).toEqual([0, 0, 0, 1, 1, 1]);
    expect(taxonomyTitles(esco).titles).toHaveLength(8);
    const dir = join(tmp.dir, 'written-foreign');
    await writeTaxonomy(dir, esco);
    expect((await loadTaxonomy('esco', dir)).occupations[0].foreign).toBe(2);
    // A count that is not a whole number below the titles' is refused as damaged.
    for (const foreign of [5, 0, 1.5, '2']) {
      const file = taxonomyFiles(dir, 'esco').data;
      const parsed = JSON.parse(readFileSync(file, 'utf8')) as { occupations: Record<string, unknown>[] };
      parsed.occupations[0].foreign = foreign;
      writeFileSync(file, JSON.stringify(parsed));
      await expect(loadTaxonomy('esco', dir)).rejects.toThrow(/is damaged or from another version of TitleMatch/);
    }
  });

  it('ESCO with esco-i18n: each occupation keeps its preferred label in each language that has one (not an empty one)', async () => {
    const data = join(tmp.dir, 'with-names');
    await cp(join(DATA, 'esco'), join(data, 'esco'), { recursive: true });
    await mkdir(join(data, 'esco-i18n'));
    const accountant = 'http://data.europa.eu/esco/occupation/eda0d957-3c3c-4139-b89a-a18bc9e18897';
    const nurse = 'http://data.europa.eu/esco/occupation/18e14e61-495b-44cc-a7c6-df4c625934ba';
    tmp.file(
      'with-names/esco-i18n/occupations_de.csv',
      `conceptUri,preferredLabel,altLabels\n${accountant},Buchhalter/Buchhalterin,Lohnbuchhalter\n${nurse}, Fachkrankenpfleger/Fachkrankenpflegerin ,\n${accountant},Zweiter Eintrag,\nhttp://data.europa.eu/esco/occupation/none,Astronaut,\n`,
    );
    // French has the accountant only; its nurse row has no preferred label.
    tmp.file('with-names/esco-i18n/occupations_fr.csv', `conceptUri,preferredLabel,altLabels\n${accountant},comptable,\n${nurse},,infirmier spécialisé\n`);
    const esco = await deriveEsco(data);
    expect(esco.occupations.map((o) => o.names)).toEqual([{ de: 'Buchhalter/Buchhalterin', fr: 'comptable' }, { de: 'Fachkrankenpfleger/Fachkrankenpflegerin' }]);
    // The English name stays the occupation's name; the other languages' labels are titles as before.
    expect(esco.occupations.map((o) => o.name)).toEqual(['accountant', 'specialist nurse']);
    expect(esco.occupations[1].titles).toContain('Fachkrankenpfleger/Fachkrankenpflegerin');
    expect(taxonomyLanguages(esco)).toEqual(['en', 'de', 'fr']);
    // Without esco-i18n, and for O*NET, no names at all: nothing in the file.
    expect(JSON.stringify(await deriveEsco(DATA))).not.toMatch(/"names"/);
    expect(JSON.stringify(await deriveOnet(DATA))).not.toMatch(/"names"/);
    expect(taxonomyLanguages(await deriveOnet(DATA))).toEqual(['en']);
  });

  it('a data file without its columns is refused with the reader\'s message naming the file and its columns', async () => {
    const dir = join(tmp.dir, 'bad-onet');
    await cp(DATA, dir, { recursive: true });
    writeFileSync(join(dir, 'onet', 'Alternate Titles.txt'), 'Code\tName\n13-2011.00\tAccountant\n');
    await expect(deriveOnet(dir)).rejects.toThrow(/Alternate Titles\.txt has no column "O\*NET-SOC Code"\. Its columns are: "Code", "Name"/);
  });
});

describe('the derived files', () => {
  it('are read back as written, and list every title with its occupation', async () => {
    const dir = join(tmp.dir, 'written');
    await writeTaxonomy(dir, await deriveOnet(DATA));
    const onet = await loadTaxonomy('onet', dir);
    const { titles, owner } = taxonomyTitles(onet);
    expect(titles).toHaveLength(5 + 3 + 6);
    expect(titles[owner.indexOf(2)]).toBe('Registered Nurses');
    expect(titles.filter((_, i) => owner[i] === 1)).toEqual(['Software Developers', '.NET Developer', 'Android Developer']);
    expect(await taxonomyStatus('onet', dir)).toEqual({ available: true, occupations: 3, titles: 14 });
  });

  it('a build without the data says which taxonomy is missing and why, and what to do', async () => {
    const dir = join(tmp.dir, 'no-data');
    await writeTaxonomy(dir, await deriveEsco(DATA));
    await writeUnavailable(dir, 'esco', 'the data folder /nowhere has no esco/occupations_en.csv to derive it from');
    // The stale derived file goes: the build ships what it derived.
    expect(existsSync(taxonomyFiles(dir, 'esco').data)).toBe(false);
    const error = await loadTaxonomy('esco', dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TaxonomyUnavailableError);
    expect((error as Error).message).toBe(
      'The ESCO occupations are not available in this build: the data folder /nowhere has no esco/occupations_en.csv to derive it from. Build again with the data present (npm run build:node, or TITLEMATCH_DATA=DIR), or match against a file of titles.',
    );
    const status = await taxonomyStatus('onet', dir);
    expect(status.available).toBe(false);
    if (!status.available) expect(status.reason).toMatch(/^The O\*NET-SOC occupations are not available in this build: .*onet\.json does not exist/);
  });

  it('a damaged file is refused with a message, not read half', async () => {
    const dir = join(tmp.dir, 'damaged');
    await writeTaxonomy(dir, await deriveOnet(DATA));
    const file = taxonomyFiles(dir, 'onet').data;
    writeFileSync(file, readFileSync(file, 'utf8').slice(0, 200));
    await expect(loadTaxonomy('onet', dir)).rejects.toThrow(/The O\*NET-SOC occupations file .*onet\.json is damaged or from another version of TitleMatch\. Build again/);
  });

  it('ESCO\'s names in other languages are read back as written', async () => {
    const dir = join(tmp.dir, 'written-names');
    const esco = await deriveEsco(DATA);
    esco.occupations[0].names = { de: 'Buchhalter/Buchhalterin', pl: 'księgowy/księgowa' };
    await writeTaxonomy(dir, esco);
    expect((await loadTaxonomy('esco', dir)).occupations[0].names).toEqual({ de: 'Buchhalter/Buchhalterin', pl: 'księgowy/księgowa' });
  });

  it.each([
    ['names that are not an object', ['Buchhalter']],
    ['a label that is not a string', { de: 5 }],
    ['an empty label', { de: '' }],
    ['an English label (English is the name)', { en: 'accountant' }],
    ['a key that is no language code', { __proto__x: 'x' }],
  ])('a file with %s is refused as damaged', async (what, names) => {
    const dir = join(tmp.dir, `bad-names-${what.replace(/\W+/g, '-')}`);
    await writeTaxonomy(dir, await deriveEsco(DATA));
    const file = taxonomyFiles(dir, 'esco').data;
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as { occupations: Record<string, unknown>[] };
    parsed.occupations[1].names = names;
    writeFileSync(file, JSON.stringify(parsed));
    await expect(loadTaxonomy('esco', dir)).rejects.toThrow(/The ESCO occupations file .*esco\.json is damaged or from another version of TitleMatch/);
  });

  it('a file with an occupation missing its code or titles is refused as damaged', async () => {
    const dir = join(tmp.dir, 'bad-occupation');
    await writeTaxonomy(dir, await deriveOnet(DATA));
    const file = taxonomyFiles(dir, 'onet').data;
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as { occupations: Record<string, unknown>[] };
    delete parsed.occupations[2].titles;
    writeFileSync(file, JSON.stringify(parsed));
    await expect(loadTaxonomy('onet', dir)).rejects.toThrow(/is damaged or from another version of TitleMatch/);
  });

  it('the build step leaves a reason instead of failing where the data folder is absent', () => {
    // Run against a copy of the derive step's output folder, so the project's own files stay.
    const script = join(import.meta.dirname, '..', '..', '..', '..', 'scripts', 'taxonomies.mjs');
    const compiled = join(defaultTaxonomyDir(), '..', 'electron', 'core', 'taxonomy', 'index.js');
    if (!existsSync(compiled)) throw new Error(`build first (npm run build:node): ${compiled} is missing`);
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', `process.argv.push('--data', ${JSON.stringify(join(tmp.dir, 'absent'))}); process.env.TITLEMATCH_TAXONOMIES = ${JSON.stringify(join(tmp.dir, 'built'))}; await import(${JSON.stringify(script)});`], { encoding: 'utf8' });
    expect(run.status).toBe(0);
    expect(run.stderr).toMatch(/taxonomies: onet not derived: the data folder .*absent has no onet[/\\]Occupation Data\.txt/);
    expect(readFileSync(join(tmp.dir, 'built', 'esco.unavailable.txt'), 'utf8')).toMatch(/has no esco[/\\]occupations_en\.csv, esco[/\\]ISCOGroups_en\.csv to derive it from/);
  });
});

/** A TopKResult from per-query lists of [title, score]. */
function ranked(lists: [number, number][][], k: number): TopKResult {
  const n = lists.length;
  const r: TopKResult = { k, counts: new Int32Array(n), indices: new Int32Array(n * k), scores: new Float32Array(n * k) };
  lists.forEach((list, q) => {
    r.counts[q] = list.length;
    list.forEach(([t, s], j) => {
      r.indices[q * k + j] = t;
      r.scores[q * k + j] = s;
    });
  });
  return r;
}

describe('naming the occupations in a language', () => {
  const taxonomy = {
    format: 'titlematch-taxonomy-1',
    id: 'esco',
    name: 'ESCO occupations',
    source: 'ESCO v1, English and de',
    attribution: 'ESCO classification, European Commission.',
    occupations: [
      { code: 'a', name: 'accountant', titles: ['accountant'], names: { de: 'Buchhalter/Buchhalterin' } },
      { code: 'n', name: 'specialist nurse', titles: ['specialist nurse'] },
    ],
  } satisfies Taxonomy;

  it('gives each occupation its preferred label in the language, its English name where it has none, and marks those', () => {
    const { taxonomy: de, fellBack } = inLanguage(taxonomy, 'de');
    expect(de.occupations.map((o) => [o.code, o.name, o.titles])).toEqual([
      ['a', 'Buchhalter/Buchhalterin', ['accountant']],
      ['n', 'specialist nurse', ['specialist nurse']],
    ]);
    expect([...fellBack]).toEqual([0, 1]);
    // The taxonomy itself is left as it was.
    expect(taxonomy.occupations[0].name).toBe('accountant');
    expect(inLanguage(taxonomy, 'en').taxonomy).toBe(taxonomy);
    // Only its own labels: nothing from the object's prototype.
    expect(inLanguage(taxonomy, 'constructor').taxonomy.occupations[0].name).toBe('accountant');
  });

  it('the report\'s table of occupations says which language names them', () => {
    expect(occupationsTable(inLanguage(taxonomy, 'de').taxonomy, 'de')).toMatchObject({ path: 'ESCO occupations (ESCO v1, English and de), preferred labels in German', rows: [['Buchhalter/Buchhalterin', 'a'], ['specialist nurse', 'n']] });
    expect(occupationsTable(taxonomy).path).toBe('ESCO occupations (ESCO v1, English and de)');
    expect(languageName('pt')).toBe('Portuguese');
    expect(languageName('xx')).toBe('xx');
  });
});

describe('collapsing titles to occupations', () => {
  const owner = Int32Array.from([0, 0, 0, 1, 1, 2]);

  it('keeps each occupation once, at its best title, in score order', () => {
    const { ranking, deeper } = collapseToOccupations(ranked([[[1, 0.9], [0, 0.8], [4, 0.7], [2, 0.6], [5, 0.5]]], 5), owner, 3, 6);
    expect([...ranking.indices]).toEqual([0, 1, 2]);
    expect([...ranking.titles]).toEqual([1, 4, 5]);
    expect([...ranking.scores].map((s) => Number(s.toFixed(2)))).toEqual([0.9, 0.7, 0.5]);
    expect(deeper).toEqual([]);
  });

  it('names the queries whose full list held too few occupations, not those cut by a least score', () => {
    const { ranking, deeper } = collapseToOccupations(ranked([[[0, 0.9], [1, 0.8]], [[2, 0.9]]], 2), owner, 2, 6);
    expect([...ranking.counts]).toEqual([1, 1]);
    expect(deeper).toEqual([0]);
  });

  it('ranks deeper where one occupation crowds the top, and gives the exact best occupations', async () => {
    // 300 titles of occupation 0 close to the query, then one title each of occupations 1-4.
    const dim = 2;
    const n = 304;
    const vectors = new Float32Array(n * dim);
    const crowd = Int32Array.from({ length: n }, (_, i) => (i < 300 ? 0 : i - 299));
    for (let i = 0; i < n; i++) {
      const angle = i < 300 ? 0.001 * i : 0.5 + 0.1 * (i - 300);
      vectors[i * 2] = Math.cos(angle);
      vectors[i * 2 + 1] = Math.sin(angle);
    }
    const query = Float32Array.from([1, 0]);
    let calls = 0;
    const counted: typeof topK = (...args) => {
      calls++;
      return topK(...args);
    };
    const r = await occupationTopK(counted, query, vectors, dim, crowd, 5, 3);
    expect(calls).toBe(2);
    expect([...r.indices]).toEqual([0, 1, 2]);
    expect([...r.titles]).toEqual([0, 300, 301]);
    const all = await occupationTopK(topK, query, vectors, dim, crowd, 5, 'all');
    expect([...all.indices]).toEqual([0, 1, 2, 3, 4]);
  });
});
