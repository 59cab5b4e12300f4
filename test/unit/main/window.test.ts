import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createSenderCheck, originOf } from '../../../electron/main/sender.js';
import { createMainWindow, isSafeExternalUrl, lockNavigation, mainWindowOptions } from '../../../electron/main/window.js';
import { FakeWebContents, resetElectron, shell, type BrowserWindow } from './electron-mock.js';

vi.mock('electron', () => import('./electron-mock.js'));

beforeEach(() => resetElectron());

describe('window security settings', () => {
  it('isolates the page: context isolation, sandbox, no Node, web security, no webview', () => {
    const prefs = mainWindowOptions('/app/out/preload/index.cjs', false).webPreferences;
    expect(prefs).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });

  it('creates the window with those settings on the app page, shown once painted', () => {
    const win = createMainWindow({ preloadPath: '/p.cjs', url: 'app://titlematch/index.html', appOrigin: 'app://titlematch' }) as unknown as BrowserWindow;
    expect(win.options).toEqual(mainWindowOptions('/p.cjs', false));
    expect(win.loadedUrl).toBe('app://titlematch/index.html');
    expect(win.shown).toBe(false);
    win.emit('ready-to-show');
    expect(win.shown).toBe(true);
  });
});

describe('navigation lock', () => {
  function locked(): { contents: FakeWebContents; opened: string[] } {
    const contents = new FakeWebContents();
    const opened: string[] = [];
    lockNavigation(contents as never, 'app://titlematch', (url) => opened.push(url));
    return { contents, opened };
  }

  function navigate(contents: FakeWebContents, event: string, url: string): boolean {
    let prevented = false;
    contents.emit(event, { preventDefault: () => (prevented = true) }, url);
    return prevented;
  }

  it('stays on the app’s own pages', () => {
    const { contents, opened } = locked();
    expect(navigate(contents, 'will-navigate', 'app://titlematch/index.html')).toBe(false);
    expect(opened).toEqual([]);
  });

  it('stops navigation elsewhere; web links go to the system browser', () => {
    const { contents, opened } = locked();
    expect(navigate(contents, 'will-navigate', 'https://example.com/jobs')).toBe(true);
    expect(navigate(contents, 'will-redirect', 'http://example.com/')).toBe(true);
    expect(navigate(contents, 'will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(navigate(contents, 'will-navigate', 'javascript:alert(1)')).toBe(true);
    expect(opened).toEqual(['https://example.com/jobs', 'http://example.com/']);
  });

  it('denies every new window, opening only http(s) links outside', () => {
    const { contents, opened } = locked();
    const handler = contents.windowOpenHandler;
    expect(handler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    expect(handler?.({ url: 'file:///C:/Windows/system32/calc.exe' })).toEqual({ action: 'deny' });
    expect(handler?.({ url: 'smb://server/share' })).toEqual({ action: 'deny' });
    expect(opened).toEqual(['https://example.com/']);
  });

  it('refuses webviews', () => {
    const { contents } = locked();
    expect(navigate(contents, 'will-attach-webview', '')).toBe(true);
  });

  it('reads URLs with new URL() before trusting them', () => {
    expect(isSafeExternalUrl('https://example.com')).toBe(true);
    expect(isSafeExternalUrl('HTTP://EXAMPLE.COM')).toBe(true);
    expect(isSafeExternalUrl('file:///etc/passwd')).toBe(false);
    expect(isSafeExternalUrl('javascript:alert(1)')).toBe(false);
    expect(isSafeExternalUrl(' https://example.com')).toBe(true); // URL trims leading spaces, then it is https
    expect(isSafeExternalUrl('not a url')).toBe(false);
    expect(shell.opened).toEqual([]);
  });
});

describe('sender check', () => {
  const app = new FakeWebContents();
  const other = new FakeWebContents();
  const check = createSenderCheck((c) => c === (app as never), 'app://titlematch');
  const event = (sender: FakeWebContents, frame: { url: string; parent: unknown } | null) => ({ sender, senderFrame: frame }) as never;

  it('accepts the app window’s main frame on the app origin', () => {
    expect(check(event(app, { url: 'app://titlematch/index.html', parent: null }))).toBe(true);
  });

  it('refuses other windows, sub-frames, other origins and gone frames', () => {
    expect(check(event(other, { url: 'app://titlematch/index.html', parent: null }))).toBe(false);
    expect(check(event(app, { url: 'app://titlematch/frame.html', parent: {} }))).toBe(false);
    expect(check(event(app, { url: 'https://evil.example/', parent: null }))).toBe(false);
    expect(check(event(app, { url: 'file:///app/out/renderer/index.html', parent: null }))).toBe(false);
    expect(check(event(app, { url: 'app://titlematch.evil/index.html', parent: null }))).toBe(false);
    expect(check(event(app, null))).toBe(false);
  });

  it('reads the origin of custom schemes too', () => {
    expect(originOf('app://titlematch/a/b.html?x#y')).toBe('app://titlematch');
    expect(originOf('http://localhost:5173/')).toBe('http://localhost:5173');
    expect(originOf('::')).toBeNull();
  });
});
