/**
 * jobbert-val (real vacancy titles, each tagged with its ESCO occupation; MIT) and its one fixed
 * split by title: the dev part ("jobbert-dev", 36%) is only ever measured; the training part is
 * trained on (models/training/titlematch_train/jobbert.py applies the same rule) and ships inside
 * the ESCO taxonomy as more titles of their occupations. One place for the rule, which the build,
 * `eval`, the confidence fit and the feedback bench all use.
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { findColumn, readTable } from '../io/index.js';

/** jobbert-val's file, relative to the data folder. */
export const JOBBERT_FILE = join('jobbert-val', 'titles.csv');

/** The attribution the JobBERT data's licence asks for (also in NOTICE and the About box). */
export const JOBBERT_ATTRIBUTION = 'Vacancy titles: JobBERT evaluation data, Decorte et al. 2021 (MIT licence).';

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

/** The training part of jobbert-val: each title (as written) with its ESCO concept URI; dev titles never. */
export async function jobbertTrainingTitles(dataDir: string): Promise<{ title: string; uri: string }[]> {
  const val = await readTable(join(dataDir, JOBBERT_FILE), { header: true });
  const titleCol = findColumn(val, 'vacancyTitle');
  const uriCol = findColumn(val, 'conceptUri');
  const out: { title: string; uri: string }[] = [];
  for (const row of val.rows) {
    const title = row[titleCol] ?? '';
    const uri = (row[uriCol] ?? '').trim();
    if (title.trim() === '' || uri === '' || isJobbertDev(title)) continue;
    out.push({ title, uri });
  }
  return out;
}
