/** The app's one window, created with Electron's security defaults and its navigation locked down. */
import { BrowserWindow, nativeTheme, shell, type BrowserWindowConstructorOptions, type WebContents } from 'electron';
import { originOf } from './sender.js';

/** Whether a URL may be handed to the system browser: http or https only, as `new URL()` reads it. */
export function isSafeExternalUrl(url: string): boolean {
  try {
    const { protocol } = new URL(url);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}

/** The window's options: the security settings are here, in one place, and tested. */
export function mainWindowOptions(preloadPath: string, dark: boolean): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 820,
    minWidth: 720,
    minHeight: 480,
    show: false,
    title: 'TitleMatch',
    // Matches the page background so that the window does not flash white in dark mode.
    backgroundColor: dark ? '#16181d' : '#f6f7f9',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      spellcheck: false,
    },
  };
}

/**
 * Locks a web contents to the app's origin: navigation elsewhere is stopped, new windows are
 * denied, and http(s) links go to the system browser instead.
 */
export function lockNavigation(contents: WebContents, appOrigin: string, openExternal: (url: string) => void): void {
  const guard = (event: { preventDefault: () => void }, url: string): void => {
    if (originOf(url) === appOrigin) return;
    event.preventDefault();
    if (isSafeExternalUrl(url)) openExternal(url);
  };
  contents.on('will-navigate', guard);
  contents.on('will-redirect', guard);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isSafeExternalUrl(url)) openExternal(url);
    return { action: 'deny' };
  });
}

/** Opens a URL in the system browser after checking it again. */
export function openExternalSafely(url: string): void {
  if (!isSafeExternalUrl(url)) return;
  shell.openExternal(url).catch(() => {
    // Nothing to do: the system has no handler for it.
  });
}

/** Creates the main window on the app's page and shows it once it has painted. */
export function createMainWindow(options: { preloadPath: string; url: string; appOrigin: string }): BrowserWindow {
  const win = new BrowserWindow(mainWindowOptions(options.preloadPath, nativeTheme.shouldUseDarkColors));
  lockNavigation(win.webContents, options.appOrigin, openExternalSafely);
  win.once('ready-to-show', () => win.show());
  win.loadURL(options.url).catch((error: unknown) => {
    console.error(`TitleMatch: could not load ${options.url}:`, error);
  });
  return win;
}
