/**
 * The Model setting in the app's service: a folder is checked by loading it, with the CLI's own
 * messages; the engine reloads on it; results and reports name it with its folder; its vectors are
 * cached apart from the bundled model's; a folder gone since the last run gives way to the bundled
 * model with a message.
 */
import { cp, mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MessageChannel } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { oneLine } from '../../../../electron/cli/errors.js';
import { bundledModelDir, createEngine, type Engine, type EngineOptions } from '../../../../electron/core/engine/index.js';
import { readTable } from '../../../../electron/core/io/index.js';
import { connectService, createMatchService, serveService, type MatchService } from '../../../../electron/core/service/index.js';
import { runCli, writeCliModel } from '../../cli/helpers.js';
import { writeTinyModelFolder } from '../engine/tiny-model.js';
import { trigramEngine } from './fake-engine.js';

const BUNDLED = bundledModelDir();
let dir: string;
let tiny: string;
let candidates: string;
let openings: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tm-service-model-'));
  // The CLI tests' model, as a recruiter's folder without manifest or calibration.
  tiny = join(dir, 'acme-titles');
  await writeCliModel(tiny);
  candidates = join(dir, 'candidates.csv');
  openings = join(dir, 'openings.csv');
  await writeFile(candidates, 'Name,Current title\nAda,Senior Software Engineer\nGrace,Registered Nurse\nBarbara,Truck Driver\n');
  await writeFile(openings, 'Job title\nSoftware Developer\nNurse\nHGV Driver\n');
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/** A service on the bundled model, on the CPU (no provider measuring in unit tests). */
function service(over: Partial<Parameters<typeof createMatchService>[0]> = {}): MatchService {
  return createMatchService({ modelDir: BUNDLED, provider: 'cpu', ...over });
}

async function matchBoth(s: MatchService, topK = 2) {
  const c = await s.loadTable(candidates, null);
  const t = await s.loadTable(openings, null);
  return s.match({ candidates: { tableId: c.tableId, column: 'Current title' }, targets: { tableId: t.tableId, column: 'Job title' }, topK });
}

/** Folders that cannot be used, each for its own reason. */
async function badFolders(): Promise<Record<string, string>> {
  const words = ['nurse', 'driver'];
  const embeddings = [[0, 0], [1, 1], [1, 0], [0, 1], [1, 0], [0, 1]];
  const folders: Record<string, string> = { missing: join(dir, 'no-such-folder') };
  folders.incomplete = join(dir, 'incomplete');
  await writeTinyModelFolder(folders.incomplete, { words, embeddings, omit: ['tokenizer.json', 'config.json'] });
  folders.badJson = join(dir, 'bad-json');
  await writeTinyModelFolder(folders.badJson, { words, embeddings });
  await writeFile(join(folders.badJson, 'config.json'), '{ "hidden_size": ');
  folders.otherTokenizer = join(dir, 'other-tokenizer');
  await writeTinyModelFolder(folders.otherTokenizer, { words, embeddings, config: { vocab_size: 3 } });
  folders.wrongSize = join(dir, 'wrong-size');
  await writeTinyModelFolder(folders.wrongSize, { words, embeddings, config: { hidden_size: 384 } });
  folders.aFile = join(dir, 'a-file.onnx');
  await writeFile(folders.aFile, 'not a folder');
  return folders;
}

describe('the Model setting in the service', () => {
  it('checks a folder as --model DIR does, with the same message for each problem, and keeps the model in use', async () => {
    const s = service();
    try {
      const before = await s.engineStatus();
      expect(before).toMatchObject({ state: 'ready', model: { name: 'titlematch-job-encoder', folder: null }, modelFolder: null, modelNotice: null });
      for (const [why, folder] of Object.entries(await badFolders())) {
        const cli = await runCli(['info', '--model', folder]);
        expect(cli.code, why).toBe(2);
        const error = await s.setModel(folder).then(
          () => undefined,
          (e: unknown) => e as Error & { code?: string },
        );
        expect(error, why).toBeInstanceOf(Error);
        expect(`titlematch: ${oneLine(error?.message ?? '')}\n`, why).toBe(cli.stderr);
        expect(error?.code, why).toMatch(/^(not-found|incomplete|invalid|mismatch)$/);
        expect(await s.engineStatus(), why).toEqual(before);
      }
    } finally {
      await s.dispose();
    }
  });

  it('reloads on a chosen folder: the status, results and reports name it with its folder, and show scores only without a calibration', async () => {
    const s = service();
    try {
      const status = await s.setModel(tiny);
      expect(status).toMatchObject({ state: 'ready', model: { name: 'acme-titles', version: 'unversioned', dimension: 4, folder: tiny }, modelFolder: tiny, modelNotice: null });
      const r = await matchBoth(s);
      expect(r.model).toEqual({ name: 'acme-titles', version: 'unversioned', folder: tiny });
      expect(r.confidence).toEqual({ calibrated: false, reason: 'the model has no confidence.json, so scores are shown without a confidence' });
      expect(r.byTarget.confidence).toBeUndefined();
      // The tiny model groups nurses with nurses, drivers with drivers.
      expect(r.candidates.titles[r.byTarget.indices[1 * r.byTarget.k]]).toBe('Registered Nurse');
      expect(r.candidates.titles[r.byTarget.indices[2 * r.byTarget.k]]).toBe('Truck Driver');

      const xlsx = join(dir, 'acme.xlsx');
      const request = { runId: r.runId, format: 'xlsx' as const, direction: 'byTarget' as const, topK: 2, threshold: 0, openAfter: false };
      await s.exportResults(request, xlsx);
      const summary = (await readTable(xlsx, { sheet: 'Summary', header: false })).rows.map((row) => row.join(' ')).join('\n');
      expect(summary).toContain(`Model acme-titles unversioned (folder ${tiny})`);
      expect(summary).toContain('Confidence none: the model has no confidence.json');
      const html = (await s.printableReport({ ...request, format: 'html' })).html;
      expect(html).toContain(`Model acme-titles unversioned (folder ${tiny}) on CPU`);

      // A project keeps the model's folder with its results.
      const project = join(dir, 'acme.titlematch');
      await s.saveProject(project, { candidates: null, targets: null, settings: { topK: 2, threshold: 0, direction: 'byTarget' }, runId: r.runId, saveAs: false });
      expect((await s.openProject(project)).result?.model).toEqual(r.model);

      // Back to the bundled model: calibrated again, and named without a folder.
      expect(await s.setModel(null)).toMatchObject({ model: { name: 'titlematch-job-encoder', folder: null }, modelFolder: null });
      const again = await matchBoth(s);
      expect(again.model).toEqual({ name: 'titlematch-job-encoder', version: expect.any(String) as unknown });
      expect(again.confidence.calibrated).toBe(true);
      expect(again.byTarget.confidence).toHaveLength(again.byTarget.scores.length);
    } finally {
      await s.dispose();
    }
  });

  it('keeps each model’s title vectors apart in the cache', async () => {
    const encodedBy: string[] = [];
    const engineFactory = (options: EngineOptions): Engine => {
      const real = createEngine(options);
      return { ...real, encode: (titles, run) => (encodedBy.push(options.modelDir), real.encode(titles, run)) };
    };
    const cacheDir = join(dir, 'cache');
    const s = service({ engineFactory, cacheDir });
    try {
      const bundled = await matchBoth(s);
      await s.setModel(tiny);
      const own = await matchBoth(s);
      expect(own.byTarget.scores).not.toEqual(bundled.byTarget.scores);
      await s.setModel(null);
      expect((await matchBoth(s)).byTarget).toEqual(bundled.byTarget);
      await s.setModel(tiny);
      expect((await matchBoth(s)).byTarget).toEqual(own.byTarget);
      // Each model encoded the titles once; coming back to it found them in its own cache file.
      expect(encodedBy).toEqual([BUNDLED, tiny]);
      expect(await readdir(join(cacheDir, 'embeddings'))).toHaveLength(2);
    } finally {
      await s.dispose();
    }
  });

  it('falls back to the bundled model when the chosen folder has gone since the last run, and says so', async () => {
    const gone = join(dir, 'on-a-usb-stick');
    await cp(tiny, gone, { recursive: true });
    await rm(gone, { recursive: true });
    const s = service({ modelFolder: gone });
    try {
      const status = await s.engineStatus();
      expect(status).toMatchObject({ state: 'ready', model: { name: 'titlematch-job-encoder', folder: null }, modelFolder: gone });
      expect(status.modelNotice).toBe(
        `The model in ${gone} could not be loaded, so the bundled model is used: Model folder ${gone} does not exist or is not a folder; pass the folder that holds model.onnx and tokenizer.json.`,
      );
      expect((await matchBoth(s)).model.name).toBe('titlematch-job-encoder');
      // The folder is back (the stick is plugged in): choosing it again runs it, and the notice goes.
      await cp(tiny, gone, { recursive: true });
      expect(await s.setModel(gone)).toMatchObject({ model: { name: 'on-a-usb-stick', folder: gone }, modelFolder: gone, modelNotice: null });
    } finally {
      await s.dispose();
    }
  });

  it('falls back the same way for a folder that lost its files, and fails only when the bundled model fails too', async () => {
    const broken = join(dir, 'broken');
    await mkdir(broken, { recursive: true });
    const s = service({ modelFolder: broken });
    try {
      const status = await s.engineStatus();
      expect(status.state).toBe('ready');
      expect(status.model?.folder).toBeNull();
      expect(status.modelNotice).toMatch(new RegExp(`^The model in ${broken} could not be loaded, so the bundled model is used: Model folder ${broken} is incomplete: missing model\\.onnx`));
    } finally {
      await s.dispose();
    }
    const none = createMatchService({ modelDir: join(dir, 'no-bundled-model'), modelFolder: broken, provider: 'cpu' });
    const failed = await none.engineStatus();
    expect(failed).toMatchObject({ state: 'failed', model: null, modelFolder: broken });
    expect(failed.message).toMatch(/no-bundled-model does not exist or is not a folder/);
    expect(failed.modelNotice).toMatch(/broken is incomplete/);
  });

  it('refuses to change the model while a match runs', async () => {
    const s = createMatchService({ modelDir: BUNDLED, engine: trigramEngine({ batch: 1, pauseMs: 20 }) });
    const c = await s.loadTable(candidates, null);
    const t = await s.loadTable(openings, null);
    const running = s.match({ candidates: { tableId: c.tableId, column: 'Current title' }, targets: { tableId: t.tableId, column: 'Job title' }, topK: 2 });
    await expect(s.setModel(tiny)).rejects.toMatchObject({ code: 'busy', message: 'A match is running. Change the model when it has finished, or cancel it.' });
    await running;
  });

  it('answers across the worker’s message port, a folder’s problem keeping its code', async () => {
    const { port1, port2 } = new MessageChannel();
    const inner = service();
    serveService(port1, inner);
    const remote = connectService(port2);
    try {
      await expect(remote.setModel(join(dir, 'nowhere'))).rejects.toMatchObject({ code: 'not-found', message: expect.stringContaining('does not exist or is not a folder') as unknown });
      expect(await remote.setModel(tiny)).toMatchObject({ model: { name: 'acme-titles', folder: tiny } });
    } finally {
      await inner.dispose();
      port1.close();
      port2.close();
    }
  });
});
