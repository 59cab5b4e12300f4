/** The occupation taxonomies shipped with the app, as the renderer, main and the CLI name them. */

/** A taxonomy's id: O*NET-SOC (US) or ESCO (EU). */
export type TaxonomyId = 'onet' | 'esco';

/** Every taxonomy, in the order the app offers them. */
export const TAXONOMY_IDS = ['onet', 'esco'] as const satisfies readonly TaxonomyId[];

/** How the app and reports name each taxonomy. */
export const TAXONOMY_NAMES: Readonly<Record<TaxonomyId, string>> = {
  onet: 'O*NET-SOC occupations',
  esco: 'ESCO occupations',
};

/** True for a taxonomy id (checked at the IPC boundary and on the command line). */
export function isTaxonomyId(value: unknown): value is TaxonomyId {
  return typeof value === 'string' && (TAXONOMY_IDS as readonly string[]).includes(value);
}

/** A taxonomy loaded as the side to match against, as the import screen shows it. */
export interface TaxonomySummary {
  id: TaxonomyId;
  name: string;
  /** The release it was derived from ("O*NET 27.0 Database"). */
  source: string;
  /** The licence's attribution line. */
  attribution: string;
  occupations: number;
  /** Titles ranked for them (occupation titles, alternate and reported titles, alternative labels). */
  titles: number;
}
