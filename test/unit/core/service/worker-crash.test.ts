import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { MatchProgress } from '../../../../electron/contract/types.js';
import { startWorkerService } from '../../../../electron/core/service/worker-client.js';

// The worker thread dying in the middle of a match (a crash in native code, out of memory): the
// app's service answers the pending call with a message a person can act on, and the next call
// runs in a fresh worker.
const dir = mkdtempSync(join(tmpdir(), 'tm-worker-crash-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const write = (name: string, text: string): string => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};
const candidates = write('candidates.csv', `Title\n${Array.from({ length: 40 }, (_, i) => `Nurse ${String.fromCharCode(97 + (i % 26))}`).join('\n')}\n`);
const openings = write('openings.csv', 'Job title\nRegistered Nurse\nSoftware Engineer\nAccountant\n');
const workerUrl = new URL('./crashing-worker.mjs', import.meta.url);

describe('a worker that dies during a match', () => {
  it.each([
    ['throws an uncaught error', 'error', /^The matching engine stopped unexpectedly \(simulated crash in native code\)\. Open the files again and retry\.$/],
    ['exits as a native abort would', 'exit', /^The matching engine stopped unexpectedly \(exit code 134\)\. Open the files again and retry\.$/],
  ])('%s: the match fails with a message, and the service recovers in a new worker', async (_what, how, message) => {
    const service = startWorkerService({ workerUrl, modelDir: '/none', cacheDir: dir });
    try {
      const c = await service.loadTable(candidates, null);
      const t = await service.loadTable(openings, null);
      const request = { candidates: { tableId: c.tableId, column: 'Title' }, targets: { tableId: t.tableId, column: 'Job title' }, topK: 2 };
      const flag = join(dir, 'crash-once');
      writeFileSync(flag, how);
      const seen: MatchProgress[] = [];
      const error = await service.match(request, { onProgress: (p) => seen.push(p) }).catch((e: unknown) => e);
      expect(error).toMatchObject({ name: 'ServiceError', code: 'engine-stopped', message });
      // It stopped mid-match: the worker took the flag after its first batch of titles, and no
      // progress past encoding came back (a report sent just before the crash may arrive after it).
      expect(existsSync(flag)).toBe(false);
      expect(seen.every((p) => p.phase === 'encoding' && p.done < p.total)).toBe(true);

      // The new worker has none of the old one's tables, and says so; opened again, they match.
      await expect(service.match(request)).rejects.toMatchObject({ code: 'no-table', message: /Open it again/ });
      const c2 = await service.loadTable(candidates, null);
      const t2 = await service.loadTable(openings, null);
      const result = await service.match({ ...request, candidates: { tableId: c2.tableId, column: 'Title' }, targets: { tableId: t2.tableId, column: 'Job title' } });
      expect(result.targets.titles).toEqual(['Registered Nurse', 'Software Engineer', 'Accountant']);
      expect(result.candidates.titles[result.byTarget.indices[0]]).toMatch(/^Nurse /);
    } finally {
      await service.close();
    }
  });
});
