/**
 * esco-i18n: the ESCO occupations' labels in six more languages, keyed by the same concept URIs,
 * and the one fixed rule that holds a fifth of each language's alternative labels out of training
 * (models/training/titlematch_train/i18n.py applies it too). The held-out labels are the
 * per-language measure of `eval`; the others are trained on and ship in the ESCO taxonomy as more
 * titles of their occupations, so a German title is coded through German labels.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { findColumn, readTable } from '../io/index.js';

/** The six languages of esco-i18n, beside English. */
export const LANGUAGES = ['de', 'es', 'fr', 'nl', 'pl', 'pt'] as const;

/** Share of each language's alternative labels held out of training (i18n.py applies the same rule). */
const I18N_DEV_SHARE = 0.2;

/** A language's file, relative to the data folder. */
export function i18nFile(language: string): string {
  return join('esco-i18n', `occupations_${language}.csv`);
}

/**
 * True when an alternative label of an ESCO concept in another language is held out of training:
 * the first 8 hex digits of sha256("esco-i18n-dev:" + language + ":" + conceptUri + ":" + label)
 * fall below 0.2 of 2**32 (models/training/titlematch_train/i18n.py).
 */
export function isI18nDev(language: string, uri: string, label: string): boolean {
  const hex = createHash('sha256').update(`esco-i18n-dev:${language}:${uri}:${label}`, 'utf8').digest('hex');
  return Number.parseInt(hex.slice(0, 8), 16) < I18N_DEV_SHARE * 2 ** 32;
}

/** One ESCO concept's labels in one language: alternative labels flagged where held out. */
export interface I18nConcept {
  uri: string;
  /** Trimmed; '' where the file gives none. */
  preferred: string;
  /** Trimmed, non-empty, other than the preferred label. */
  alternatives: { label: string; heldOut: boolean }[];
}

/** A language's concepts as its file lists them (rows without a concept URI left out); undefined when the data folder lacks the file. */
export async function readI18nConcepts(dataDir: string, language: string): Promise<I18nConcept[] | undefined> {
  const file = join(dataDir, i18nFile(language));
  if (!existsSync(file)) return undefined;
  const table = await readTable(file, { header: true });
  const [uriCol, prefCol, altCol] = [findColumn(table, 'conceptUri'), findColumn(table, 'preferredLabel'), findColumn(table, 'altLabels')];
  const concepts: I18nConcept[] = [];
  for (const row of table.rows) {
    const uri = row[uriCol]?.trim() ?? '';
    if (uri === '') continue;
    const preferred = row[prefCol]?.trim() ?? '';
    const alternatives: I18nConcept['alternatives'] = [];
    for (const alt of (row[altCol] ?? '').split('\n')) {
      const label = alt.trim();
      if (label !== '' && label !== preferred) alternatives.push({ label, heldOut: isI18nDev(language, uri, label) });
    }
    concepts.push({ uri, preferred, alternatives });
  }
  return concepts;
}

/** The labels of the languages of the data folder, as the ESCO taxonomy ships them. */
export interface I18nLabels {
  /** The languages found, in LANGUAGES' order. */
  languages: string[];
  /** Each concept's preferred label and its alternative labels that are not held out. */
  labels: { uri: string; label: string }[];
  /** Each concept's non-empty preferred label in each language (the name an occupation is given in it). */
  preferred: { uri: string; language: string; label: string }[];
}

/** The labels of every language present in the data folder that are not held out, with the languages found. */
export async function i18nLabels(dataDir: string): Promise<I18nLabels> {
  const out: I18nLabels = { languages: [], labels: [], preferred: [] };
  for (const language of LANGUAGES) {
    const concepts = await readI18nConcepts(dataDir, language);
    if (!concepts) continue;
    out.languages.push(language);
    for (const { uri, preferred, alternatives } of concepts) {
      if (preferred !== '') {
        out.labels.push({ uri, label: preferred });
        out.preferred.push({ uri, language, label: preferred });
      }
      for (const alt of alternatives) if (!alt.heldOut) out.labels.push({ uri, label: alt.label });
    }
  }
  return out;
}
