/**
 * The Model setting in main, with Electron mocked: the remembered folder reaches the worker at
 * start, the folder dialog asks for a directory, setModel is validated at the boundary, handed to
 * the service, pushed to the window and remembered in settings.json only once the model loaded.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { eventChannel, invokeChannel } from '../../../electron/contract/api.js';
import type { EngineStatus } from '../../../electron/contract/types.js';
import { ServiceError } from '../../../electron/core/service/errors.js';
import { BrowserWindow, app, dialog, ipcMain } from './electron-mock.js';

vi.mock('electron', () => import('./electron-mock.js'));

const data = mkdtempSync(join(tmpdir(), 'tm-main-model-'));
const REMEMBERED = '/srv/models/acme-titles';
const status = (folder: string | null): EngineStatus => ({
  state: 'ready',
  model: { name: folder === null ? 'titlematch-job-encoder' : 'acme-titles', version: '2.0.0', dimension: 256, folder },
  modelFolder: folder,
  modelNotice: null,
  provider: { id: 'cpu', label: 'CPU, 2 threads' },
  skipped: [],
  message: null,
  choice: 'auto',
  available: [{ id: 'cpu', label: 'CPU, 2 threads' }],
});
const started: { modelFolder?: string | null }[] = [];
const setModel = vi.fn((folder: string | null) =>
  folder === '/srv/models/empty' ? Promise.reject(new ServiceError('incomplete', 'Model folder /srv/models/empty is incomplete: missing tokenizer.json.')) : Promise.resolve(status(folder)),
);

vi.mock('../../../electron/core/service/worker-client.js', () => ({
  startWorkerService: (options: { modelFolder?: string | null }) => {
    started.push(options);
    return { engineStatus: () => Promise.resolve(status(options.modelFolder ?? null)), setModel, close: () => Promise.resolve() };
  },
}));

let win: BrowserWindow;
const settingsFile = join(data, 'userData', 'settings.json');
const event = () => ({ sender: win.webContents, senderFrame: { url: 'app://titlematch/index.html', parent: null } });
const invoke = (method: string, ...args: unknown[]): Promise<unknown> => Promise.resolve(ipcMain.handlers.get(invokeChannel(method as 'setModel'))?.(event(), ...args));
const pushedStatuses = (): EngineStatus[] => win.webContents.sent.filter((s) => s.channel === eventChannel('engineStatus')).map((s) => s.payload as EngineStatus);

beforeAll(async () => {
  app.getPath = (name: string) => join(data, name);
  // A previous run chose a model folder.
  mkdirSync(join(data, 'userData'), { recursive: true });
  writeFileSync(settingsFile, JSON.stringify({ provider: 'auto', modelFolder: REMEMBERED }));
  process.argv = ['/opt/TitleMatch/titlematch'];
  await import('../../../electron/main/index.js');
  await vi.waitFor(() => expect(BrowserWindow.created).toHaveLength(1));
  win = BrowserWindow.created[0];
});

describe('the Model setting in main', () => {
  it('starts the worker on the folder the last run chose', () => {
    expect(started).toHaveLength(1);
    expect(started[0].modelFolder).toBe(REMEMBERED);
  });

  it('asks for a folder, not a file, in the system dialog attached to the window', async () => {
    const asked: unknown[][] = [];
    dialog.showOpenDialog = (...args: unknown[]) => {
      asked.push(args);
      return Promise.resolve({ canceled: false, filePaths: ['/srv/models/other'] });
    };
    await expect(invoke('pickModelFolder')).resolves.toEqual({ ok: true, value: '/srv/models/other' });
    expect(asked[0][0]).toBe(win);
    expect(asked[0][1]).toMatchObject({ properties: ['openDirectory'], title: expect.stringMatching(/model folder/) as unknown });
    dialog.showOpenDialog = () => Promise.resolve({ canceled: true, filePaths: [] });
    await expect(invoke('pickModelFolder')).resolves.toEqual({ ok: true, value: null });
  });

  it('rejects a folder that is not an absolute path before the service sees it', async () => {
    for (const bad of ['models/acme', '', 42, '/srv/a\0b']) {
      await expect(invoke('setModel', bad), String(bad)).resolves.toMatchObject({ ok: false, error: { code: 'bad-request' } });
    }
    await expect(invoke('setModel')).resolves.toMatchObject({ ok: false, error: { code: 'bad-request' } });
    expect(setModel).not.toHaveBeenCalled();
  });

  it('switches the model, pushes loading then the new status, and remembers the folder', async () => {
    const before = pushedStatuses().length;
    await expect(invoke('setModel', '/srv/models/other')).resolves.toEqual({ ok: true, value: status('/srv/models/other') });
    expect(setModel).toHaveBeenLastCalledWith('/srv/models/other');
    expect(pushedStatuses().slice(before).map((s) => [s.state, s.modelFolder])).toEqual([
      ['loading', '/srv/models/other'],
      ['ready', '/srv/models/other'],
    ]);
    expect(JSON.parse(readFileSync(settingsFile, 'utf8'))).toEqual({ provider: 'auto', modelChoice: 'auto', modelFolder: '/srv/models/other' });
    await expect(invoke('setModel', null)).resolves.toMatchObject({ ok: true, value: { modelFolder: null } });
    expect(JSON.parse(readFileSync(settingsFile, 'utf8'))).toEqual({ provider: 'auto', modelChoice: 'auto' });
  });

  it('answers a folder that cannot be used with its message, keeps the status and the remembered setting', async () => {
    await invoke('setModel', REMEMBERED);
    const answer = await invoke('setModel', '/srv/models/empty');
    expect(answer).toEqual({ ok: false, error: { code: 'incomplete', message: 'Model folder /srv/models/empty is incomplete: missing tokenizer.json.' } });
    expect(pushedStatuses().at(-1)).toEqual(status(REMEMBERED));
    expect(JSON.parse(readFileSync(settingsFile, 'utf8'))).toEqual({ provider: 'auto', modelChoice: 'auto', modelFolder: REMEMBERED });
  });
});
