/**
 * The one stand-in for the 'electron' module in main-process tests (vi.mock('electron', ...)):
 * just enough of each API to record what main asks of it.
 */
import { EventEmitter } from 'node:events';

type Listener = (...args: unknown[]) => unknown;

/** A web contents that records its listeners and window-open handler. */
export class FakeWebContents extends EventEmitter {
  windowOpenHandler: ((details: { url: string }) => { action: 'allow' | 'deny' }) | undefined;
  readonly sent: { channel: string; payload: unknown }[] = [];
  readonly mainFrame = { url: 'app://titlematch/index.html', parent: null };
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'allow' | 'deny' }): void {
    this.windowOpenHandler = handler;
  }
  send(channel: string, payload: unknown): void {
    this.sent.push({ channel, payload });
  }
  /** What printToPDF was asked, and the page it had loaded then (read from the loaded file). */
  readonly printed: { options: Record<string, unknown>; html: string | undefined }[] = [];
  loadedHtml: string | undefined;
  printToPDF(options: Record<string, unknown>): Promise<Buffer> {
    this.printed.push({ options, html: this.loadedHtml });
    return Promise.resolve(Buffer.from('%PDF-1.4 fake'));
  }
}

/** A window that records its options and the URL it loads. */
export class BrowserWindow extends EventEmitter {
  static created: BrowserWindow[] = [];
  readonly webContents = new FakeWebContents();
  loadedUrl: string | undefined;
  shown = false;
  focused = 0;
  isMinimized(): boolean {
    return false;
  }
  restore(): void {}
  focus(): void {
    this.focused++;
  }
  constructor(readonly options: Record<string, unknown>) {
    super();
    BrowserWindow.created.push(this);
  }
  loadURL(url: string): Promise<void> {
    this.loadedUrl = url;
    return Promise.resolve();
  }
  loadedFile: string | undefined;
  async loadFile(path: string): Promise<void> {
    this.loadedFile = path;
    const { readFile } = await import('node:fs/promises');
    this.webContents.loadedHtml = await readFile(path, 'utf8');
  }
  destroyed = false;
  destroy(): void {
    this.destroyed = true;
  }
  show(): void {
    this.shown = true;
  }
  static getAllWindows(): BrowserWindow[] {
    return BrowserWindow.created;
  }
}

/** ipcMain and ipcRenderer share one registry so that tests can call handlers directly. */
export const ipcMain = {
  handlers: new Map<string, Listener>(),
  handle(channel: string, listener: Listener): void {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, listener);
  },
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  },
};

export const ipcRenderer = Object.assign(new EventEmitter(), {
  invoked: [] as { channel: string; args: unknown[] }[],
  invoke(channel: string, ...args: unknown[]): Promise<unknown> {
    ipcRenderer.invoked.push({ channel, args });
    return Promise.resolve({ ok: true, value: channel });
  },
});

export const contextBridge = {
  exposed: new Map<string, unknown>(),
  exposeInMainWorld(key: string, api: unknown): void {
    contextBridge.exposed.set(key, api);
  },
};

export const webUtils = { getPathForFile: (file: { name: string }) => `/dropped/${file.name}` };

export const shell = {
  opened: [] as string[],
  openExternal(url: string): Promise<void> {
    shell.opened.push(url);
    return Promise.resolve();
  },
  openPath: (): Promise<string> => Promise.resolve(''),
};

export const nativeTheme = { shouldUseDarkColors: false, themeSource: 'system' };

export const protocol = {
  privileged: [] as unknown[],
  handlers: new Map<string, (request: { url: string }) => Response | Promise<Response>>(),
  registerSchemesAsPrivileged(schemes: unknown[]): void {
    protocol.privileged.push(...schemes);
  },
  handle(scheme: string, handler: (request: { url: string }) => Response | Promise<Response>): void {
    protocol.handlers.set(scheme, handler);
  },
};

export const net = {
  fetched: [] as string[],
  fetch(url: string): Promise<Response> {
    net.fetched.push(url);
    return Promise.resolve(new Response('file', { status: 200 }));
  },
};

export const dialog = {
  showOpenDialog: (): Promise<{ canceled: boolean; filePaths: string[] }> => Promise.resolve({ canceled: true, filePaths: [] }),
  showSaveDialog: (): Promise<{ canceled: boolean; filePath?: string }> => Promise.resolve({ canceled: true }),
};

/** What main last gave the About box. */
export const aboutPanel: { options: Record<string, unknown> } = { options: {} };

/** The app: a single-instance lock that is granted, ready at once, paths under /tmp. */
export const app = Object.assign(new EventEmitter(), {
  isPackaged: false,
  name: 'TitleMatch',
  appPath: '/app',
  recentDocuments: [] as string[],
  requestSingleInstanceLock: (): boolean => true,
  whenReady: (): Promise<void> => Promise.resolve(),
  getAppPath: (): string => app.appPath,
  getPath: (name: string): string => `/tmp/titlematch-test-${process.pid}/${name}`,
  systemLocale: 'en-US',
  getSystemLocale: (): string => app.systemLocale,
  getLocale: (): string => 'en-US',
  getVersion: (): string => '0.1.0',
  setAboutPanelOptions(options: Record<string, unknown>): void {
    aboutPanel.options = options;
  },
  addRecentDocument(path: string): void {
    app.recentDocuments.push(path);
  },
  quit(): void {},
  exit(): void {},
});

export const Menu = {
  current: undefined as { template: unknown[] } | undefined,
  buildFromTemplate: (template: unknown[]) => ({ template }),
  setApplicationMenu(menu: { template: unknown[] }): void {
    Menu.current = menu;
  },
};

export const session = {
  defaultSession: {
    requestHandler: undefined as unknown,
    setPermissionRequestHandler(handler: unknown): void {
      session.defaultSession.requestHandler = handler;
    },
    setPermissionCheckHandler(): void {},
  },
};

/** Forgets everything recorded, between tests. */
export function resetElectron(): void {
  BrowserWindow.created = [];
  ipcMain.handlers.clear();
  ipcRenderer.removeAllListeners();
  ipcRenderer.invoked = [];
  contextBridge.exposed.clear();
  shell.opened = [];
  protocol.privileged = [];
  protocol.handlers.clear();
  net.fetched = [];
}

export default { app, BrowserWindow, Menu, session, ipcMain, ipcRenderer, contextBridge, webUtils, shell, nativeTheme, protocol, net, dialog };
