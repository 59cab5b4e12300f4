/**
 * The derived taxonomy files: where they are, how they are written at build time, and how the CLI
 * and the app read them. A build without the data leaves, instead of a taxonomy, a file saying why,
 * so that the app and the CLI can tell a person what is missing and how to get it.
 */
import { existsSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TAXONOMY_NAMES, type TaxonomyId } from '../../contract/taxonomy.js';
import { writeFileAtomic } from '../files/atomic-write.js';
import { ENGLISH } from './languages.js';
import { TAXONOMY_FORMAT, type Occupation, type Taxonomy } from './types.js';

/** Where the build writes the taxonomies, inside the project (and the packaged app). */
export const TAXONOMY_SUBDIR = join('out', 'taxonomies');

/** The project's taxonomy folder, found by walking up from this file to the first package.json. The app passes its own. */
export function defaultTaxonomyDir(from: string = dirname(fileURLToPath(import.meta.url))): string {
  let dir = from;
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return join(dir, TAXONOMY_SUBDIR);
}

/** The taxonomy folder of the CLI and the build: TITLEMATCH_TAXONOMIES where set, else the project's. */
export function taxonomyDir(env: NodeJS.ProcessEnv = process.env): string {
  return env.TITLEMATCH_TAXONOMIES ? resolve(env.TITLEMATCH_TAXONOMIES) : defaultTaxonomyDir();
}

/** The file of a derived taxonomy, and the one a build without its data leaves instead. */
export function taxonomyFiles(dir: string, id: TaxonomyId): { data: string; unavailable: string } {
  return { data: join(dir, `${id}.json`), unavailable: join(dir, `${id}.unavailable.txt`) };
}

/** A taxonomy that this build does not have; the message says why and what to do. */
export class TaxonomyUnavailableError extends Error {
  readonly code = 'taxonomy-unavailable';
  constructor(message: string) {
    super(message);
    this.name = 'TaxonomyUnavailableError';
  }
}

/** Writes a derived taxonomy (and removes a reason left by an earlier build without the data). */
export async function writeTaxonomy(dir: string, taxonomy: Taxonomy): Promise<void> {
  const files = taxonomyFiles(dir, taxonomy.id);
  await writeFileAtomic(files.data, `${JSON.stringify(taxonomy)}\n`, { mkdir: true, kind: 'file' });
  await rm(files.unavailable, { force: true });
}

/** Records why a taxonomy could not be derived (and removes an older derived file: the build ships what it derived). */
export async function writeUnavailable(dir: string, id: TaxonomyId, reason: string): Promise<void> {
  const files = taxonomyFiles(dir, id);
  await writeFileAtomic(files.unavailable, `${reason}\n`, { mkdir: true, kind: 'file' });
  await rm(files.data, { force: true });
}

/** Why a taxonomy is not available: the build's own reason where it left one. */
async function unavailableReason(dir: string, id: TaxonomyId): Promise<string> {
  const files = taxonomyFiles(dir, id);
  const recorded = await readFile(files.unavailable, 'utf8').then((t) => t.trim(), () => '');
  const why = recorded || `${files.data} does not exist (the build derives it from the public data sets, ../shared/data, when they are present)`;
  return `The ${TAXONOMY_NAMES[id]} are not available in this build: ${why}. Build again with the data present (npm run build:node, or TITLEMATCH_DATA=DIR), or match against a file of titles.`;
}

/** A language code as Occupation.names keys them ("de"), English being `name` itself. */
const LANGUAGE_CODE = /^[a-z]{2,3}$/;

/** True for `names` as the build writes it: language codes other than English, each with a non-empty label. */
function isNames(names: unknown): boolean {
  if (typeof names !== 'object' || names === null || Array.isArray(names)) return false;
  return Object.entries(names).every(([language, label]) => LANGUAGE_CODE.test(language) && language !== ENGLISH && typeof label === 'string' && label !== '');
}

/** True for an occupation as the build writes one: a code, a name, its titles, and an optional unit group and names. */
function isOccupation(o: unknown): o is Occupation {
  if (typeof o !== 'object' || o === null) return false;
  const { code, name, isco, titles, names, foreign } = o as Partial<Record<keyof Occupation, unknown>>;
  return (
    typeof code === 'string' &&
    code !== '' &&
    typeof name === 'string' &&
    name !== '' &&
    (isco === undefined || typeof isco === 'string') &&
    Array.isArray(titles) &&
    titles.length > 0 &&
    titles.every((t) => typeof t === 'string') &&
    (names === undefined || isNames(names)) &&
    (foreign === undefined || (Number.isInteger(foreign) && (foreign as number) > 0 && (foreign as number) < titles.length))
  );
}

/** Reads a derived taxonomy; throws TaxonomyUnavailableError naming why when the build has none. */
export async function loadTaxonomy(id: TaxonomyId, dir: string = taxonomyDir()): Promise<Taxonomy> {
  const { data } = taxonomyFiles(dir, id);
  let text: string;
  try {
    text = await readFile(data, 'utf8');
  } catch {
    throw new TaxonomyUnavailableError(await unavailableReason(dir, id));
  }
  let parsed: Partial<Taxonomy>;
  try {
    parsed = JSON.parse(text) as Partial<Taxonomy>;
  } catch {
    parsed = {};
  }
  if (parsed.format !== TAXONOMY_FORMAT || parsed.id !== id || !Array.isArray(parsed.occupations) || parsed.occupations.length === 0 || !parsed.occupations.every(isOccupation)) {
    throw new TaxonomyUnavailableError(`The ${TAXONOMY_NAMES[id]} file ${data} is damaged or from another version of TitleMatch. Build again (npm run build:node) to derive it anew.`);
  }
  return parsed as Taxonomy;
}

/** Whether each taxonomy can be used, and why not where it cannot (the app's "Match against" choices). */
export async function taxonomyStatus(id: TaxonomyId, dir: string = taxonomyDir()): Promise<{ available: true; occupations: number; titles: number } | { available: false; reason: string }> {
  try {
    const t = await loadTaxonomy(id, dir);
    return { available: true, occupations: t.occupations.length, titles: t.occupations.reduce((n, o) => n + o.titles.length, 0) };
  } catch (e) {
    if (e instanceof TaxonomyUnavailableError) return { available: false, reason: e.message };
    throw e;
  }
}
