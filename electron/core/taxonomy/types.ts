/** A taxonomy as shipped: occupations with their codes and every title that names them. */
import type { TaxonomyId } from '../../contract/taxonomy.js';
import type { Table } from '../io/types.js';
import { ENGLISH, languageName } from './languages.js';

/** The format tag of a derived taxonomy file; a file with another tag is refused. */
export const TAXONOMY_FORMAT = 'titlematch-taxonomy-1';

/** One occupation: its code, its name, and the titles that resolve to it (its name first). */
export interface Occupation {
  /** The O*NET-SOC code (29-1141.00) or the ESCO concept URI. */
  code: string;
  /** Its name in English: the O*NET-SOC title, or ESCO's English preferred label. */
  name: string;
  /**
   * ESCO: its preferred label in each other language the data has one in, by language code
   * ({ de: "Buchhalter/Buchhalterin" }); absent where there is none (O*NET). Never holds "en".
   */
  names?: Record<string, string>;
  /** The ISCO-08 unit group ("2221 Nursing professionals"), for ESCO. */
  isco?: string;
  /** Distinct titles, the occupation's own name first. */
  titles: string[];
  /**
   * ESCO: how many of the last `titles` are labels in other languages (esco-i18n), which only the
   * multilingual model reads; absent where there are none.
   */
  foreign?: number;
}

/** A derived taxonomy file's content. */
export interface Taxonomy {
  format: typeof TAXONOMY_FORMAT;
  id: TaxonomyId;
  /** "O*NET-SOC occupations". */
  name: string;
  /** The release it was derived from ("O*NET 27.0 Database"). */
  source: string;
  /** The licence's attribution line, shown in reports, NOTICE and the About box. */
  attribution: string;
  occupations: Occupation[];
}

/** Every title of a taxonomy in one list, with the occupation each belongs to. */
export interface TaxonomyTitles {
  titles: string[];
  /** Index into `occupations` of each title. */
  owner: Int32Array;
}

/**
 * The titles of all occupations, flattened in occupation order (a title two occupations share is
 * listed for each); with `english`, without the labels in other languages (for the English model,
 * to which they are noise).
 */
export function taxonomyTitles(taxonomy: Pick<Taxonomy, 'occupations'>, options: { english?: boolean } = {}): TaxonomyTitles {
  const titles: string[] = [];
  const owner: number[] = [];
  taxonomy.occupations.forEach((o, i) => {
    const n = options.english ? o.titles.length - (o.foreign ?? 0) : o.titles.length;
    for (let j = 0; j < n; j++) {
      titles.push(o.titles[j]);
      owner.push(i);
    }
  });
  return { titles, owner: Int32Array.from(owner) };
}

/**
 * The occupations of a taxonomy as a table, as reports and the app show them: its name and release
 * as the file name, one row per occupation (Occupation, Code and, for ESCO, ISCO-08 unit group).
 * `language` is the one the occupations are named in (inLanguage): the file name says so where it is not English.
 */
export function occupationsTable(taxonomy: Taxonomy, language: string = ENGLISH): Table {
  const withIsco = taxonomy.occupations.some((o) => o.isco !== undefined);
  return {
    path: `${taxonomy.name} (${taxonomy.source})${language === ENGLISH ? '' : `, preferred labels in ${languageName(language)}`}`,
    sheets: [],
    columns: ['Occupation', 'Code', ...(withIsco ? ['ISCO-08 unit group'] : [])],
    rows: taxonomy.occupations.map((o) => [o.name, o.code, ...(withIsco ? [o.isco ?? ''] : [])]),
  };
}
