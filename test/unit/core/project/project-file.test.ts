import { mkdtempSync, mkdirSync, readFileSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { MatchResult } from '../../../../electron/contract/types.js';
import { PROJECT_FORMAT, locateInput, readProject, toProject, writeProject } from '../../../../electron/core/project/index.js';

const dir = mkdtempSync(join(tmpdir(), 'tm-project-'));

const result: MatchResult = {
  runId: 'run-1',
  createdAt: '2025-05-01T10:00:00.000Z',
  elapsedMs: 900,
  topK: 2,
  candidates: { tableId: 't1', path: join(dir, 'people.xlsx'), fileName: 'people.xlsx', sheet: 'Staff', column: 'Title', rowCount: 3, titles: ['RN', 'Welder'], rowCounts: [2, 1], levels: ['mid', 'mid'] },
  targets: { tableId: 't2', path: join(dir, 'jobs.csv'), fileName: 'jobs.csv', sheet: null, column: 'Job', rowCount: 1, titles: ['Registered Nurse'], rowCounts: [1], levels: ['mid'] },
  byTarget: { k: 2, indices: [0, 1], scores: [0.912345678, 0.1], confidence: [0.876543219, 0.01], modelScores: [0.912345678, 0.13] },
  byCandidate: { k: 2, indices: [0, -1, 0, -1], scores: [0.912345678, 0, 0.1, 0] },
  model: { name: 'titlematch-bert', version: '1.0.0' },
  provider: 'CPU, 2 threads',
  confidence: { calibrated: true, levels: { accept: 0.85, review: 0.11 }, reviewScore: 0.47 },
  seniority: 'prefer',
};

const settings = { topK: 2, threshold: 0.35, direction: 'byCandidate' as const, seniority: 'require' as const };

describe('project files', () => {
  it('keep the project’s decisions, the adapter setting, the pinned places and the decisions the run used', async () => {
    const path = join(dir, 'decided.titlematch');
    const decisions = [
      { query: 'Registered Nurse', match: 'RN', decision: 'accept' as const },
      { query: 'Registered Nurse', match: 'Welder', decision: 'reject' as const },
    ];
    const adapted: MatchResult = {
      ...result,
      byTarget: { k: 2, indices: [0, -1], scores: [0.9, 0], pinned: [1, 0] },
      confidence: { calibrated: false, reason: 'the adapter changes the scores' },
      adapter: { decisions: 2, accepted: 1, rejected: 1, summary: 'decisions made in TitleMatch: 2 decisions (1 accepted, 1 rejected)' },
    };
    await writeProject(path, toProject(path, { candidates: null, targets: null }, { ...settings, adapt: false }, adapted, decisions));
    const back = await readProject(path);
    expect(back.decisions).toEqual(decisions);
    expect(back.settings.adapt).toBe(false);
    expect(back.result?.byTarget.pinned).toEqual([1, 0]);
    expect(back.result?.adapter).toEqual(adapted.adapter);

    // A damaged decision is named; an older file without decisions opens with none.
    const data = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
    writeFileSync(path, JSON.stringify({ ...data, decisions: [{ query: 'RN', match: 'Nurse', decision: 'maybe' }] }));
    await expect(readProject(path)).rejects.toMatchObject({ code: 'corrupt', message: expect.stringContaining('is damaged (decision 1)') as unknown });
    delete data.decisions;
    writeFileSync(path, JSON.stringify(data));
    expect((await readProject(path)).decisions).toEqual([]);
  });

  it('save and reopen inputs, columns, settings and results', async () => {
    const path = join(dir, 'work.titlematch');
    const project = toProject(path, { candidates: { path: result.candidates.path, sheet: 'Staff', column: 'Title' }, targets: { path: result.targets.path, sheet: null, column: 'Job' } }, settings, result);
    await writeProject(path, project);
    const back = await readProject(path);
    expect(back.settings).toEqual(settings);
    expect(back.candidates).toEqual({ path: result.candidates.path, relativePath: 'people.xlsx', sheet: 'Staff', column: 'Title' });
    expect(back.result?.candidates.titles).toEqual(['RN', 'Welder']);
    expect(back.result?.byCandidate.indices).toEqual([0, -1, 0, -1]);
    expect(back.result?.byTarget.scores[0]).toBeCloseTo(0.91235, 5);
    expect(back.result?.candidates).not.toHaveProperty('tableId');
    expect(back.result?.confidence).toEqual(result.confidence);
    expect(back.result?.byTarget.confidence?.[0]).toBeCloseTo(0.87654, 5);
    expect(back.result?.byCandidate).not.toHaveProperty('confidence');
    expect(back.result?.seniority).toBe('prefer');
    expect(back.result?.candidates.levels).toEqual(['mid', 'mid']);
    expect(back.result?.byTarget.modelScores?.[1]).toBeCloseTo(0.13, 5);
    expect(back.result?.byCandidate).not.toHaveProperty('modelScores');
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('reopen a project saved before confidences as scores only, saying why', async () => {
    const path = join(dir, 'old.titlematch');
    await writeProject(path, toProject(path, { candidates: null, targets: null }, settings, result));
    const saved = JSON.parse(readFileSync(path, 'utf8')) as { result: { confidence?: unknown; byTarget: { confidence?: unknown } } };
    expect(saved.result.confidence).toEqual(result.confidence);
    delete saved.result.confidence;
    delete saved.result.byTarget.confidence;
    writeFileSync(path, JSON.stringify(saved));
    const back = await readProject(path);
    expect(back.result?.confidence).toEqual({ calibrated: false, reason: 'this project was saved without confidences, so its scores are shown without one' });
    expect(back.result?.byTarget).not.toHaveProperty('confidence');
  });

  it('reopen a project saved before seniority with the default setting, its results as ranked by the model alone', async () => {
    const path = join(dir, 'before-seniority.titlematch');
    const junior: MatchResult = { ...result, candidates: { ...result.candidates, titles: ['Jr. Welder', 'Head Chef'] } };
    await writeProject(path, toProject(path, { candidates: null, targets: null }, settings, junior));
    const saved = JSON.parse(readFileSync(path, 'utf8')) as { settings: { seniority?: unknown }; result: Record<string, Record<string, unknown>> };
    delete saved.settings.seniority;
    delete saved.result.seniority;
    delete saved.result.candidates.levels;
    delete saved.result.targets.levels;
    delete saved.result.byTarget.modelScores;
    writeFileSync(path, JSON.stringify(saved));
    const back = await readProject(path);
    expect(back.settings).toEqual({ ...settings, seniority: 'prefer' });
    expect(back.result?.seniority).toBe('ignore');
    // Levels from the titles, by the one rule set.
    expect(back.result?.candidates.levels).toEqual(['entry', 'lead']);
    expect(back.result?.targets.levels).toEqual(['mid']);
    expect(back.result?.byTarget).not.toHaveProperty('modelScores');
  });

  it('refuse a seniority ranking whose model scores do not fit, and ignore an unknown mode', async () => {
    const path = join(dir, 'bad-seniority.titlematch');
    await writeProject(path, toProject(path, { candidates: null, targets: null }, settings, result));
    const saved = JSON.parse(readFileSync(path, 'utf8')) as { settings: { seniority?: unknown }; result: { byTarget: { modelScores?: unknown } } };
    saved.settings.seniority = 'always';
    writeFileSync(path, JSON.stringify(saved));
    expect((await readProject(path)).settings.seniority).toBe('prefer');
    saved.result.byTarget.modelScores = [0.9];
    writeFileSync(path, JSON.stringify(saved));
    await expect(readProject(path)).rejects.toMatchObject({ code: 'corrupt', message: /the ranking by target/ });
  });

  it('finds inputs that moved along with the project', async () => {
    const from = join(dir, 'before');
    mkdirSync(from);
    writeFileSync(join(from, 'jobs.csv'), 'Job\nNurse\n');
    const path = join(from, 'p.titlematch');
    await writeProject(path, toProject(path, { candidates: null, targets: { path: join(from, 'jobs.csv'), sheet: null, column: 'Job' } }, settings, null));
    renameSync(from, join(dir, 'after'));
    const moved = join(dir, 'after', 'p.titlematch');
    const project = await readProject(moved);
    if (!project.targets) throw new Error('no targets');
    expect(await locateInput(moved, project.targets)).toBe(join(dir, 'after', 'jobs.csv'));
  });

  it('refuse files that are not projects, newer, damaged or missing, saying so', async () => {
    const write = (name: string, text: string): string => {
      const p = join(dir, name);
      writeFileSync(p, text);
      return p;
    };
    await expect(readProject(write('a.titlematch', 'PK\u0003\u0004 zip bytes'))).rejects.toMatchObject({ code: 'not-a-project', message: /is not a TitleMatch project file/ });
    await expect(readProject(write('b.titlematch', JSON.stringify({ format: 'other' })))).rejects.toMatchObject({ code: 'not-a-project' });
    await expect(readProject(write('c.titlematch', JSON.stringify({ format: PROJECT_FORMAT, version: 99 })))).rejects.toMatchObject({ code: 'newer-version', message: /Update TitleMatch/ });
    const damaged = { format: PROJECT_FORMAT, version: 1, candidates: null, targets: null, settings, result: { ...result, byTarget: { k: 2, indices: [0, 7], scores: [0.9, 0.1] } } };
    await expect(readProject(write('d.titlematch', JSON.stringify(damaged)))).rejects.toMatchObject({ code: 'corrupt', message: /damaged \(the ranking by target\)/ });
    const short = { ...damaged, result: { ...result, byCandidate: { k: 2, indices: [0], scores: [0.9] } } };
    await expect(readProject(write('e.titlematch', JSON.stringify(short)))).rejects.toMatchObject({ code: 'corrupt' });
    await expect(readProject(join(dir, 'gone.titlematch'))).rejects.toMatchObject({ code: 'not-found' });
  });

  it('fall back to safe settings when they are out of range', async () => {
    const p = join(dir, 'f.titlematch');
    writeFileSync(p, JSON.stringify({ format: PROJECT_FORMAT, version: 1, settings: { topK: 1e9, threshold: -3, direction: 'x', seniority: 42 } }));
    expect((await readProject(p)).settings).toEqual({ topK: 10, threshold: 0, direction: 'byTarget', seniority: 'prefer' });
  });
});
