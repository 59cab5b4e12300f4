/**
 * The taxonomies in the match service: each loaded once and kept as a table of its occupations
 * (what the import screen, reports and exports show), and matched through all its titles with the
 * core's collapsing step, as `match --taxonomy` does.
 */
import { TAXONOMY_NAMES, type TaxonomyId, type TaxonomySummary } from '../../contract/taxonomy.js';
import type { Ranking } from '../../contract/types.js';
import type { Table } from '../io/index.js';
import type { TopKOptions } from '../match/index.js';
import {
  collapseQueries,
  defaultTaxonomyDir,
  loadTaxonomy,
  occupationsTable,
  occupationTopK,
  taxonomyTitles,
  type OccupationTopK,
  type Taxonomy,
  type TaxonomyTitles,
  type TopKFunction,
} from '../taxonomy/index.js';

/** A taxonomy as the service keeps it. */
export interface KeptTaxonomy {
  taxonomy: Taxonomy;
  /** The titles a run reads: every title (multilingual model, a chosen folder's), or `english` for the English model. */
  titles: TaxonomyTitles;
  /** Without the labels in other languages, for the English model. */
  english: TaxonomyTitles;
  /** One row per occupation: Occupation, Code and, for ESCO, ISCO-08 unit group. */
  table: Table;
  summary: TaxonomySummary;
}

/** Loads each taxonomy from `dir` once (a failed load is tried again next time). */
export function taxonomyStore(dir: string = defaultTaxonomyDir()): (id: TaxonomyId) => Promise<KeptTaxonomy> {
  const loaded = new Map<TaxonomyId, Promise<KeptTaxonomy>>();
  return (id) => {
    let kept = loaded.get(id);
    if (!kept) {
      kept = loadTaxonomy(id, dir).then((taxonomy) => {
        const titles = taxonomyTitles(taxonomy);
        const summary = { id, name: TAXONOMY_NAMES[id], source: taxonomy.source, attribution: taxonomy.attribution, occupations: taxonomy.occupations.length, titles: titles.titles.length };
        return { taxonomy, titles, english: taxonomyTitles(taxonomy, { english: true }), table: occupationsTable(taxonomy), summary };
      });
      kept.catch(() => loaded.delete(id));
      loaded.set(id, kept);
    }
    return kept;
  };
}

/** A ranking as the service's toRanking takes it: the model's scores are the ranking's (no seniority adjustment against occupations). */
type Ranked = OccupationTopK & { modelScores: Float32Array; best: Float32Array };

function ranked(r: OccupationTopK): Ranked {
  const best = new Float32Array(r.counts.length);
  for (let q = 0; q < r.counts.length; q++) best[q] = r.scores[q * r.k];
  return { ...r, modelScores: r.scores, best };
}

/**
 * Both directions against a taxonomy: for each candidate title its best occupations (each once, at
 * its best title), and for each occupation its best candidates (at their best score against any of
 * its titles). `onMatch(offset)` reports progress as the service's other matches do.
 */
export async function taxonomyRankings(
  topK: TopKFunction,
  kept: KeptTaxonomy,
  candidates: Float32Array,
  titleVectors: Float32Array,
  dim: number,
  k: number,
  options: { signal?: AbortSignal; onMatch: (offset: number) => TopKOptions['onProgress'] },
): Promise<{ byTarget: Ranked; byCandidate: Ranked }> {
  const { owner } = kept.titles;
  const occupations = kept.taxonomy.occupations.length;
  // Progress counts occupations and candidates, as the service's total does; the titles' pass is the quick part.
  const byTitle = await topK(titleVectors, candidates, dim, k, { signal: options.signal });
  options.onMatch(0)?.({ done: occupations, total: occupations });
  const byTarget = collapseQueries(byTitle, owner, occupations, k);
  const byCandidate = await occupationTopK(topK, candidates, titleVectors, dim, owner, occupations, k, { signal: options.signal, onProgress: options.onMatch(occupations) });
  return { byTarget: ranked(byTarget), byCandidate: ranked(byCandidate) };
}

/** The title that matched at each place of a finished ranking ('' for padding), for the results to show. */
export function matchedTitles(ranking: Ranking, r: Pick<OccupationTopK, 'k' | 'titles'>, titles: readonly string[]): string[] {
  return ranking.indices.map((index, at) => {
    const q = Math.floor(at / ranking.k);
    const title = index < 0 ? -1 : r.titles[q * r.k + (at % ranking.k)];
    return title < 0 ? '' : titles[title];
  });
}
