/**
 * The occupation taxonomies shipped with TitleMatch (O*NET-SOC and ESCO): derived at build time
 * from the public data sets, read by the CLI and the app, and ranked occupation by occupation.
 */
export { deriveEsco, deriveOnet, deriveTaxonomy, missingSources } from './derive.js';
export { defaultTaxonomyDir, loadTaxonomy, TaxonomyUnavailableError, taxonomyDir, taxonomyFiles, taxonomyStatus, writeTaxonomy, writeUnavailable } from './load.js';
export { ENGLISH, inLanguage, languageName, taxonomyLanguages } from './languages.js';
export { collapseQueries, collapseToOccupations, occupationTopK } from './rank.js';
export type { OccupationTopK, TopKFunction } from './rank.js';
export { occupationsTable, taxonomyTitles } from './types.js';
export type { Taxonomy, TaxonomyTitles } from './types.js';
