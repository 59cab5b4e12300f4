/**
 * The languages a taxonomy names its occupations in: English always, and for ESCO each language of
 * esco-i18n its occupations have a preferred label in (Occupation.names). `match --taxonomy esco
 * --language de` names each occupation by its German preferred label.
 */
import { LANGUAGE_NAMES, TITLE_LANGUAGES, type TitleLanguage } from '../text/language.js';
import type { Occupation, Taxonomy } from './types.js';

/** The language of every occupation's `name`. */
export const ENGLISH = 'en';

/** "German" for "de"; the code itself for a language without a name (core/text/language.ts). */
export function languageName(code: string): string {
  return (TITLE_LANGUAGES as readonly string[]).includes(code) ? LANGUAGE_NAMES[code as TitleLanguage] : code;
}

/** The languages a taxonomy's occupations are named in: English first, then the others in alphabetical order. */
export function taxonomyLanguages(taxonomy: Pick<Taxonomy, 'occupations'>): string[] {
  const others = new Set<string>();
  for (const o of taxonomy.occupations) for (const language of Object.keys(o.names ?? {})) others.add(language);
  others.delete(ENGLISH);
  return [ENGLISH, ...[...others].sort()];
}

/** An occupation's preferred label in a language; undefined where it has none. */
function nameIn(o: Occupation, language: string): string | undefined {
  if (language === ENGLISH) return o.name;
  return o.names !== undefined && Object.hasOwn(o.names, language) ? o.names[language] : undefined;
}

/**
 * The taxonomy with each occupation named in `language`: its preferred label there, or its English
 * name where it has none (`fellBack` marks those, by occupation index). Codes, titles and unit
 * groups stay as they are, so a match ranks the same in every language.
 */
export function inLanguage(taxonomy: Taxonomy, language: string): { taxonomy: Taxonomy; fellBack: Uint8Array } {
  const fellBack = new Uint8Array(taxonomy.occupations.length);
  if (language === ENGLISH) return { taxonomy, fellBack };
  const occupations = taxonomy.occupations.map((o, i) => {
    const name = nameIn(o, language);
    if (name !== undefined) return { ...o, name };
    fellBack[i] = 1;
    return o;
  });
  return { taxonomy: { ...taxonomy, occupations }, fellBack };
}
