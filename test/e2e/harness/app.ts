/// <reference lib="dom" />
/**
 * The app under test: the real match service in its worker thread, the real IPC handlers, argument
 * validators and sender check from electron/main, and a page-side `window.titlematch` that sends
 * each call across a Playwright binding, much as the preload sends it across IPC. Only the
 * system dialogs are scripted: the test says which file the person "chooses".
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { IpcMain } from 'electron';
import type { Frame, Page } from 'playwright-core';
import { INVOKE_METHODS, invokeChannel, type EventName, type EventPayloads, type InvokeMethod, type TitleMatchApi } from '../../../electron/contract/api.js';
import type { Result } from '../../../electron/contract/result.js';
import type { EngineStatus, ExportFormat, Side } from '../../../electron/contract/types.js';
import { paperForLocale, pdfPage } from '../../../electron/core/report/pdf.js';
import { startWorkerService, type WorkerService } from '../../../electron/core/service/worker-client.js';
import { createHandlers, switchModel, switchModelChoice, switchProvider, type Dialogs } from '../../../electron/main/handlers.js';
import { loadLanguageProfile } from '../../../electron/core/pipeline/route.js';
import { registerHandlers } from '../../../electron/main/ipc.js';
import { RecentFiles } from '../../../electron/main/recent.js';
import { AppSettings } from '../../../electron/main/settings.js';
import { createSenderCheck, originOf } from '../../../electron/main/sender.js';
import { validators } from '../../../electron/main/validators.js';

type Listener = Parameters<IpcMain['handle']>[1];

/** What Playwright tells a binding about its caller. */
interface BindingSource {
  page: Page;
  frame: Frame;
}

declare global {
  interface Window {
    __titlematchInvoke(method: InvokeMethod, args: unknown[]): Promise<Result<unknown>>;
    __titlematchEmit(event: EventName, payload: unknown): void;
    titlematch?: TitleMatchApi;
  }
}

/** Throws, saying how to build them, when the renderer or the worker has not been built. */
export function requireBuilt(root: string): void {
  for (const built of ['out/renderer/index.html', 'out/worker/service-worker.cjs']) {
    if (!existsSync(join(root, built))) throw new Error(`${built} is missing: run the end-to-end tests with \`npm run test:e2e\`, which builds first.`);
  }
}

/** Dialog answers the test queues before clicking the button that opens the dialog. */
export class ScriptedDialogs implements Dialogs {
  private readonly answers: (string | null)[] = [];
  readonly asked: string[] = [];

  /** The next dialog (open or save) answers `path` (null: the person cancels). */
  answer(path: string | null): void {
    this.answers.push(path);
  }

  private next(what: string): Promise<string | null> {
    this.asked.push(what);
    if (this.answers.length === 0) throw new Error(`The app opened a ${what} dialog the test did not expect.`);
    return Promise.resolve(this.answers.shift() ?? null);
  }

  openTable(side: Side): Promise<string | null> {
    return this.next(`open-${side}`);
  }
  openModelFolder(): Promise<string | null> {
    return this.next('open-model-folder');
  }
  openProject(): Promise<string | null> {
    return this.next('open-project');
  }
  saveReport(format: ExportFormat): Promise<string | null> {
    return this.next(`save-${format}`);
  }
  saveProject(): Promise<string | null> {
    return this.next('save-project');
  }
  openDecisions(): Promise<string | null> {
    return this.next('open-decisions');
  }
  saveDecisions(): Promise<string | null> {
    return this.next('save-decisions');
  }
}

/** The app's services running for one test file. */
export interface AppUnderTest {
  dialogs: ScriptedDialogs;
  /** Paths the app asked the system to open. */
  opened: string[];
  /** Gives `page` its window.titlematch; `origin` is the only origin it answers. */
  attach(page: Page, origin: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * Starts the services; `root` is the repository, `dataDir` a fresh folder for the app's own files,
 * `modelDir` the model (the bundled one unless a test says otherwise), `locale` the system's locale
 * as main would read it (it picks the PDF's paper), `taxonomyDir` the derived taxonomies (the build's unless a test says otherwise).
 */
export function startApp(
  root: string,
  dataDir: string,
  modelDir = join(root, 'models', 'titlematch'),
  locale = 'en-GB',
  taxonomyDir = join(root, 'out', 'taxonomies'),
  multilingualModelDir = join(root, 'models', 'titlematch-multilingual'),
): AppUnderTest {
  // As main does: the settings a previous run left in the data folder choose the provider and the model.
  const settings = new AppSettings(join(dataDir, 'settings.json'));
  const service: WorkerService = startWorkerService({
    workerUrl: join(root, 'out', 'worker', 'service-worker.cjs'),
    tokenizeWorker: join(root, 'out', 'worker', 'tokenize-worker.cjs'),
    modelDir,
    multilingualModelDir,
    taxonomyDir,
    modelFolder: settings.modelFolder,
    modelChoice: settings.modelChoice,
    provider: settings.provider,
    decisionStore: join(dataDir, 'decisions.json'),
  });
  const dialogs = new ScriptedDialogs();
  const opened: string[] = [];
  const pages: Page[] = [];
  const listeners = new Map<string, Listener>();
  const ipc = {
    handle: (channel: string, listener: Listener) => void listeners.set(channel, listener),
    removeHandler: (channel: string) => void listeners.delete(channel),
  };
  const emit = <E extends EventName>(event: E, payload: EventPayloads[E]): void => {
    for (const page of pages) {
      page.evaluate(([e, p]) => window.__titlematchEmit(e, p), [event, payload] as const).catch(() => {
        // The page is closing; nothing is listening any more.
      });
    }
  };
  let lastStatus: EngineStatus = { state: 'loading', model: null, modelFolder: null, modelNotice: null, provider: null, skipped: [], message: null, choice: 'auto', available: [] };
  const pushed = { get: () => lastStatus, set: (status: EngineStatus) => emit('engineStatus', (lastStatus = status)) };
  // Like main's check: only a page the test attached, its main frame, on the served origin.
  let senderCheck = createSenderCheck(() => false, 'none');
  registerHandlers(
    ipc,
    createHandlers({
      service,
      dialogs,
      recent: new RecentFiles(join(dataDir, 'recent-files.json')),
      engineStatus: async () => (lastStatus = await service.engineStatus()),
      setProvider: switchProvider(service, settings, pushed),
      setModel: switchModel(service, settings, pushed),
      setModelChoice: switchModelChoice(service, settings, pushed),
      refreshStatus: async () => pushed.set(await service.engineStatus()),
      languageProfile: () => loadLanguageProfile(multilingualModelDir),
      sendProgress: (progress) => emit('matchProgress', progress),
      openPath: (path) => {
        opened.push(path);
        return Promise.resolve('');
      },
      // Chromium's PDF printing through Playwright: the engine and the settings main's printToPDF uses.
      printPdf: async (html, title) => {
        const context = pages[0]?.context();
        if (!context) throw new Error('No page is attached to print from.');
        const printer = await context.newPage();
        try {
          await printer.setContent(html, { waitUntil: 'load' });
          const setup = pdfPage(title, paperForLocale(locale));
          const m = setup.margins;
          return await printer.pdf({
            format: setup.paper,
            margin: { top: `${m.top}in`, right: `${m.right}in`, bottom: `${m.bottom}in`, left: `${m.left}in` },
            printBackground: true,
            displayHeaderFooter: true,
            headerTemplate: setup.headerTemplate,
            footerTemplate: setup.footerTemplate,
          });
        } finally {
          await printer.close();
        }
      },
    }),
    validators,
    (event) => senderCheck(event),
  );

  return {
    dialogs,
    opened,
    async attach(page, origin) {
      senderCheck = createSenderCheck((contents) => pages.includes(contents as unknown as Page), originOf(origin) ?? origin);
      pages.push(page);
      await page.exposeBinding('__titlematchInvoke', async (source: BindingSource, method: InvokeMethod, args: unknown[]) => {
        const listener = listeners.get(invokeChannel(method));
        if (!listener) return { ok: false, error: { code: 'internal', message: `No handler for ${method}` } };
        // What Electron's IpcMainInvokeEvent tells main about the sender.
        const event = { sender: source.page, senderFrame: { url: source.frame.url(), parent: source.frame.parentFrame() } };
        return listener(event as never, ...args) as Promise<Result<unknown>>;
      });
      await page.addInitScript((methods: readonly string[]) => {
        const sets: Record<string, Set<(payload: unknown) => void>> = { matchProgress: new Set(), engineStatus: new Set(), command: new Set() };
        const on = (name: string) => (listener: (payload: never) => void) => {
          const l = listener as (payload: unknown) => void;
          sets[name].add(l);
          return () => void sets[name].delete(l);
        };
        window.__titlematchEmit = (name, payload) => {
          for (const l of sets[name]) l(payload);
        };
        const api: Record<string, unknown> = {
          pathForFile: () => '',
          onMatchProgress: on('matchProgress'),
          onEngineStatus: on('engineStatus'),
          onCommand: on('command'),
        };
        for (const m of methods) api[m] = (...args: unknown[]) => window.__titlematchInvoke(m as InvokeMethod, args);
        window.titlematch = api as unknown as TitleMatchApi;
      }, INVOKE_METHODS);
    },
    async close() {
      await service.close();
    },
  };
}
