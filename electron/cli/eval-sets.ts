/**
 * The evaluation sets `titlematch eval` measures beside jobbert-val: its fixed dev part
 * ("jobbert-dev", never trained on) and the hand-written recruiter cases.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { UsageError } from './errors.js';

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
