/**
 * Main process entry: lifecycle, the one window, menu, file associations, IPC registration. The
 * work itself runs in the match service's worker thread.
 */
import { app, BrowserWindow, ipcMain, Menu, nativeTheme, session, shell, type WebContents } from 'electron';
import { join } from 'node:path';
import { eventChannel, type EventName, type EventPayloads } from '../contract/api.js';
import type { AppCommand, EngineStatus } from '../contract/types.js';
import { startWorkerService } from '../core/service/worker-client.js';
import { aboutPanel } from './about.js';
import { systemDialogs } from './dialogs.js';
import { createHandlers, switchModel, switchModelChoice, switchProvider } from './handlers.js';
import { loadLanguageProfile } from '../core/pipeline/route.js';
import { registerHandlers } from './ipc.js';
import { projectFromArgv } from './launch.js';
import { menuTemplate } from './menu.js';
import { appPaths } from './paths.js';
import { pdfPrinter } from './print.js';
import { APP_ORIGIN, handleAppProtocol, registerAppScheme } from './protocol.js';
import { RecentFiles } from './recent.js';
import { AppSettings } from './settings.js';
import { denyPermissions, lockAllWebContents } from './session.js';
import { createSenderCheck, originOf } from './sender.js';
import { validators } from './validators.js';
import { createMainWindow } from './window.js';

// In development `npm run dev` serves the renderer from Vite; a packaged app never looks at this.
const devUrl = !app.isPackaged ? process.env.TITLEMATCH_RENDERER_URL : undefined;
const appOrigin = devUrl ? (originOf(devUrl) ?? APP_ORIGIN) : APP_ORIGIN;
const startUrl = devUrl ?? `${APP_ORIGIN}/index.html`;

let mainWindow: BrowserWindow | null = null;
let engineStatus: EngineStatus = { state: 'loading', model: null, modelFolder: null, modelNotice: null, provider: null, skipped: [], message: null, choice: 'auto', available: [] };
// Commands that arrive before the window is ready to hear them (a double-clicked project).
const pendingCommands: AppCommand[] = [];
let windowReady = false;

function send<E extends EventName>(event: E, payload: EventPayloads[E]): void {
  mainWindow?.webContents.send(eventChannel(event), payload);
}

function command(cmd: AppCommand): void {
  if (mainWindow && windowReady) send('command', cmd);
  else pendingCommands.push(cmd);
  if (mainWindow?.isMinimized()) mainWindow.restore();
  mainWindow?.focus();
}

registerAppScheme();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  const initialProject = projectFromArgv(process.argv, process.cwd());
  if (initialProject) pendingCommands.push({ type: 'open-project', path: initialProject });

  app.on('second-instance', (_event, argv, cwd) => {
    const project = projectFromArgv(argv, cwd);
    command(project ? { type: 'open-project', path: project } : { type: 'show', view: 'import' });
  });
  // macOS hands over double-clicked files this way, possibly before the app is ready.
  app.on('open-file', (event, path) => {
    event.preventDefault();
    command({ type: 'open-project', path });
  });

  // No other page, frame or webview may open anything: everything goes through the main window.
  lockAllWebContents(app);

  app.whenReady().then(start, (error: unknown) => {
    console.error('TitleMatch could not start:', error);
    app.exit(1);
  });
}

function start(): void {
  app.setAboutPanelOptions(aboutPanel(app.getVersion()));
  const paths = appPaths(app.getAppPath());
  denyPermissions(session.defaultSession);
  handleAppProtocol(paths.rendererDir);

  const settings = new AppSettings(join(app.getPath('userData'), 'settings.json'));
  const service = startWorkerService({
    workerUrl: paths.workerPath,
    tokenizeWorker: paths.tokenizeWorkerPath,
    modelDir: paths.modelDir,
    taxonomyDir: paths.taxonomyDir,
    multilingualModelDir: paths.multilingualModelDir,
    modelFolder: settings.modelFolder,
    modelChoice: settings.modelChoice,
    cacheDir: join(app.getPath('userData'), 'cache'),
    provider: settings.provider,
    // The recruiter's accepted and rejected matches, for every project (core/adapter/store).
    decisionStore: join(app.getPath('userData'), 'decisions.json'),
  });
  const engineLoaded = service.engineStatus().then((status) => {
    engineStatus = status;
    send('engineStatus', status);
    return status;
  });

  const recent = new RecentFiles(join(app.getPath('userData'), 'recent-files.json'), (files) => {
    buildMenu(files);
    const last = files[0];
    if (last) app.addRecentDocument(last.path);
  });
  const buildMenu = (files = recent.list()): void => {
    Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate({ isMac: process.platform === 'darwin', appName: app.name, recent: files, actions: { command } })));
  };
  buildMenu();

  const pushed = { get: () => engineStatus, set: (status: EngineStatus) => send('engineStatus', (engineStatus = status)) };
  const isAppContents = (contents: WebContents): boolean => mainWindow !== null && contents === mainWindow.webContents;
  registerHandlers(
    ipcMain,
    createHandlers({
      service,
      dialogs: systemDialogs(() => mainWindow, app.getPath('documents')),
      recent,
      engineStatus: () => (engineStatus.state === 'loading' ? engineLoaded : Promise.resolve(engineStatus)),
      setProvider: switchProvider(service, settings, pushed),
      setModel: switchModel(service, settings, pushed),
      setModelChoice: switchModelChoice(service, settings, pushed),
      refreshStatus: () => service.engineStatus().then(pushed.set),
      languageProfile: () => loadLanguageProfile(paths.multilingualModelDir),
      sendProgress: (progress) => send('matchProgress', progress),
      openPath: (path) => shell.openPath(path),
      printPdf: pdfPrinter(() => app.getSystemLocale() || app.getLocale()),
    }),
    validators,
    createSenderCheck(isAppContents, appOrigin),
    (method, error) => console.error(`TitleMatch: ${method} failed:`, error),
  );

  openWindow(paths.preloadPath);
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) openWindow(paths.preloadPath);
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('will-quit', () => {
    void service.close();
  });
  nativeTheme.themeSource = 'system';
}

function openWindow(preloadPath: string): void {
  windowReady = false;
  const win = createMainWindow({ preloadPath, url: startUrl, appOrigin });
  mainWindow = win;
  win.webContents.on('did-finish-load', () => {
    windowReady = true;
    for (const cmd of pendingCommands.splice(0)) send('command', cmd);
  });
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = null;
  });
}
