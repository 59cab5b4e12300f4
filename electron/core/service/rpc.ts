/**
 * The match service over a message port (a worker thread's, or a MessageChannel in tests): calls,
 * their answers, progress, and cancellation. Errors cross as { code, message } and come back as
 * ServiceError, so the bridge to the window keeps their codes.
 */
import type { MatchProgress } from '../../contract/types.js';
import { ServiceError } from './errors.js';
import { SERVICE_METHODS, type CallOptions, type MatchService, type ServiceMethod } from './types.js';

/** The part of a worker_threads port (or Worker) this protocol uses. */
export interface Port {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (message: unknown) => void): unknown;
}

type Call = { type: 'call'; id: number; method: ServiceMethod; args: unknown[] };
type Cancel = { type: 'cancel'; id: number };
type Answer = { type: 'answer'; id: number; ok: true; value: unknown } | { type: 'answer'; id: number; ok: false; error: { code: string; message: string } };
type Progress = { type: 'progress'; id: number; progress: MatchProgress };

function isMessage(m: unknown): m is { type: string; id: number } {
  return typeof m === 'object' && m !== null && typeof (m as { type?: unknown }).type === 'string' && typeof (m as { id?: unknown }).id === 'number';
}

function errorData(error: unknown): { code: string; message: string } {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    if (error.name === 'AbortError') return { code: 'cancelled', message: 'Matching was cancelled.' };
    return { code: typeof code === 'string' ? code : 'internal', message: error.message };
  }
  return { code: 'internal', message: String(error) };
}

/** Answers calls arriving on `port` with `service`. */
export function serveService(port: Port, service: MatchService): void {
  const running = new Map<number, AbortController>();
  port.on('message', (m) => {
    if (!isMessage(m)) return;
    if (m.type === 'cancel') {
      running.get(m.id)?.abort(new ServiceError('cancelled', 'Matching was cancelled.'));
      return;
    }
    if (m.type !== 'call') return;
    const call = m as Call;
    if (!(SERVICE_METHODS as readonly string[]).includes(call.method)) {
      port.postMessage({ type: 'answer', id: call.id, ok: false, error: { code: 'internal', message: `Unknown method ${String(call.method)}` } } satisfies Answer);
      return;
    }
    const controller = new AbortController();
    running.set(call.id, controller);
    const options: CallOptions = {
      signal: controller.signal,
      onProgress: (progress) => port.postMessage({ type: 'progress', id: call.id, progress } satisfies Progress),
    };
    invoke(service, call.method, call.args, options)
      .then((value) => port.postMessage({ type: 'answer', id: call.id, ok: true, value } satisfies Answer))
      .catch((error: unknown) => port.postMessage({ type: 'answer', id: call.id, ok: false, error: errorData(error) } satisfies Answer))
      .finally(() => running.delete(call.id));
  });
}

function invoke(service: MatchService, method: ServiceMethod, args: unknown[], options: CallOptions): Promise<unknown> {
  switch (method) {
    case 'engineStatus':
      return service.engineStatus();
    case 'setProvider':
      return service.setProvider(args[0] as Parameters<MatchService['setProvider']>[0]);
    case 'setModel':
      return service.setModel(args[0] as string | null);
    case 'loadTable':
      return service.loadTable(args[0] as string, args[1] as string | null);
    case 'loadTaxonomy':
      return service.loadTaxonomy(args[0] as Parameters<MatchService['loadTaxonomy']>[0]);
    case 'match':
      return service.match(args[0] as Parameters<MatchService['match']>[0], options);
    case 'exportResults':
      return service.exportResults(args[0] as Parameters<MatchService['exportResults']>[0], args[1] as string);
    case 'printableReport':
      return service.printableReport(args[0] as Parameters<MatchService['printableReport']>[0]);
    case 'saveProject':
      return service.saveProject(args[0] as string, args[1] as Parameters<MatchService['saveProject']>[1]);
    case 'openProject':
      return service.openProject(args[0] as string);
    case 'savedDecisions':
      return service.savedDecisions();
    case 'decide':
      return service.decide(args[0] as Parameters<MatchService['decide']>[0]);
    case 'importDecisions':
      return service.importDecisions(args[0] as string);
    case 'exportDecisions':
      return service.exportDecisions(args[0] as string);
    case 'clearDecisions':
      return service.clearDecisions();
    case 'dispose':
      return service.dispose();
  }
}

/** A service whose calls go over `port`; `fail` rejects every pending call (the port's end died). */
export interface RemoteService extends MatchService {
  fail(error: ServiceError): void;
}

/** Calls a service served on the other end of `port`. */
export function connectService(port: Port): RemoteService {
  let nextId = 1;
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void; onProgress?: (p: MatchProgress) => void }>();
  port.on('message', (m) => {
    if (!isMessage(m)) return;
    const entry = pending.get(m.id);
    if (!entry) return;
    if (m.type === 'progress') {
      entry.onProgress?.((m as Progress).progress);
      return;
    }
    if (m.type !== 'answer') return;
    pending.delete(m.id);
    const answer = m as Answer;
    if (answer.ok) entry.resolve(answer.value);
    else entry.reject(new ServiceError(answer.error.code, answer.error.message));
  });

  const call = <T>(method: ServiceMethod, args: unknown[], options: CallOptions = {}): Promise<T> => {
    const id = nextId++;
    return new Promise<T>((resolve, reject) => {
      const { signal, onProgress } = options;
      if (signal?.aborted) {
        reject(new ServiceError('cancelled', 'Matching was cancelled.'));
        return;
      }
      const onAbort = (): void => port.postMessage({ type: 'cancel', id } satisfies Cancel);
      signal?.addEventListener('abort', onAbort, { once: true });
      pending.set(id, {
        resolve: (v) => {
          signal?.removeEventListener('abort', onAbort);
          resolve(v as T);
        },
        reject: (e) => {
          signal?.removeEventListener('abort', onAbort);
          reject(e);
        },
        onProgress,
      });
      port.postMessage({ type: 'call', id, method, args } satisfies Call);
    });
  };

  return {
    engineStatus: () => call('engineStatus', []),
    setProvider: (choice) => call('setProvider', [choice]),
    setModel: (folder) => call('setModel', [folder]),
    loadTable: (path, sheet) => call('loadTable', [path, sheet]),
    loadTaxonomy: (id) => call('loadTaxonomy', [id]),
    match: (request, options) => call('match', [request], options),
    exportResults: (request, path) => call('exportResults', [request, path]),
    printableReport: (request) => call('printableReport', [request]),
    saveProject: (path, request) => call('saveProject', [path, request]),
    openProject: (path) => call('openProject', [path]),
    savedDecisions: () => call('savedDecisions', []),
    decide: (change) => call('decide', [change]),
    importDecisions: (path) => call('importDecisions', [path]),
    exportDecisions: (path) => call('exportDecisions', [path]),
    clearDecisions: () => call('clearDecisions', []),
    dispose: () => call('dispose', []),
    fail(error) {
      for (const entry of pending.values()) entry.reject(error);
      pending.clear();
    },
  };
}
