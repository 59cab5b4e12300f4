import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { EngineStatus, MatchProgress, MatchResult, ModelChoice, OpenedProject, ProviderChoice, RecentFile, SavedDecisions, TableSummary } from '../../../electron/contract/types.js';
import { ServiceError } from '../../../electron/core/service/errors.js';
import { bundledModelDir } from '../../../electron/core/engine/index.js';
import { loadLanguageProfile } from '../../../electron/core/pipeline/route.js';
import type { CallOptions, MatchService } from '../../../electron/core/service/types.js';
import { createHandlers, switchModel, switchModelChoice, switchProvider, type Dialogs } from '../../../electron/main/handlers.js';

const READY: EngineStatus = { state: 'ready', model: { name: 'm', version: '1', dimension: 4, folder: null }, modelFolder: null, modelNotice: null, provider: { id: 'cpu', label: 'CPU, 2 threads' }, skipped: [], message: null, choice: 'auto', available: [{ id: 'cpu', label: 'CPU, 2 threads' }] };

let printInputs: string[] = [];

const SAVED: SavedDecisions = { path: '/data/decisions.json', decisions: [{ query: 'Atty', match: 'Lawyer', decision: 'accept' }], error: null };

function setup(dialogAnswers: Partial<Record<keyof Dialogs, string | null>> = {}) {
  let matchOptions: CallOptions | undefined;
  const service = {
    engineStatus: vi.fn(() => Promise.resolve(READY)),
    setProvider: vi.fn((choice: ProviderChoice) => Promise.resolve({ ...READY, choice })),
    setModel: vi.fn((folder: string | null) => Promise.resolve({ ...READY, modelFolder: folder })),
    loadTable: vi.fn((path: string) => Promise.resolve({ tableId: 't', path } as TableSummary)),
    loadTaxonomy: vi.fn(() => Promise.resolve({ tableId: 'tx', path: 'O*NET-SOC occupations (O*NET 27.0 Database)' } as TableSummary)),
    match: vi.fn((_r: unknown, options?: CallOptions) => {
      matchOptions = options;
      return new Promise<MatchResult>((resolve, reject) => {
        options?.onProgress?.({ phase: 'encoding', done: 1, total: 2, etaSeconds: null });
        options?.signal?.addEventListener('abort', () => reject(new ServiceError('cancelled', 'Matching was cancelled.')));
        setTimeout(() => resolve({ runId: 'r' } as MatchResult), 50);
      });
    }),
    exportResults: vi.fn(() => Promise.resolve()),
    printableReport: vi.fn(() => Promise.resolve({ html: '<!doctype html><title>r</title>', title: 'TitleMatch: Candidates for each opening', inputs: printInputs })),
    saveProject: vi.fn(() => Promise.resolve()),
    openProject: vi.fn((path: string) => Promise.resolve({ path } as OpenedProject)),
    savedDecisions: vi.fn(() => Promise.resolve(SAVED)),
    decide: vi.fn(() => Promise.resolve(SAVED)),
    importDecisions: vi.fn((path: string) => Promise.resolve({ path, imported: 1, notes: [], saved: SAVED })),
    exportDecisions: vi.fn(() => Promise.resolve(1)),
    clearDecisions: vi.fn(() => Promise.resolve({ kept: null, saved: { ...SAVED, decisions: [] } })),
    dispose: vi.fn(() => Promise.resolve()),
    setModelChoice: vi.fn((modelChoice: ModelChoice) => Promise.resolve({ ...READY, modelChoice })),
  } satisfies MatchService;
  const dialogs = {
    openTable: vi.fn(() => Promise.resolve(dialogAnswers.openTable ?? null)),
    openModelFolder: vi.fn(() => Promise.resolve(dialogAnswers.openModelFolder ?? null)),
    openProject: vi.fn(() => Promise.resolve(dialogAnswers.openProject ?? null)),
    saveReport: vi.fn(() => Promise.resolve(dialogAnswers.saveReport ?? null)),
    saveProject: vi.fn(() => Promise.resolve(dialogAnswers.saveProject ?? null)),
    openDecisions: vi.fn(() => Promise.resolve(dialogAnswers.openDecisions ?? null)),
    saveDecisions: vi.fn(() => Promise.resolve(dialogAnswers.saveDecisions ?? null)),
  };
  const recent: RecentFile[] = [];
  const progress: MatchProgress[] = [];
  const openPath = vi.fn(() => Promise.resolve(''));
  const printPdf = vi.fn((html: string, title: string) => Promise.resolve(new TextEncoder().encode(`%PDF-1.4 ${title} ${html.length}`)));
  const saved: ProviderChoice[] = [];
  const savedFolders: (string | null)[] = [];
  const savedChoices: ModelChoice[] = [];
  const pushed: EngineStatus[] = [];
  let status = READY;
  const handlers = createHandlers({
    service,
    dialogs,
    recent: { add: (f) => recent.push(f), list: () => recent },
    engineStatus: () => Promise.resolve(READY),
    setProvider: switchProvider(service, { setProvider: (c) => saved.push(c) > 0 }, { get: () => status, set: (s) => pushed.push((status = s)) }),
    setModel: switchModel(service, { setModelFolder: (f) => savedFolders.push(f) > 0 }, { get: () => status, set: (s) => pushed.push((status = s)) }),
    setModelChoice: switchModelChoice(service, { setModelChoice: (c) => savedChoices.push(c) > 0 }, { get: () => status, set: (s) => pushed.push((status = s)) }),
    refreshStatus: async () => pushed.push((status = await service.engineStatus())),
    languageProfile: () => loadLanguageProfile(bundledModelDir(undefined, 'multilingual')),
    sendProgress: (p) => progress.push(p),
    openPath,
    printPdf,
  });
  return { handlers, service, dialogs, recent, progress, openPath, printPdf, saved, savedFolders, savedChoices, pushed, matchOptions: () => matchOptions };
}

const exportRequest = { runId: 'r', format: 'xlsx' as const, direction: 'byTarget' as const, topK: 5, threshold: 0.5, openAfter: false };
const saveRequest = { candidates: null, targets: null, settings: { topK: 5, threshold: 0.5, direction: 'byTarget' as const }, runId: null, saveAs: false };

describe('handlers', () => {
  it('read tables through the service and remember them as recent', async () => {
    const { handlers, service, recent } = setup();
    await handlers.loadTable({ side: 'targets', path: '/data/openings.csv', sheet: null });
    expect(service.loadTable).toHaveBeenCalledWith('/data/openings.csv', null);
    expect(recent).toEqual([{ path: '/data/openings.csv', kind: 'targets' }]);
  });

  it('load a taxonomy through the service, without listing it as a recent file', async () => {
    const { handlers, service, recent } = setup();
    await expect(handlers.loadTaxonomy('onet')).resolves.toMatchObject({ tableId: 'tx' });
    expect(service.loadTaxonomy).toHaveBeenCalledWith('onet');
    expect(recent).toEqual([]);
  });

  it('ask the dialog for a file', async () => {
    const { handlers, dialogs } = setup({ openTable: '/x.xlsx' });
    await expect(handlers.pickTable('candidates')).resolves.toBe('/x.xlsx');
    expect(dialogs.openTable).toHaveBeenCalledWith('candidates');
  });

  it('pass match progress to the window', async () => {
    const { handlers, progress } = setup();
    const request = { candidates: { tableId: 'a', column: 'T' }, targets: { tableId: 'b', column: 'T' }, topK: 3 };
    await expect(handlers.match(request)).resolves.toEqual({ runId: 'r' });
    expect(progress).toEqual([{ phase: 'encoding', done: 1, total: 2, etaSeconds: null }]);
  });

  it('cancel the running match, and only one runs at a time', async () => {
    const { handlers, matchOptions } = setup();
    const request = { candidates: { tableId: 'a', column: 'T' }, targets: { tableId: 'b', column: 'T' }, topK: 3 };
    const running = handlers.match(request);
    await expect(handlers.match(request)).rejects.toMatchObject({ code: 'busy' });
    expect(await handlers.cancelMatch()).toBe(true);
    expect(matchOptions()?.signal?.aborted).toBe(true);
    await expect(running).rejects.toMatchObject({ code: 'cancelled' });
    expect(await handlers.cancelMatch()).toBe(false);
  });

  it('switch the provider: loading is shown, the service reloads, the choice is remembered', async () => {
    const { handlers, service, saved, pushed } = setup();
    const status = await handlers.setProvider('cpu');
    expect(service.setProvider).toHaveBeenCalledWith('cpu');
    expect(status.choice).toBe('cpu');
    expect(saved).toEqual(['cpu']);
    expect(pushed.map((s) => [s.state, s.choice])).toEqual([
      ['loading', 'cpu'],
      ['ready', 'cpu'],
    ]);
  });

  it('refuse to switch the provider during a match, and if the service refuses, show the old status and remember nothing', async () => {
    const { handlers, service, saved, pushed } = setup();
    const request = { candidates: { tableId: 'a', column: 'T' }, targets: { tableId: 'b', column: 'T' }, topK: 3 };
    const running = handlers.match(request);
    await expect(handlers.setProvider('webgpu')).rejects.toMatchObject({ code: 'busy' });
    await running;
    service.setProvider.mockImplementationOnce(() => Promise.reject(new ServiceError('busy', 'A match is running.')));
    await expect(handlers.setProvider('webgpu')).rejects.toMatchObject({ code: 'busy' });
    expect(saved).toEqual([]);
    expect(pushed.map((s) => [s.state, s.choice])).toEqual([
      // After the match: the status again (the bundled model it picked for the titles' language runs now).
      ['ready', 'auto'],
      ['loading', 'webgpu'],
      ['ready', 'auto'],
    ]);
  });

  it('push the status after a match, and switch the bundled-model choice: loading, then the service\'s status, the choice remembered; refused during a match', async () => {
    const { handlers, service, savedChoices, pushed } = setup();
    const request = { candidates: { tableId: 'a', column: 'T' }, targets: { tableId: 'b', column: 'T' }, topK: 3 };
    const running = handlers.match(request);
    await expect(handlers.setModelChoice('english')).rejects.toMatchObject({ code: 'busy' });
    await running;
    expect(service.engineStatus).toHaveBeenCalled();
    expect(pushed).toHaveLength(1);
    const status = await handlers.setModelChoice('multilingual');
    expect(service.setModelChoice).toHaveBeenCalledWith('multilingual');
    expect(status.modelChoice).toBe('multilingual');
    expect(savedChoices).toEqual(['multilingual']);
    expect(pushed.slice(1).map((s) => [s.state, s.modelChoice])).toEqual([
      ['loading', 'multilingual'],
      ['ready', 'multilingual'],
    ]);
  });

  it('ask for a model folder with the folder dialog', async () => {
    const { handlers, dialogs } = setup({ openModelFolder: '/models/acme-titles' });
    await expect(handlers.pickModelFolder()).resolves.toBe('/models/acme-titles');
    expect(dialogs.openModelFolder).toHaveBeenCalledTimes(1);
    await expect(setup().handlers.pickModelFolder()).resolves.toBeNull();
  });

  it('switch the model: loading is shown, the service loads it, the folder is remembered, and the bundled one again', async () => {
    const { handlers, service, savedFolders, pushed } = setup();
    const status = await handlers.setModel('/models/acme-titles');
    expect(service.setModel).toHaveBeenCalledWith('/models/acme-titles');
    expect(status.modelFolder).toBe('/models/acme-titles');
    await handlers.setModel(null);
    expect(savedFolders).toEqual(['/models/acme-titles', null]);
    expect(pushed.map((s) => [s.state, s.modelFolder])).toEqual([
      ['loading', '/models/acme-titles'],
      ['ready', '/models/acme-titles'],
      ['loading', null],
      ['ready', null],
    ]);
  });

  it('keep the model in use and remember nothing when a folder cannot be used, and refuse a switch during a match', async () => {
    const { handlers, service, savedFolders, pushed } = setup();
    const message = 'Model folder /models/empty is incomplete: missing tokenizer.json, config.json.';
    service.setModel.mockImplementationOnce(() => Promise.reject(new ServiceError('incomplete', message)));
    await expect(handlers.setModel('/models/empty')).rejects.toMatchObject({ code: 'incomplete', message });
    expect(savedFolders).toEqual([]);
    expect(pushed.at(-1)).toEqual(READY);
    const running = handlers.match({ candidates: { tableId: 'a', column: 'T' }, targets: { tableId: 'b', column: 'T' }, topK: 3 });
    await expect(handlers.setModel('/models/acme-titles')).rejects.toMatchObject({ code: 'busy', message: expect.stringMatching(/Change the model when it has finished/) as unknown });
    await running;
    expect(service.setModel).toHaveBeenCalledTimes(1);
  });

  it('import and export decisions only after their dialog; decide and clear through the service', async () => {
    const cancelled = setup();
    await expect(cancelled.handlers.importDecisions()).resolves.toBeNull();
    await expect(cancelled.handlers.exportDecisions()).resolves.toBeNull();
    expect(cancelled.service.importDecisions).not.toHaveBeenCalled();
    expect(cancelled.service.exportDecisions).not.toHaveBeenCalled();

    const chosen = setup({ openDecisions: '/team/decisions.xlsx', saveDecisions: '/out/d.csv' });
    await expect(chosen.handlers.importDecisions()).resolves.toEqual({ path: '/team/decisions.xlsx', imported: 1, notes: [], saved: SAVED });
    await expect(chosen.handlers.exportDecisions()).resolves.toBe('/out/d.csv');
    expect(chosen.service.exportDecisions).toHaveBeenCalledWith('/out/d.csv');
    expect(chosen.dialogs.saveDecisions).toHaveBeenCalledWith(expect.stringMatching(/^titlematch-decisions-\d{4}-\d{2}-\d{2}\.csv$/));
    await chosen.handlers.decide({ query: 'Atty', match: 'Lawyer', decision: null });
    expect(chosen.service.decide).toHaveBeenCalledWith({ query: 'Atty', match: 'Lawyer', decision: null });
    await expect(chosen.handlers.clearDecisions()).resolves.toEqual({ kept: null, saved: { ...SAVED, decisions: [] } });
  });

  it('export only after the save dialog, and open the file when asked', async () => {
    const cancelled = setup();
    await expect(cancelled.handlers.exportResults(exportRequest)).resolves.toBeNull();
    expect(cancelled.service.exportResults).not.toHaveBeenCalled();

    const chosen = setup({ saveReport: '/out/m.xlsx' });
    await expect(chosen.handlers.exportResults({ ...exportRequest, openAfter: true })).resolves.toBe('/out/m.xlsx');
    expect(chosen.service.exportResults).toHaveBeenCalledWith({ ...exportRequest, openAfter: true }, '/out/m.xlsx');
    expect(chosen.dialogs.saveReport).toHaveBeenCalledWith('xlsx', expect.stringMatching(/^titlematch-matches-\d{4}-\d{2}-\d{2}\.xlsx$/));
    expect(chosen.openPath).toHaveBeenCalledWith('/out/m.xlsx');

    const closed = setup({ saveReport: '/out/m.csv' });
    await closed.handlers.exportResults(exportRequest);
    expect(closed.openPath).not.toHaveBeenCalled();
  });

  it('export a PDF by printing the service\'s printable report, written whole, never over an input', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'titlematch-pdf-'));
    try {
      const out = join(dir, 'report.pdf');
      const { handlers, service, printPdf, openPath } = setup({ saveReport: out });
      await expect(handlers.exportResults({ ...exportRequest, format: 'pdf', openAfter: true })).resolves.toBe(out);
      expect(service.exportResults).not.toHaveBeenCalled();
      expect(service.printableReport).toHaveBeenCalledWith({ ...exportRequest, format: 'pdf', openAfter: true });
      expect(printPdf).toHaveBeenCalledWith('<!doctype html><title>r</title>', 'TitleMatch: Candidates for each opening');
      expect(readFileSync(out, 'utf8')).toBe('%PDF-1.4 TitleMatch: Candidates for each opening 31');
      expect(openPath).toHaveBeenCalledWith(out);

      // The chosen file is one of the inputs: refused, and the input is untouched.
      const input = join(dir, 'people.csv');
      writeFileSync(input, 'Title\nNurse\n');
      printInputs = [input];
      const onInput = setup({ saveReport: input });
      await expect(onInput.handlers.exportResults({ ...exportRequest, format: 'pdf' })).rejects.toMatchObject({ code: 'same-as-input' });
      expect(readFileSync(input, 'utf8')).toBe('Title\nNurse\n');
    } finally {
      printInputs = [];
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('save a project where it was saved before, and ask again for Save As', async () => {
    const { handlers, dialogs, service, recent } = setup({ saveProject: '/work/p.titlematch' });
    await expect(handlers.saveProject(saveRequest)).resolves.toBe('/work/p.titlematch');
    await handlers.saveProject(saveRequest);
    expect(dialogs.saveProject).toHaveBeenCalledTimes(1);
    await handlers.saveProject({ ...saveRequest, saveAs: true });
    expect(dialogs.saveProject).toHaveBeenCalledTimes(2);
    expect(service.saveProject).toHaveBeenCalledTimes(3);
    expect(recent[0]).toEqual({ path: '/work/p.titlematch', kind: 'project' });
  });

  it('open a given project, or ask for one', async () => {
    const { handlers, dialogs, service } = setup({ openProject: '/work/q.titlematch' });
    await handlers.openProject({ path: '/work/p.titlematch' });
    expect(dialogs.openProject).not.toHaveBeenCalled();
    await handlers.openProject({ path: null });
    expect(service.openProject).toHaveBeenLastCalledWith('/work/q.titlematch');
    const none = setup();
    await expect(none.handlers.openProject({ path: null })).resolves.toBeNull();
    expect(none.service.openProject).not.toHaveBeenCalled();
  });

  it('explain a pair with the engine’s normalisation', async () => {
    const { handlers } = setup();
    const e = await handlers.explain({ query: 'Sr. Software Eng', match: 'Senior Software Engineer' });
    expect(e.query.normalized).toBe('senior software engineer');
    expect(e.query.expansions).toEqual([{ from: 'sr', to: 'senior' }, { from: 'eng', to: 'engineer' }]);
    expect(e.shared).toEqual(['senior', 'software', 'engineer']);
    expect(e.seniorityDistance).toBe(0);
    // An abbreviation of several meanings is named with its senses; in a title of another language it is a word.
    const pm = await handlers.explain({ query: 'Sr PM', match: 'Técnico de enfermagem' });
    expect(pm.query.senses).toEqual([{ from: 'pm', to: ['project manager', 'product manager', 'program manager', 'preventive maintenance'] }]);
    expect(pm.match.senses).toEqual([]);
    // Also where the detector is unsure which other language it is ("cuidador de idosos": Portuguese or Spanish).
    const de = await handlers.explain({ query: 'Cuidador de idosos', match: 'DE Manager' });
    expect(de.query.senses).toEqual([]);
    // "DE Manager" is English; a title of such words only ("CMO", which alone looks Portuguese to the
    // profile) is read in each sense; in "Chef de Cuisine" (French) "de" is a word.
    expect(de.match.senses).toEqual([{ from: 'de', to: ['data engineer', 'data engineering'] }]);
    const cmo = await handlers.explain({ query: 'CMO', match: 'Chef de Cuisine' });
    expect(cmo.query.senses).toEqual([{ from: 'cmo', to: ['chief marketing officer', 'chief medical officer'] }]);
    expect(cmo.match.senses).toEqual([]);
  });
});
