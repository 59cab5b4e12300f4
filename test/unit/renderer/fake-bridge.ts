/**
 * A stand-in for `window.titlematch`: answers like the real bridge ({ ok, value } or { ok: false,
 * error }), records calls, and lets a test push events or hold an answer back.
 */
import { INVOKE_METHODS, type InvokeMethod, type TitleMatchApi, type Unsubscribe } from '../../../electron/contract/api.js';
import type { Result } from '../../../electron/contract/result.js';
import type {
  AppCommand,
  EngineStatus,
  MatchProgress,
  MatchResult,
  TableSummary,
} from '../../../electron/contract/types.js';
import { resetInputs } from '../../../renderer/src/state/inputs.svelte.js';
import { files } from '../../../renderer/src/state/files.svelte.js';
import { results } from '../../../renderer/src/state/results.svelte.js';
import { run } from '../../../renderer/src/state/run.svelte.js';
import { ui } from '../../../renderer/src/state/ui.svelte.js';
import { engine } from '../../../renderer/src/state/engine.svelte.js';
import { decisions } from '../../../renderer/src/state/decisions.svelte.js';

type Method = InvokeMethod;
type Answer<M extends Method> = Awaited<ReturnType<TitleMatchApi[M]>>;
type Handler<M extends Method> = (...args: Parameters<TitleMatchApi[M]>) => Answer<M> | Promise<Answer<M>>;

/** A success answer. */
export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
/** A failure answer. */
export const fail = (code: string, message: string): Result<never> => ({ ok: false, error: { code, message } });

export const READY: EngineStatus = {
  state: 'ready',
  model: { name: 'titlematch-bert', version: '1.0.0', dimension: 256, folder: null },
  modelFolder: null,
  modelNotice: null,
  provider: { id: 'cpu', label: 'CPU, 2 threads' },
  skipped: [{ provider: 'webgpu', reason: 'no adapter' }],
  message: null,
  choice: 'auto',
  available: [{ id: 'cpu', label: 'CPU, 2 threads' }],
};

/** A table summary with sensible defaults. */
export function summary(over: Partial<TableSummary> = {}): TableSummary {
  return {
    tableId: 't1',
    path: '/data/candidates.xlsx',
    fileName: 'candidates.xlsx',
    format: 'xlsx',
    sheet: 'People',
    sheets: ['People', 'Archive'],
    columns: [
      { name: 'Name', samples: ['Ada', 'Grace'], filled: 3, distinct: 3 },
      { name: 'Current title', samples: ['Sr. Software Eng', 'RN'], filled: 3, distinct: 2 },
    ],
    rowCount: 3,
    preview: [
      ['Ada', 'Sr. Software Eng'],
      ['Grace', 'RN'],
      ['Alan', 'Sr. Software Eng'],
    ],
    suggestedColumn: 'Current title',
    encoding: null,
    warnings: [],
    ...over,
  };
}

/** A two-by-three result: openings ranked against candidate titles, both ways. */
export function matchResult(over: Partial<MatchResult> = {}): MatchResult {
  return {
    runId: 'run-1',
    createdAt: '2025-01-01T00:00:00.000Z',
    elapsedMs: 1200,
    topK: 3,
    candidates: {
      tableId: 't1',
      path: '/data/candidates.xlsx',
      fileName: 'candidates.xlsx',
      sheet: 'People',
      column: 'Current title',
      rowCount: 4,
      titles: ['Sr. Software Eng', 'RN', 'Truck driver'],
      rowCounts: [2, 1, 1],
      levels: ['senior', 'mid', 'mid'],
    },
    targets: {
      tableId: 't2',
      path: '/data/openings.csv',
      fileName: 'openings.csv',
      sheet: null,
      column: 'Job title',
      rowCount: 2,
      titles: ['Lead Full Stack Developer', 'Registered Nurse'],
      rowCounts: [1, 1],
      levels: ['lead', 'mid'],
    },
    byTarget: { k: 3, indices: [0, 2, 1, 1, 0, 2], scores: [0.82, 0.41, 0.2, 0.91, 0.3, 0.1] },
    byCandidate: { k: 3, indices: [0, 1, -1, 1, 0, -1, 0, 1, -1], scores: [0.82, 0.3, 0, 0.91, 0.2, 0, 0.41, 0.1, 0] },
    model: { name: 'titlematch-bert', version: '1.0.0' },
    provider: 'CPU, 2 threads',
    confidence: { calibrated: false, reason: 'the model has no confidence.json, so scores are shown without a confidence' },
    seniority: 'ignore',
    ...over,
  };
}

/** The fake bridge, installed on window.titlematch. */
export class FakeBridge {
  readonly calls: { method: string; args: unknown[] }[] = [];
  private handlers = new Map<string, (...args: never[]) => unknown>();
  private listeners = { matchProgress: new Set<(p: MatchProgress) => void>(), engineStatus: new Set<(s: EngineStatus) => void>(), command: new Set<(c: AppCommand) => void>() };
  /** What pathForFile answers. */
  droppedPath = '';

  constructor() {
    this.on('engineStatus', () => ok(READY));
    this.on('recentFiles', () => ok([]));
    this.on('savedDecisions', () => ok({ path: '/data/decisions.json', decisions: [], error: null }));
  }

  /** Sets how a method answers. */
  on<M extends Method>(method: M, handler: Handler<M>): this {
    this.handlers.set(method, handler);
    return this;
  }

  /** The arguments of every call to `method`. */
  argsOf(method: Method): unknown[][] {
    return this.calls.filter((c) => c.method === method).map((c) => c.args);
  }

  emitProgress(p: MatchProgress): void {
    for (const l of this.listeners.matchProgress) l(p);
  }

  emitCommand(c: AppCommand): void {
    for (const l of this.listeners.command) l(c);
  }

  private call(method: Method, args: unknown[]): Promise<unknown> {
    this.calls.push({ method, args });
    const handler = this.handlers.get(method);
    if (!handler) return Promise.resolve(fail('internal', `No answer set for ${method}`));
    return Promise.resolve((handler as (...a: unknown[]) => unknown)(...args));
  }

  private subscribe<T>(set: Set<(v: T) => void>, listener: (v: T) => void): Unsubscribe {
    set.add(listener);
    return () => set.delete(listener);
  }

  /** The object put on window.titlematch. */
  api(): TitleMatchApi {
    const c = <M extends Method>(m: M) => ((...args: unknown[]) => this.call(m, args)) as unknown as TitleMatchApi[M];
    return {
      ...(Object.fromEntries(INVOKE_METHODS.map((m) => [m, c(m)])) as Pick<TitleMatchApi, Method>),
      pathForFile: () => this.droppedPath,
      onMatchProgress: (l) => this.subscribe(this.listeners.matchProgress, l),
      onEngineStatus: (l) => this.subscribe(this.listeners.engineStatus, l),
      onCommand: (l) => this.subscribe(this.listeners.command, l),
    };
  }
}

/** Installs a fresh fake bridge and resets every state module. */
export function installBridge(): FakeBridge {
  const bridge = new FakeBridge();
  window.titlematch = bridge.api();
  resetInputs();
  results.current = null;
  results.settings.direction = 'byTarget';
  results.settings.threshold = 0;
  results.settings.topK = 10;
  results.settings.search = '';
  results.settings.sort = 'file';
  results.selectedQuery = -1;
  results.selectedRank = -1;
  results.explanation = null;
  run.status = 'idle';
  run.progress = null;
  run.error = null;
  run.topK = 10;
  ui.screen = 'import';
  ui.notice = null;
  Object.assign(files, { exporting: null, exportError: null, lastExport: null, openAfterExport: false, saving: false, saveError: null, opening: false, openError: null, projectPath: null });
  engine.status = READY;
  engine.modelError = null;
  engine.choosingModel = false;
  Object.assign(decisions, { saved: [], savedPath: '', storeError: null, project: [], adapt: true, showHidden: false, busy: null, adapting: false, error: null });
  return bridge;
}

/** A promise with its resolve function, to hold an answer back. */
export function deferred<T>(): { promise: Promise<T>; resolve: (v: T) => void } {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}
