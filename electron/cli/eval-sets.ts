/**
 * The evaluation sets `titlematch eval` measures beside jobbert-val: its fixed dev part
 * ("jobbert-dev", never trained on) and the hand-written recruiter cases.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findColumn, readTable } from '../core/io/index.js';
import { isJobbertDev, JOBBERT_FILE } from '../core/taxonomy/jobbert.js';
import { LANGUAGES, readI18nConcepts } from '../core/taxonomy/i18n.js';
import { UsageError } from './errors.js';

const VAL_FILE = JOBBERT_FILE;
const ESCO_FILE = join('esco', 'occupations_en.csv');

/** The project folder (the one with package.json above this file). */
export function projectRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}

/** The data folder: --data, else TITLEMATCH_DATA, else ../shared/data beside the project. */
export function dataDir(option: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  if (option !== undefined) return resolve(option);
  if (env.TITLEMATCH_DATA) return resolve(env.TITLEMATCH_DATA);
  return resolve(projectRoot(), '..', 'shared', 'data');
}

/** The evaluation set: queries with the index of their right answer among the labels. */
export interface EvalSet {
  queries: string[];
  targets: Int32Array;
  labels: string[];
  /** 1 where the query is in jobbert-dev (the fixed dev part), 0 in the training part. */
  dev: Uint8Array;
  /** The idx column of each query's row. */
  idx: Int32Array;
  /** The ESCO concept URI each query is tagged with. */
  uris: string[];
  /** Vacancy titles left out because their occupation is not among the labels, or empty. */
  skipped: number;
}

/** Reads jobbert-val/titles.csv and esco/occupations_en.csv from the data folder. */
export async function loadEvalSet(dir: string): Promise<EvalSet> {
  for (const f of [VAL_FILE, ESCO_FILE]) {
    if (!existsSync(join(dir, f))) {
      throw new UsageError(`The data folder ${dir} has no ${f}. Pass the folder with --data DIR or set TITLEMATCH_DATA.`);
    }
  }
  const esco = await readTable(join(dir, ESCO_FILE), { header: true });
  const labelCol = findColumn(esco, 'preferredLabel');
  const escoUriCol = findColumn(esco, 'conceptUri');
  const labels: string[] = [];
  const byUri = new Map<string, number>();
  for (const row of esco.rows) {
    const label = row[labelCol]?.trim();
    const uri = row[escoUriCol]?.trim();
    if (!label || !uri) continue;
    byUri.set(uri, labels.length);
    labels.push(label);
  }
  const val = await readTable(join(dir, VAL_FILE), { header: true });
  const titleCol = findColumn(val, 'vacancyTitle');
  const uriCol = findColumn(val, 'conceptUri');
  const idxCol = 0;
  const queries: string[] = [];
  const targets: number[] = [];
  const dev: number[] = [];
  const idx: number[] = [];
  const uris: string[] = [];
  let skipped = 0;
  for (const row of val.rows) {
    const raw = row[titleCol] ?? '';
    const title = raw.trim();
    const target = byUri.get(row[uriCol]?.trim() ?? '');
    if (!title || target === undefined) {
      if (row.length > 0) skipped++;
      continue;
    }
    queries.push(title);
    targets.push(target);
    dev.push(isJobbertDev(raw) ? 1 : 0);
    idx.push(Number(row[idxCol]));
    uris.push(row[uriCol]?.trim() ?? '');
  }
  return { queries, targets: Int32Array.from(targets), labels, dev: Uint8Array.from(dev), idx: Int32Array.from(idx), uris, skipped };
}

/** Count and sha256 of the dev rows' idx values, sorted, one per line (as the manifest records). */
export function devDigest(idx: readonly number[]): [number, string] {
  const sorted = [...idx].sort((a, b) => a - b);
  return [sorted.length, createHash('sha256').update(sorted.join('\n'), 'utf8').digest('hex')];
}

/** One hand-written recruiter case: the query and the title it must rank first among `list`. */
export interface RecruiterCase {
  query: string;
  expected: string;
  list: string;
  kind: string;
}

/** The recruiter cases file: named lists of plausible titles and the cases ranked in them. */
export interface RecruiterCases {
  lists: Record<string, string[]>;
  cases: RecruiterCase[];
}

/** Reads and checks a recruiter cases file (test/fixtures/recruiter-cases.json). */
export async function loadRecruiterCases(path: string): Promise<RecruiterCases> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(path, 'utf8'));
  } catch (e) {
    throw new UsageError(`Cannot read the recruiter cases ${path}: ${(e as Error).message}. Pass a file with --cases FILE.`);
  }
  const data = parsed as Partial<RecruiterCases>;
  if (typeof data !== 'object' || data === null || typeof data.lists !== 'object' || !Array.isArray(data.cases)) {
    throw new UsageError(`${path} is not a recruiter cases file: it needs "lists" and "cases".`);
  }
  const lists = data.lists;
  for (const c of data.cases) {
    const list = Object.hasOwn(lists, c.list) ? lists[c.list] : undefined;
    if (!list || !list.includes(c.expected)) {
      throw new UsageError(`${path}: the case "${c.query}" expects "${c.expected}", which is not in its list "${c.list}".`);
    }
  }
  return { lists, cases: data.cases };
}

/** One language's development measure: held-out alternative labels and the labels they are ranked against. */
export interface LanguageSet {
  language: string;
  queries: string[];
  /** That language's preferred labels, and each query's own among them. */
  labels: string[];
  targets: Int32Array;
  /** Each query's concept among the English preferred labels (EvalSet.labels). */
  englishTargets: Int32Array;
}

/** Reads esco-i18n/occupations_XX.csv for each language present; concepts not in the English file are left out. */
export async function loadLanguageSets(dir: string, english: EvalSet, languages: readonly string[] = LANGUAGES): Promise<LanguageSet[]> {
  const enRows = await readTable(join(dir, ESCO_FILE), { header: true });
  const enUri = findColumn(enRows, 'conceptUri');
  const enIndex = new Map<string, number>();
  let i = 0;
  for (const row of enRows.rows) {
    const label = row[findColumn(enRows, 'preferredLabel')]?.trim();
    const uri = row[enUri]?.trim();
    if (!label || !uri) continue;
    enIndex.set(uri, i++);
  }
  if (i !== english.labels.length) throw new UsageError(`${ESCO_FILE} changed while it was read`);
  const out: LanguageSet[] = [];
  for (const language of languages) {
    const concepts = await readI18nConcepts(dir, language);
    if (!concepts) continue;
    const labels: string[] = [];
    const own = new Map<string, number>();
    const held: { label: string; uri: string }[] = [];
    for (const { uri, preferred, alternatives } of concepts) {
      if (!preferred || !enIndex.has(uri)) continue;
      own.set(uri, labels.length);
      labels.push(preferred);
      for (const alt of alternatives) if (alt.heldOut) held.push({ label: alt.label, uri });
    }
    out.push({
      language,
      queries: held.map((h) => h.label),
      labels,
      targets: Int32Array.from(held.map((h) => own.get(h.uri) ?? -1)),
      englishTargets: Int32Array.from(held.map((h) => enIndex.get(h.uri) ?? -1)),
    });
  }
  return out;
}

/** One hand-written case in another language: the English title it must rank first among its list. */
export interface LanguageCase extends RecruiterCase {
  language: string;
}

/** Reads the multilingual cases file (test/fixtures/multilingual-cases.json): the recruiter cases' shape, each case with its language. */
export async function loadLanguageCases(path: string): Promise<{ lists: Record<string, string[]>; cases: LanguageCase[] }> {
  const data = await loadRecruiterCases(path);
  for (const c of data.cases as Partial<LanguageCase>[]) {
    if (typeof c.language !== 'string') throw new UsageError(`${path}: the case "${c.query ?? ''}" names no language.`);
  }
  return data as { lists: Record<string, string[]>; cases: LanguageCase[] };
}
