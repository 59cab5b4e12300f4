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
import { UsageError } from './errors.js';

const VAL_FILE = join('jobbert-val', 'titles.csv');
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
  }
  return { queries, targets: Int32Array.from(targets), labels, dev: Uint8Array.from(dev), idx: Int32Array.from(idx), skipped };
}

const SALT = 'jobbert-dev:';
const DEV_SHARE = 0.36;

/** The title as the split sees it: lower case, ASCII spaces collapsed (as jobbert.py). */
function splitKey(title: string): string {
  return title
    .replace(/^[ \t\r\n]+|[ \t\r\n]+$/gu, '')
    .replace(/[ \t\r\n]+/gu, ' ')
    .toLowerCase();
}

/**
 * True when a jobbert-val title is in the dev part of the one fixed split. The split is by title,
 * so a dev title never has an exact twin in training; the rule is the one of
 * models/training/titlematch_train/jobbert.py, which the training pipeline applies.
 */
export function isJobbertDev(title: string): boolean {
  const hex = createHash('sha256').update(SALT + splitKey(title), 'utf8').digest('hex');
  return Number.parseInt(hex.slice(0, 8), 16) < DEV_SHARE * 2 ** 32;
}

/**
 * Which half of jobbert-dev a title is in: the confidence calibration is fitted on "fit" and
 * measured on "measure", so its reported error is on titles it never saw.
 */
export function jobbertDevHalf(title: string): 'fit' | 'measure' {
  const hex = createHash('sha256').update(`jobbert-dev-half:${splitKey(title)}`, 'utf8').digest('hex');
  return Number.parseInt(hex.slice(0, 8), 16) % 2 === 0 ? 'fit' : 'measure';
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
