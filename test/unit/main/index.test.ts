import { beforeAll, describe, expect, it, vi } from 'vitest';
import { INVOKE_METHODS, eventChannel, invokeChannel } from '../../../electron/contract/api.js';
import type { EngineStatus } from '../../../electron/contract/types.js';
import { BrowserWindow, Menu, aboutPanel, app, ipcMain, protocol, session } from './electron-mock.js';

vi.mock('electron', () => import('./electron-mock.js'));

const READY: EngineStatus = { state: 'ready', model: { name: 'm', version: '1', dimension: 8, folder: null }, modelFolder: null, modelNotice: null, provider: { id: 'cpu', label: 'CPU, 2 threads' }, skipped: [], message: null, choice: 'auto', available: [{ id: 'cpu', label: 'CPU, 2 threads' }] };
const started: { workerUrl: unknown; modelDir: string }[] = [];

// The worker itself is tested elsewhere; here only how main wires it in.
vi.mock('../../../electron/core/service/worker-client.js', () => ({
  startWorkerService: (options: { workerUrl: unknown; modelDir: string }) => {
    started.push(options);
    return { engineStatus: () => Promise.resolve(READY), close: () => Promise.resolve() };
  },
}));

let win: BrowserWindow;

beforeAll(async () => {
  // Launched by double-clicking a project file.
  process.argv = ['/opt/TitleMatch/titlematch', '/home/ann/hiring.titlematch'];
  await import('../../../electron/main/index.js');
  await vi.waitFor(() => expect(BrowserWindow.created).toHaveLength(1));
  win = BrowserWindow.created[0];
});

const appEvent = (url = 'app://titlematch/index.html') => ({ sender: win.webContents, senderFrame: { url, parent: null } });

describe('main process start', () => {
  it('serves the renderer from app://titlematch and opens one secure window on it', () => {
    expect(protocol.privileged).toMatchObject([{ scheme: 'app' }]);
    expect(protocol.handlers.has('app')).toBe(true);
    expect(win.loadedUrl).toBe('app://titlematch/index.html');
    expect(win.options.webPreferences).toMatchObject({ preload: '/app/out/preload/index.cjs', contextIsolation: true, sandbox: true, nodeIntegration: false });
    expect(session.defaultSession.requestHandler).toBeTypeOf('function');
  });

  it('starts the match service in its worker with the bundled model', () => {
    // The title cache and the saved decisions live with the app's data (the mock's userData folder).
    expect(started).toEqual([
      {
        workerUrl: '/app/out/worker/service-worker.cjs',
        tokenizeWorker: '/app/out/worker/tokenize-worker.cjs',
        modelDir: '/app/models/titlematch',
        multilingualModelDir: '/app/models/titlematch-multilingual',
        taxonomyDir: '/app/out/taxonomies',
        modelFolder: null,
        modelChoice: 'auto',
        cacheDir: `/tmp/titlematch-test-${process.pid}/userData/cache`,
        provider: 'auto',
        decisionStore: `/tmp/titlematch-test-${process.pid}/userData/decisions.json`,
      },
    ]);
  });

  it('answers every contract method, only to its own window', async () => {
    for (const m of INVOKE_METHODS) expect(ipcMain.handlers.has(invokeChannel(m)), m).toBe(true);
    const status = ipcMain.handlers.get(invokeChannel('engineStatus'));
    await expect(Promise.resolve(status?.(appEvent()))).resolves.toEqual({ ok: true, value: READY });
    await expect(Promise.resolve(status?.(appEvent('https://evil.example/')))).resolves.toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('gives the About box the attribution of the shipped occupation taxonomies', () => {
    const about = aboutPanel.options as { applicationName: string; applicationVersion: string; copyright: string; credits?: string };
    expect(about).toMatchObject({ applicationName: 'TitleMatch', applicationVersion: '0.1.0' });
    const text = `${about.copyright}\n${about.credits ?? ''}`;
    expect(text).toContain('This product includes information from the O*NET 27.0 Database by the U.S. Department of Labor, Employment and Training Administration (USDOL/ETA). Used under the CC BY 4.0 license.');
    expect(text).toContain('ESCO classification, European Commission.');
  });

  it('sets the File menu', () => {
    const labels = (Menu.current?.template as { label?: string }[]).map((m) => m.label);
    expect(labels).toContain('File');
  });

  it('opens the double-clicked project once the window has loaded, and a second launch’s too', () => {
    win.webContents.emit('did-finish-load');
    const commands = win.webContents.sent.filter((s) => s.channel === eventChannel('command')).map((s) => s.payload);
    expect(commands).toEqual([{ type: 'open-project', path: '/home/ann/hiring.titlematch' }]);
    app.emit('second-instance', {}, ['/opt/TitleMatch/titlematch', '/srv/q3.titlematch'], '/');
    expect(win.webContents.sent.at(-1)).toEqual({ channel: eventChannel('command'), payload: { type: 'open-project', path: '/srv/q3.titlematch' } });
    expect(win.focused).toBeGreaterThan(0);
  });

  it('pushes the engine status to the window once loaded', () => {
    expect(win.webContents.sent).toContainEqual({ channel: eventChannel('engineStatus'), payload: READY });
  });
});
