#!/usr/bin/env node
// Derives the occupation taxonomies the app and the CLI ship (out/taxonomies/onet.json, esco.json;
// TITLEMATCH_TAXONOMIES names another folder) from the public data sets: --data DIR, else
// TITLEMATCH_DATA, else ../shared/data. Run by `npm run build:node` after tsc. Where the data is
// absent the build goes on: each missing taxonomy gets a NAME.unavailable.txt saying why, which the
// app and the CLI show.
import { dataDir } from '../out/electron/cli/eval-sets.js';
import { deriveTaxonomy, missingSources, taxonomyDir, writeTaxonomy, writeUnavailable } from '../out/electron/core/taxonomy/index.js';

const at = process.argv.indexOf('--data');
const data = dataDir(at >= 0 ? process.argv[at + 1] : undefined);
const out = taxonomyDir();
for (const id of ['onet', 'esco']) {
  const missing = missingSources(id, data);
  if (missing.length > 0) {
    const reason = `the data folder ${data} has no ${missing.join(', ')} to derive it from`;
    await writeUnavailable(out, id, reason);
    console.warn(`taxonomies: ${id} not derived: ${reason}`);
    continue;
  }
  try {
    const taxonomy = await deriveTaxonomy(id, data);
    await writeTaxonomy(out, taxonomy);
    const titles = taxonomy.occupations.reduce((n, o) => n + o.titles.length, 0);
    console.log(`taxonomies: ${id}: ${taxonomy.occupations.length} occupations, ${titles} titles (${taxonomy.source})`);
  } catch (e) {
    const reason = `deriving it from ${data} failed: ${e instanceof Error ? e.message : String(e)}`;
    await writeUnavailable(out, id, reason);
    console.warn(`taxonomies: ${id} not derived: ${reason}`);
  }
}
