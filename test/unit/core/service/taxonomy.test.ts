/** The app's service against a taxonomy: its occupations as the side to match against, each once per candidate, through all its titles. */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { bundledModelDir, createEngine, type Engine } from '../../../../electron/core/engine/index.js';
import { readTable } from '../../../../electron/core/io/index.js';
import { createMatchService } from '../../../../electron/core/service/index.js';
import { deriveEsco, deriveOnet, writeTaxonomy, writeUnavailable } from '../../../../electron/core/taxonomy/index.js';
import { tempFolder } from '../io/helpers.js';
import { trigramEngine } from './fake-engine.js';

const DATA = join(import.meta.dirname, '..', '..', '..', 'fixtures', 'taxonomy');
const tmp = tempFolder('tm-service-taxonomy-');
const taxonomyDir = join(tmp.dir, 'taxonomies');
const candidates = tmp.file('candidates.csv', 'Name,Current title\nAda,Charge Nurse\nGrace,Android Developer\nAlan,Cost Accountant\n');

beforeAll(async () => {
  await writeTaxonomy(taxonomyDir, await deriveOnet(DATA));
  await writeTaxonomy(taxonomyDir, await deriveEsco(DATA));
});

describe('match service with a taxonomy', () => {
  it('loads a taxonomy as a table of occupations, with what the import screen shows', async () => {
    const service = createMatchService({ modelDir: '/none', engine: trigramEngine(), taxonomyDir });
    const s = await service.loadTaxonomy('esco');
    expect(s.taxonomy).toEqual({ id: 'esco', name: 'ESCO occupations', source: 'ESCO v1, English', attribution: 'ESCO classification, European Commission.', occupations: 2, titles: 6 });
    expect(s.fileName).toBe('ESCO occupations (ESCO v1, English)');
    expect(s.columns.map((c) => c.name)).toEqual(['Occupation', 'Code', 'ISCO-08 unit group']);
    expect(s.preview[1]).toEqual(['specialist nurse', 'http://data.europa.eu/esco/occupation/18e14e61-495b-44cc-a7c6-df4c625934ba', '2221 Nursing professionals']);
  });

  it('ranks each occupation once per candidate, at its best title, and names that title and the code', async () => {
    const service = createMatchService({ modelDir: '/none', engine: trigramEngine(), taxonomyDir, cacheDir: join(tmp.dir, 'cache') });
    const c = await service.loadTable(candidates, null);
    const t = await service.loadTaxonomy('onet');
    const r = await service.match({ candidates: { tableId: c.tableId, column: 'Current title' }, targets: { tableId: t.tableId, column: 'Occupation' }, topK: 3 });
    expect(r.targets.titles).toEqual(['Accountants and Auditors', 'Software Developers', 'Registered Nurses']);
    expect(r.targets.codes).toEqual(['13-2011.00', '15-1252.00', '29-1141.00']);
    // "Charge Nurse" is one of the nurses' titles: that occupation first, through that title, each occupation once.
    const first = (q: number): number[] => r.byCandidate.indices.slice(q * r.byCandidate.k, (q + 1) * r.byCandidate.k);
    expect(first(0)[0]).toBe(2);
    expect(r.byCandidate.matched?.[0]).toBe('Charge Nurse');
    expect(r.byCandidate.scores[0]).toBeCloseTo(1, 5);
    expect(first(1)[0]).toBe(1);
    expect(r.byCandidate.matched?.[r.byCandidate.k]).toBe('Android Developer');
    for (let q = 0; q < 3; q++) expect(new Set(first(q)).size).toBe(3);
    // The other way: for each occupation its candidates, at their best score against any of its titles.
    expect(r.byTarget.indices[2 * r.byTarget.k]).toBe(0);
    expect(r.byTarget.matched?.[2 * r.byTarget.k]).toBe('Charge Nurse');
  });

  it('computes a taxonomy\'s title vectors once per model (a cache file of their own): the second match encodes only the candidates', async () => {
    const encoded: string[][] = [];
    const run = async (): Promise<unknown> => {
      const real = createEngine({ modelDir: bundledModelDir() });
      const engine: Engine = { ...real, encode: (titles, options) => (encoded.push([...titles]), real.encode(titles, options)) };
      const service = createMatchService({ modelDir: bundledModelDir(), engine, taxonomyDir, cacheDir: join(tmp.dir, 'real-cache') });
      try {
        const c = await service.loadTable(candidates, null);
        const t = await service.loadTaxonomy('onet');
        const r = await service.match({ candidates: { tableId: c.tableId, column: 'Current title' }, targets: { tableId: t.tableId, column: 'Occupation' }, topK: 2 });
        return [r.byCandidate, r.byTarget];
      } finally {
        await service.dispose();
      }
    };
    const first = await run();
    expect(encoded.map((e) => e.length)).toEqual([3, 14]);
    const files = await readdir(join(tmp.dir, 'real-cache', 'embeddings'));
    expect(files.filter((f) => f.endsWith('-taxonomy-onet.embeddings'))).toHaveLength(1);
    expect(files).toHaveLength(2);
    expect(await run()).toEqual(first);
    expect(encoded).toHaveLength(2); // nothing left to encode: both came from the cache
  });

  it('exports the code, the occupation and the title that matched, and the ISCO-08 unit group for ESCO', async () => {
    const service = createMatchService({ modelDir: '/none', engine: trigramEngine(), taxonomyDir });
    const c = await service.loadTable(candidates, null);
    const t = await service.loadTaxonomy('esco');
    const r = await service.match({ candidates: { tableId: c.tableId, column: 'Current title' }, targets: { tableId: t.tableId, column: 'Occupation' }, topK: 1 });
    const out = join(tmp.dir, 'esco.xlsx');
    await service.exportResults({ runId: r.runId, format: 'xlsx', direction: 'byCandidate', topK: 1, threshold: 0, openAfter: false }, out);
    const sheet = await readTable(out);
    expect(sheet.columns.slice(3)).toEqual(['Rank', 'Matched title', 'Match row', 'Code (match)', 'ISCO-08 unit group (match)', 'Score', 'Seniority (query)', 'Seniority (match)', 'Title that matched']);
    const ada = sheet.rows.find((row) => row[2] === 'Charge Nurse') ?? [];
    expect([ada[4], ada[6], ada[7], ada.at(-1)]).toEqual(['specialist nurse', 'http://data.europa.eu/esco/occupation/18e14e61-495b-44cc-a7c6-df4c625934ba', '2221 Nursing professionals', expect.stringMatching(/nurse/) as unknown]);
  });

  it('saves a project matched against a taxonomy and reopens it from the app, codes and titles that matched included', async () => {
    const service = createMatchService({ modelDir: '/none', engine: trigramEngine(), taxonomyDir });
    const c = await service.loadTable(candidates, null);
    const t = await service.loadTaxonomy('esco');
    const r = await service.match({ candidates: { tableId: c.tableId, column: 'Current title' }, targets: { tableId: t.tableId, column: 'Occupation' }, topK: 1 });
    const path = join(tmp.dir, 'coded.titlematch');
    const settings = { topK: 1, threshold: 0, direction: 'byCandidate' as const, seniority: 'prefer' as const };
    await service.saveProject(path, { candidates: { tableId: c.tableId, column: 'Current title' }, targets: { tableId: t.tableId, column: 'Occupation' }, settings, runId: r.runId, saveAs: false });
    const saved = JSON.parse(await readFile(path, 'utf8')) as { targets: { taxonomy?: string; relativePath: string | null } };
    expect(saved.targets).toMatchObject({ taxonomy: 'esco', relativePath: null });

    const again = createMatchService({ modelDir: '/none', engine: trigramEngine(), taxonomyDir });
    const reopened = await again.openProject(path);
    expect(reopened.targets?.error).toBeNull();
    expect(reopened.targets?.table?.taxonomy?.id).toBe('esco');
    expect(reopened.targets?.table?.fileName).toBe('ESCO occupations (ESCO v1, English)');
    expect(reopened.result?.targets.codes).toEqual(r.targets.codes);
    expect(reopened.result?.byCandidate.matched).toEqual(r.byCandidate.matched);
    // Reopened, the results export as they did before saving: code, unit group and the title that matched.
    const out = join(tmp.dir, 'coded.xlsx');
    const runId = reopened.result?.runId ?? '';
    await again.exportResults({ runId, format: 'xlsx', direction: 'byCandidate', topK: 1, threshold: 0, openAfter: false }, out);
    const sheet = await readTable(out);
    const ada = sheet.rows.find((row) => row[2] === 'Charge Nurse') ?? [];
    expect([ada[4], ada[6], ada[7], ada.at(-1)]).toEqual(['specialist nurse', 'http://data.europa.eu/esco/occupation/18e14e61-495b-44cc-a7c6-df4c625934ba', '2221 Nursing professionals', expect.stringMatching(/nurse/) as unknown]);
  });

  it('says why a taxonomy is missing from the build', async () => {
    const none = join(tmp.dir, 'none');
    await writeUnavailable(none, 'onet', 'the data folder /x has no onet/Occupation Data.txt to derive it from');
    const service = createMatchService({ modelDir: '/none', engine: trigramEngine(), taxonomyDir: none });
    await expect(service.loadTaxonomy('onet')).rejects.toMatchObject({
      code: 'taxonomy-unavailable',
      message: expect.stringMatching(/^The O\*NET-SOC occupations are not available in this build: the data folder \/x has no onet\/Occupation Data\.txt/) as unknown,
    });
  });
});
