import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MessageChannel } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import type { MatchProgress } from '../../../../electron/contract/types.js';
import { Eta, connectService, createMatchService, explainMatch, serveService } from '../../../../electron/core/service/index.js';
import { trigramEngine } from './fake-engine.js';
import { bundledModelDir } from '../../../../electron/core/engine/index.js';
import { loadLanguageProfile } from '../../../../electron/core/pipeline/route.js';

const dir = mkdtempSync(join(tmpdir(), 'tm-service-'));
const write = (name: string, text: string): string => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};

const candidatesCsv = write(
  'candidates.csv',
  'Name,Email,Current title\nAda,ada@x.org,Senior Software Engineer\nGrace,grace@x.org,Registered Nurse\nAlan,alan@x.org,  Senior Software Engineer \nEdsger,,\nBarbara,b@x.org,Truck Driver\n',
);
const openingsCsv = write('openings.csv', 'Job title,Location\nSoftware Engineer,Berlin\nNurse,Paris\n');

describe('match service', () => {
  it('summarises a table for the import screen', async () => {
    const service = createMatchService({ modelDir: '/none', engine: trigramEngine() });
    const s = await service.loadTable(candidatesCsv, null);
    expect(s.fileName).toBe('candidates.csv');
    expect(s.rowCount).toBe(5);
    expect(s.suggestedColumn).toBe('Current title');
    expect(s.columns.map((c) => [c.name, c.filled, c.distinct])).toEqual([
      ['Name', 5, 5],
      ['Email', 4, 4],
      ['Current title', 4, 3],
    ]);
    expect(s.preview[0]).toEqual(['Ada', 'ada@x.org', 'Senior Software Engineer']);
    expect(s.sheets).toEqual([]);
  });

  it('matches distinct titles both ways, with progress through both phases', async () => {
    const service = createMatchService({ modelDir: '/none', engine: trigramEngine(), progressEveryMs: 0 });
    const c = await service.loadTable(candidatesCsv, null);
    const t = await service.loadTable(openingsCsv, null);
    const progress: MatchProgress[] = [];
    const r = await service.match(
      { candidates: { tableId: c.tableId, column: 'Current title' }, targets: { tableId: t.tableId, column: 'Job title' }, topK: 5 },
      { onProgress: (p) => progress.push(p) },
    );
    // Titles are trimmed and counted once; blank cells are skipped.
    expect(r.candidates.titles).toEqual(['Senior Software Engineer', 'Registered Nurse', 'Truck Driver']);
    expect(r.candidates.rowCounts).toEqual([2, 1, 1]);
    expect(r.candidates.rowCount).toBe(5);
    expect(r.targets.titles).toEqual(['Software Engineer', 'Nurse']);
    expect(r.byTarget.k).toBe(5);
    const best = (ranking: typeof r.byTarget, q: number) => ranking.indices[q * ranking.k];
    expect(r.candidates.titles[best(r.byTarget, 0)]).toBe('Senior Software Engineer');
    expect(r.candidates.titles[best(r.byTarget, 1)]).toBe('Registered Nurse');
    expect(r.targets.titles[best(r.byCandidate, 2)]).toBe('Software Engineer');
    // Fewer titles than k: padded with -1, scores best first.
    expect(r.byTarget.indices.slice(0, 5)).toEqual([expect.any(Number), expect.any(Number), expect.any(Number), -1, -1]);
    expect(r.byCandidate.indices.filter((i) => i >= 0)).toHaveLength(6);
    const scores = r.byTarget.scores.slice(0, 3);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    expect(r.provider).toBe('CPU, 2 threads');
    expect(progress[0].phase).toBe('encoding');
    expect(progress.at(-1)).toMatchObject({ phase: 'matching', done: 5, total: 5 });
    expect(progress.some((p) => p.phase === 'encoding' && p.done === p.total)).toBe(true);
  });

  it('stops when cancelled, and can run again afterwards', async () => {
    const engine = trigramEngine({ batch: 1, pauseMs: 5 });
    const service = createMatchService({ modelDir: '/none', engine });
    const many = write('many.csv', `Title\n${Array.from({ length: 400 }, (_, i) => `Engineer ${i}`).join('\n')}\n`);
    const c = await service.loadTable(many, null);
    const t = await service.loadTable(openingsCsv, null);
    const request = { candidates: { tableId: c.tableId, column: 'Title' }, targets: { tableId: t.tableId, column: 'Job title' }, topK: 3 };
    const controller = new AbortController();
    const running = service.match(request, { signal: controller.signal, onProgress: () => controller.abort() });
    await expect(running).rejects.toMatchObject({ name: 'AbortError' });
    expect(engine.encoded).toBeLessThan(50);
    await expect(service.match({ ...request, candidates: { tableId: t.tableId, column: 'Job title' } })).resolves.toMatchObject({ topK: 3 });
  });

  it('stops when cancelled while ranking, and can run again afterwards', async () => {
    // In process, so that the cancel lands at the ranking's first report rather than whenever a
    // message arrives (across the worker's port the same abort comes back as 'cancelled', above).
    const service = createMatchService({ modelDir: '/none', engine: trigramEngine({ batch: 64 }), progressEveryMs: 0 });
    const many = await service.loadTable(write('ranked.csv', `Title\n${Array.from({ length: 3000 }, (_, i) => `Engineer ${i}`).join('\n')}\n`), null);
    const t = await service.loadTable(openingsCsv, null);
    const request = { candidates: { tableId: many.tableId, column: 'Title' }, targets: { tableId: t.tableId, column: 'Job title' }, topK: 3 };
    const controller = new AbortController();
    const seen: MatchProgress[] = [];
    const running = service.match(request, {
      signal: controller.signal,
      onProgress: (p) => {
        seen.push(p);
        if (p.phase === 'matching') controller.abort();
      },
    });
    await expect(running).rejects.toMatchObject({ name: 'AbortError' });
    // Encoding had finished; the ranking had begun and was stopped before it finished.
    expect(seen.some((p) => p.phase === 'encoding' && p.done === p.total)).toBe(true);
    const ranking = seen.filter((p) => p.phase === 'matching');
    expect(ranking).toHaveLength(1);
    expect(ranking[0].done).toBeLessThan(ranking[0].total);
    // The service is not left busy: the next run goes through.
    const again = await service.match(request);
    expect(again.targets.titles).toEqual(['Software Engineer', 'Nurse']);
    expect(again.byTarget.k).toBe(3);
    expect(again.byCandidate.indices).toHaveLength(3000 * 3);
  });

  it('runs one match at a time and names what is missing', async () => {
    const service = createMatchService({ modelDir: '/none', engine: trigramEngine({ pauseMs: 5 }) });
    const c = await service.loadTable(candidatesCsv, null);
    const t = await service.loadTable(openingsCsv, null);
    const request = { candidates: { tableId: c.tableId, column: 'Current title' }, targets: { tableId: t.tableId, column: 'Job title' }, topK: 2 };
    const first = service.match(request);
    await expect(service.match(request)).rejects.toMatchObject({ code: 'busy' });
    await first;
    await expect(service.match({ ...request, targets: { tableId: 'gone', column: 'x' } })).rejects.toMatchObject({ code: 'no-table', message: /Open it again/ });
    await expect(service.match({ ...request, targets: { tableId: t.tableId, column: 'Salary' } })).rejects.toMatchObject({ code: 'no-column' });
    const blank = await service.loadTable(write('blank.csv', 'Title,Other\n,1\n,2\n'), null);
    await expect(service.match({ ...request, targets: { tableId: blank.tableId, column: 'Title' } })).rejects.toMatchObject({ code: 'no-titles', message: /has no titles/ });
  });

  it('saves a project and reopens it with its tables and results, reporting inputs that are gone', async () => {
    const service = createMatchService({ modelDir: '/none', engine: trigramEngine() });
    const gone = write('gone.csv', 'Job title\nNurse\n');
    const c = await service.loadTable(candidatesCsv, null);
    const t = await service.loadTable(gone, null);
    const r = await service.match({ candidates: { tableId: c.tableId, column: 'Current title' }, targets: { tableId: t.tableId, column: 'Job title' }, topK: 2 });
    const path = join(dir, 'work.titlematch');
    const settings = { topK: 2, threshold: 0.3, direction: 'byTarget' as const, seniority: 'require' as const };
    await service.saveProject(path, { candidates: { tableId: c.tableId, column: 'Current title' }, targets: { tableId: t.tableId, column: 'Job title' }, settings, runId: r.runId, saveAs: false });
    rmSync(gone);

    const reopened = await createMatchService({ modelDir: '/none', engine: trigramEngine() }).openProject(path);
    expect(reopened.settings).toEqual(settings);
    expect(reopened.candidates?.table?.fileName).toBe('candidates.csv');
    expect(reopened.candidates?.column).toBe('Current title');
    expect(reopened.targets?.table).toBeNull();
    expect(reopened.targets?.error?.code).toBe('not-found');
    expect(reopened.result?.candidates.titles).toEqual(r.candidates.titles);
    expect(reopened.result?.byTarget.indices).toEqual(r.byTarget.indices);
  });

  it('works the same across a message port, codes, progress and cancellation included', async () => {
    const channel = new MessageChannel();
    const engine = trigramEngine({ batch: 1, pauseMs: 5 });
    serveService(channel.port1, createMatchService({ modelDir: '/none', engine, progressEveryMs: 0 }));
    const remote = connectService(channel.port2);
    try {
      const c = await remote.loadTable(candidatesCsv, null);
      await expect(remote.loadTable(join(dir, 'nope.csv'), null)).rejects.toMatchObject({ name: 'ServiceError', code: 'not-found' });
      const status = await remote.engineStatus();
      expect(status).toMatchObject({ state: 'ready', provider: { label: 'CPU, 2 threads' }, skipped: [{ provider: 'webgpu', reason: 'no adapter' }] });
      await remote.engineStatus();
      expect(engine.warmUps).toBe(1); // once, after the first load
      const many = await remote.loadTable(write('many2.csv', `Title\n${Array.from({ length: 300 }, (_, i) => `Nurse ${i}`).join('\n')}\n`), null);
      const controller = new AbortController();
      const seen: MatchProgress[] = [];
      const running = remote.match(
        { candidates: { tableId: many.tableId, column: 'Title' }, targets: { tableId: c.tableId, column: 'Current title' }, topK: 1 },
        { signal: controller.signal, onProgress: (p) => { seen.push(p); if (seen.length === 3) controller.abort(); } },
      );
      await expect(running).rejects.toMatchObject({ code: 'cancelled' });
      expect(seen.length).toBeGreaterThanOrEqual(3);
    } finally {
      channel.port1.close();
      channel.port2.close();
    }
  });
});

describe('where the engine runs', () => {
  it('makes the engine for the setting, reloads it when the setting changes, and reports the choice', async () => {
    const made: { providers: readonly string[] | undefined; engine: ReturnType<typeof trigramEngine> & { disposed: number } }[] = [];
    const service = createMatchService({
      modelDir: '/none',
      provider: 'cpu',
      engineFactory: (options) => {
        const engine = Object.assign(trigramEngine(), { disposed: 0 });
        engine.dispose = () => Promise.resolve(void engine.disposed++);
        made.push({ providers: options.providers, engine });
        return engine;
      },
    });
    const first = await service.engineStatus();
    expect(first).toMatchObject({ state: 'ready', choice: 'cpu' });
    expect(first.available.map((p) => p.id)).toContain('cpu');
    expect(first.available.find((p) => p.id === 'cpu')?.label).toBe('CPU, 2 threads');
    expect(made.map((m) => m.providers)).toEqual([['cpu']]);

    // 'auto' without a cache folder: the engine's own preference (no calibration to remember).
    const auto = await service.setProvider('auto');
    expect(auto.choice).toBe('auto');
    expect(made.map((m) => m.providers)).toEqual([['cpu'], undefined]);
    expect(made[0].engine.disposed).toBe(1);

    // The same setting again: nothing is reloaded.
    await service.setProvider('auto');
    expect(made).toHaveLength(2);
  });

  it('refuses to change while a match runs', async () => {
    const service = createMatchService({ modelDir: '/none', engine: trigramEngine({ batch: 1, pauseMs: 20 }), progressEveryMs: 0 });
    const c = await service.loadTable(candidatesCsv, null);
    const t = await service.loadTable(openingsCsv, null);
    const running = service.match({ candidates: { tableId: c.tableId, column: 'Current title' }, targets: { tableId: t.tableId, column: 'Job title' }, topK: 1 });
    await expect(service.setProvider('cpu')).rejects.toMatchObject({ code: 'busy' });
    await running;
    await expect(service.setProvider('cpu')).resolves.toMatchObject({ state: 'ready', choice: 'cpu' });
  });
});

describe('explanations and estimates', () => {
  it('explain with the engine’s normalisation', () => {
    const e = explainMatch('Sr. Software Eng', 'Lead Full-Stack Developer');
    expect(e.query).toMatchObject({ normalized: 'senior software engineer', seniority: 'senior', seniorityCue: 'senior' });
    expect(e.match).toMatchObject({ seniority: 'lead', seniorityCue: 'lead' });
    expect(e.seniorityDistance).toBe(1);
    expect(e.shared).toEqual([]);
    expect(e.onlyMatch).toContain('developer');
    // The ranking's rule set: a title that states no level is mid, and Head Chef is a crew's lead, not an executive.
    expect(explainMatch('RN', 'Nurse')).toMatchObject({ query: { seniority: 'mid', seniorityCue: '' }, seniorityDistance: 0 });
    expect(explainMatch('Head Chef', 'Chief Executive Officer')).toMatchObject({ query: { seniority: 'lead' }, match: { seniority: 'c-level' }, seniorityDistance: 4 });
  });

  it('names the language detected for each title with the bundled language profile, and none without one', async () => {
    const profile = await loadLanguageProfile(bundledModelDir(undefined, 'multilingual'));
    const e = explainMatch('Krankenpflegerin', 'Registered Nurse', profile);
    expect(e.query.language?.name).toBe('German');
    expect(e.match.language?.name).toBe('English');
    expect(e.query.language?.confidence).toBeGreaterThanOrEqual(0.95);
    expect(explainMatch('Krankenpflegerin', 'Registered Nurse').query.language).toBeUndefined();
  });

  it('estimate time left from the rate so far, once there is enough to go on', () => {
    let now = 0;
    const eta = new Eta(1000, () => now, 1000);
    expect(eta.secondsLeft(0)).toBeNull();
    now = 500;
    expect(eta.secondsLeft(100)).toBeNull();
    now = 2000;
    expect(eta.secondsLeft(250)).toBe(6); // 250 per 2 s, 750 left
    now = 4000;
    expect(eta.secondsLeft(1000)).toBe(0);
  });
});
