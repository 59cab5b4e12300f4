/** The desktop service with a title cache: a second match of the same files encodes nothing and ranks the same. */
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundledModelDir, createEngine, type Engine } from '../../../../electron/core/engine/index.js';
import { createMatchService } from '../../../../electron/core/service/index.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tm-service-cache-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('match service with a title cache', () => {
  it('encodes titles once across runs and services, with the same rankings', async () => {
    const candidates = join(dir, 'candidates.csv');
    const openings = join(dir, 'openings.csv');
    await writeFile(candidates, 'Name,Current title\nAda,Senior Software Engineer\nGrace,Registered Nurse\nBarbara,Truck Driver\nAlan,Accountant\n');
    await writeFile(openings, 'Job title\nSoftware Developer\nNurse\nHGV Driver\nBookkeeper\n');
    const encoded: string[][] = [];
    const run = async (): Promise<unknown> => {
      const real = createEngine({ modelDir: bundledModelDir() });
      const engine: Engine = { ...real, encode: (titles, options) => (encoded.push([...titles]), real.encode(titles, options)) };
      const service = createMatchService({ modelDir: bundledModelDir(), engine, cacheDir: join(dir, 'cache') });
      try {
        const c = await service.loadTable(candidates, null);
        const t = await service.loadTable(openings, null);
        const r = await service.match({ candidates: { tableId: c.tableId, column: 'Current title' }, targets: { tableId: t.tableId, column: 'Job title' }, topK: 3 });
        return [r.byTarget, r.byCandidate];
      } finally {
        await service.dispose();
      }
    };
    const first = await run();
    expect(encoded).toHaveLength(1);
    expect(encoded[0]).toHaveLength(8);
    expect(await readdir(join(dir, 'cache', 'embeddings'))).toHaveLength(1);
    const second = await run();
    expect(encoded).toHaveLength(1); // nothing left to encode
    expect(second).toEqual(first);
  });
});
