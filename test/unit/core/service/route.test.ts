/**
 * Two bundled models in the app's service: each run reads both lists with the English model, or
 * with the multilingual one where its titles are in other languages (the setting 'auto'), or with
 * the one the person fixed; the result, the status bar's status and the reports say which and why.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundledModelDir } from '../../../../electron/core/engine/index.js';
import { readTable } from '../../../../electron/core/io/index.js';
import { createMatchService, type MatchService } from '../../../../electron/core/service/index.js';

let dir: string;
let german: string;
let english: string;
let openings: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tm-service-route-'));
  german = join(dir, 'lebenslaeufe.csv');
  english = join(dir, 'candidates.csv');
  openings = join(dir, 'openings.csv');
  await writeFile(german, 'Name,Berufsbezeichnung\nAnna,Krankenpflegerin\nBen,Buchhalter\nCarl,LKW-Fahrer\nDora,Softwareentwicklerin\n');
  await writeFile(english, 'Name,Current title\nAda,Senior Software Engineer\nGrace,Registered Nurse\nBarbara,Truck Driver\n');
  await writeFile(openings, 'Job title\nSoftware Developer\nRegistered Nurse\nAccountant\nTruck Driver\nMarketing Manager\n');
});
afterAll(() => rm(dir, { recursive: true, force: true }));

function service(): MatchService {
  return createMatchService({ modelDir: bundledModelDir(), multilingualModelDir: bundledModelDir(undefined, 'multilingual'), provider: 'cpu' });
}

async function match(s: MatchService, candidates: string, column: string) {
  const c = await s.loadTable(candidates, null);
  const t = await s.loadTable(openings, null);
  return s.match({ candidates: { tableId: c.tableId, column }, targets: { tableId: t.tableId, column: 'Job title' }, topK: 1 });
}

/** Each candidate's best opening. */
function best(r: Awaited<ReturnType<typeof match>>): Record<string, string> {
  return Object.fromEntries(r.candidates.titles.map((title, i) => [title, r.targets.titles[r.byCandidate.indices[i * r.byCandidate.k]]]));
}

describe('the bundled model for the titles’ language', () => {
  it('reads German CVs against English openings with the multilingual model, and says so in the result, the status and the report', async () => {
    const s = service();
    try {
      expect((await s.engineStatus()).modelChoice).toBe('auto');
      const r = await match(s, german, 'Berufsbezeichnung');
      expect(r.model.name).toBe('titlematch-job-encoder-multilingual');
      expect(r.model.folder).toBeUndefined();
      expect(r.model.route).toMatchObject({ choice: 'auto', model: 'multilingual' });
      expect(r.model.route?.reason).toMatch(/of the titles are in other languages \(German 4\)/);
      expect(best(r)).toMatchObject({ Buchhalter: 'Accountant', 'LKW-Fahrer': 'Truck Driver', Krankenpflegerin: 'Registered Nurse' });

      const status = await s.engineStatus();
      expect(status.model?.name).toBe('titlematch-job-encoder-multilingual');
      expect(status.model?.folder).toBeNull();
      expect(status.route).toEqual(r.model.route);

      const xlsx = join(dir, 'german.xlsx');
      await s.exportResults({ runId: r.runId, format: 'xlsx', direction: 'byCandidate', topK: 1, threshold: 0, openAfter: false }, xlsx);
      const summary = (await readTable(xlsx, { sheet: 'Summary', header: false })).rows.map((row) => row.join(' ')).join('\n');
      expect(summary).toMatch(/Model choice the multilingual model: \d+% of the titles are in other languages \(German 4\)/);

      // The next run, all in English, goes back to the English model.
      const back = await match(s, english, 'Current title');
      expect(back.model.name).toBe('titlematch-job-encoder');
      expect(back.model.route).toMatchObject({ choice: 'auto', model: 'english' });
      expect(best(back)).toMatchObject({ 'Registered Nurse': 'Registered Nurse', 'Truck Driver': 'Truck Driver' });
    } finally {
      await s.dispose();
    }
  });

  it('follows a fixed choice, and the English model reads German titles only when told to', async () => {
    const s = service();
    try {
      const status = await s.setModelChoice('english');
      expect(status).toMatchObject({ modelChoice: 'english', route: null, model: { name: 'titlematch-job-encoder' } });
      const r = await match(s, german, 'Berufsbezeichnung');
      expect(r.model.route).toEqual({ choice: 'english', model: 'english', reason: 'the English model, as set' });
      expect(r.model.name).toBe('titlematch-job-encoder');

      expect((await s.setModelChoice('multilingual')).model?.name).toBe('titlematch-job-encoder-multilingual');
      const m = await match(s, english, 'Current title');
      expect(m.model.route).toEqual({ choice: 'multilingual', model: 'multilingual', reason: 'the multilingual model, as set' });
    } finally {
      await s.dispose();
    }
  });

  it('has no choice to make with one model: results carry no route', async () => {
    const s = createMatchService({ modelDir: bundledModelDir(), provider: 'cpu' });
    try {
      const status = await s.engineStatus();
      expect(status.modelChoice).toBeUndefined();
      const r = await match(s, german, 'Berufsbezeichnung');
      const manifest = JSON.parse(await readFile(join(bundledModelDir(), 'manifest.json'), 'utf8')) as { version: string };
      expect(r.model).toEqual({ name: 'titlematch-job-encoder', version: manifest.version });
    } finally {
      await s.dispose();
    }
  });
});
