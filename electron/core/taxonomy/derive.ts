/**
 * Derives the shipped taxonomy files from the public data sets (../shared/data by default), read
 * with the core's own table reader: O*NET's tab-separated text files and ESCO's CSV. Run at build
 * time by scripts/taxonomies.mjs; the raw files are never shipped, only what is derived here.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { TaxonomyId } from '../../contract/taxonomy.js';
import { TAXONOMY_NAMES } from '../../contract/taxonomy.js';
import { findColumn, readTable, type Table } from '../io/index.js';
import { i18nLabels } from './i18n.js';
import { JOBBERT_ATTRIBUTION, JOBBERT_FILE, jobbertTrainingTitles } from './jobbert.js';
import { TAXONOMY_FORMAT, type Occupation, type Taxonomy } from './types.js';

/** The raw files each taxonomy is derived from, relative to the data folder. */
export const TAXONOMY_SOURCES: Readonly<Record<TaxonomyId, readonly string[]>> = {
  onet: [join('onet', 'Occupation Data.txt'), join('onet', 'Alternate Titles.txt'), join('onet', 'Sample of Reported Titles.txt')],
  esco: [join('esco', 'occupations_en.csv'), join('esco', 'ISCOGroups_en.csv')],
};

/** The attribution each licence asks for (also in NOTICE and the About box). */
export const ONET_ATTRIBUTION =
  'This product includes information from the O*NET 27.0 Database by the U.S. Department of Labor, Employment and Training Administration (USDOL/ETA). Used under the CC BY 4.0 license.';
export const ESCO_ATTRIBUTION = 'ESCO classification, European Commission.';

/** Whitespace collapsed; '' for O*NET's "n/a" placeholders. */
function clean(title: string | undefined): string {
  const t = (title ?? '').trim().replace(/\s+/g, ' ');
  return /^n\/?a$/i.test(t) ? '' : t;
}

/** An occupation's titles, each once (compared without case). */
class TitleSet {
  readonly titles: string[] = [];
  private readonly seen = new Set<string>();
  add(title: string | undefined): void {
    const t = clean(title);
    const key = t.toLowerCase();
    if (t === '' || this.seen.has(key)) return;
    this.seen.add(key);
    this.titles.push(t);
  }
}

async function table(dir: string, file: string): Promise<Table> {
  return readTable(join(dir, file), { header: true });
}

/** The column indexes of a table by name; a missing one throws the reader's message naming the file and its columns. */
function columns<N extends string>(t: Table, ...names: N[]): Record<N, number> {
  return Object.fromEntries(names.map((n) => [n, findColumn(t, n)])) as Record<N, number>;
}

/** O*NET: occupation code and title, alternate and short titles, reported titles. */
export async function deriveOnet(dataDir: string): Promise<Taxonomy> {
  const [occFile, altFile, reportedFile] = TAXONOMY_SOURCES.onet;
  const occ = await table(dataDir, occFile);
  const oc = columns(occ, 'O*NET-SOC Code', 'Title');
  const byCode = new Map<string, { name: string; set: TitleSet }>();
  for (const row of occ.rows) {
    const code = clean(row[oc['O*NET-SOC Code']]);
    const name = clean(row[oc.Title]);
    if (!code || !name) continue;
    const set = new TitleSet();
    set.add(name);
    byCode.set(code, { name, set });
  }
  const alt = await table(dataDir, altFile);
  const ac = columns(alt, 'O*NET-SOC Code', 'Alternate Title', 'Short Title');
  for (const row of alt.rows) {
    const o = byCode.get(clean(row[ac['O*NET-SOC Code']]));
    o?.set.add(row[ac['Alternate Title']]);
    o?.set.add(row[ac['Short Title']]);
  }
  const reported = await table(dataDir, reportedFile);
  const rc = columns(reported, 'O*NET-SOC Code', 'Reported Job Title');
  for (const row of reported.rows) byCode.get(clean(row[rc['O*NET-SOC Code']]))?.set.add(row[rc['Reported Job Title']]);
  const occupations: Occupation[] = [...byCode].map(([code, o]) => ({ code, name: o.name, titles: o.set.titles }));
  return { format: TAXONOMY_FORMAT, id: 'onet', name: TAXONOMY_NAMES.onet, source: await onetRelease(dataDir), attribution: ONET_ATTRIBUTION, occupations };
}

/** "O*NET 27.0 Database", from the first line of its Read Me.txt where there is one. */
async function onetRelease(dataDir: string): Promise<string> {
  try {
    const first = (await readFile(join(dataDir, 'onet', 'Read Me.txt'), 'utf8')).split(/\r?\n/)[0].trim();
    if (/^O\*NET [\d.]+ Database$/.test(first)) return first;
  } catch {
    // No Read Me: the database's name without its release.
  }
  return 'O*NET Database';
}

/**
 * ESCO: concept URI, preferred label, alternative labels (one per line) and the ISCO-08 unit group;
 * where the data folder has jobbert-val, the vacancy titles of its training part (never its dev
 * part) are more titles of the occupations they are tagged with: real titles as employers write
 * them ("Marketing Executive", "Sous Chef (m/w/d)"), which code vacancy titles better than the
 * taxonomy's labels alone (README: the model, evaluation and speed). Where it has esco-i18n, the
 * labels of the six more languages join their occupations too (never the held-out ones, i18n.ts),
 * and each occupation keeps its preferred label in each of them (`names`), to be named in it.
 */
export async function deriveEsco(dataDir: string): Promise<Taxonomy> {
  const [occFile, iscoFile] = TAXONOMY_SOURCES.esco;
  // The unit groups' names, where the data has them (the build requires them; eval's small data sets may not).
  const groups = new Map<string, string>();
  if (existsSync(join(dataDir, iscoFile))) {
    const isco = await table(dataDir, iscoFile);
    const ic = columns(isco, 'code', 'preferredLabel');
    for (const row of isco.rows) {
      const code = clean(row[ic.code]);
      if (code) groups.set(code, clean(row[ic.preferredLabel]));
    }
  }
  const occ = await table(dataDir, occFile);
  const c = { ...columns(occ, 'conceptUri', 'preferredLabel', 'altLabels'), iscoGroup: occ.columns.indexOf('iscoGroup') };
  const occupations: Occupation[] = [];
  const byCode = new Map<string, TitleSet>();
  const occupationOf = new Map<string, Occupation>();
  for (const row of occ.rows) {
    const code = clean(row[c.conceptUri]);
    const name = clean(row[c.preferredLabel]);
    if (!code || !name) continue;
    const set = new TitleSet();
    set.add(name);
    for (const label of (row[c.altLabels] ?? '').split('\n')) set.add(label);
    byCode.set(code, set);
    const group = c.iscoGroup < 0 ? '' : clean(row[c.iscoGroup]);
    const groupName = groups.get(group);
    const occupation: Occupation = { code, name, isco: group && groupName ? `${group} ${groupName}` : group || undefined, titles: set.titles };
    occupations.push(occupation);
    occupationOf.set(code, occupation);
  }
  // Vacancy titles, then the other languages' labels last, each occupation counting those (`foreign`):
  // the English model reads the taxonomy without them.
  const vacancies = existsSync(join(dataDir, JOBBERT_FILE)) ? await jobbertTrainingTitles(dataDir) : undefined;
  for (const { title, uri } of vacancies ?? []) byCode.get(uri)?.add(title);
  const english = new Map([...byCode].map(([code, set]) => [code, set.titles.length]));
  const i18n = await i18nLabels(dataDir);
  for (const { uri, label } of i18n.labels) byCode.get(uri)?.add(label);
  for (const [code, occupation] of occupationOf) {
    const foreign = occupation.titles.length - (english.get(code) ?? occupation.titles.length);
    if (foreign > 0) occupation.foreign = foreign;
  }
  // Each occupation's preferred label in each language that has one (a concept listed twice keeps its first).
  for (const { uri, language, label } of i18n.preferred) {
    const occupation = occupationOf.get(uri);
    const preferred = clean(label);
    if (!occupation || preferred === '') continue;
    occupation.names ??= {};
    occupation.names[language] ??= preferred;
  }
  const source = i18n.languages.length > 0 ? `ESCO v1, English and ${i18n.languages.join(', ')}` : 'ESCO v1, English';
  const attribution = vacancies ? `${ESCO_ATTRIBUTION} ${JOBBERT_ATTRIBUTION}` : ESCO_ATTRIBUTION;
  return { format: TAXONOMY_FORMAT, id: 'esco', name: TAXONOMY_NAMES.esco, source, attribution, occupations };
}

/** The raw files of a taxonomy that the data folder lacks. */
export function missingSources(id: TaxonomyId, dataDir: string): string[] {
  return TAXONOMY_SOURCES[id].filter((f) => !existsSync(join(dataDir, f)));
}

/** Derives one taxonomy from the data folder. */
export function deriveTaxonomy(id: TaxonomyId, dataDir: string): Promise<Taxonomy> {
  return id === 'onet' ? deriveOnet(dataDir) : deriveEsco(dataDir);
}
