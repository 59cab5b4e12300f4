/**
 * The match service over a message port (a worker thread's, or a MessageChannel in tests): calls,
 * their answers, progress, and cancellation. Errors cross as { code, message } and come back as
 * ServiceError, so the bridge to the window keeps their codes.
 */
import type { MatchProgress } from '../../contract/types.js';
import { CANCELLED } from '../../contract/result.js';
import { cancelled, isCancellation, ServiceError } from './errors.js';
import { isServiceMethod, SERVICE_METHODS, type CallOptions, type MatchService, type ServiceMethod } from './types.js';

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
  if (isCancellation(error)) return { code: CANCELLED, message: cancelled().message };
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return { code: typeof code === 'string' ? code : 'internal', message: error.message };
  }
  return { code: 'internal', message: String(error) };
}

/** Calls a service's method by name with its arguments and, for a method that takes them, the call's options in their place. */
export function callMethod(service: MatchService, method: ServiceMethod, args: unknown[], options?: CallOptions): Promise<unknown> {
  const spec: true | { options: number } = SERVICE_METHODS[method];
  // The one untyped step: a method named at run time, called with the arguments a message carried.
  const methods = service as unknown as Record<ServiceMethod, (...args: unknown[]) => Promise<unknown>>;
  return methods[method](...(spec === true ? args : [...args.slice(0, spec.options), options]));
}

/** Answers calls arriving on `port` with `service`. */
export function serveService(port: Port, service: MatchService): void {
  const running = new Map<number, AbortController>();
  port.on('message', (m) => {
    if (!isMessage(m)) return;
    if (m.type === 'cancel') {
      running.get(m.id)?.abort(cancelled());
      return;
    }
    if (m.type !== 'call') return;
    const call = m as Call;
    if (!isServiceMethod(call.method)) {
      port.postMessage({ type: 'answer', id: call.id, ok: false, error: { code: 'internal', message: `Unknown method ${String(call.method)}` } } satisfies Answer);
      return;
    }
    const controller = new AbortController();
    running.set(call.id, controller);
    const options: CallOptions = {
      signal: controller.signal,
      onProgress: (progress) => port.postMessage({ type: 'progress', id: call.id, progress } satisfies Progress),
    };
    const method = call.method;
    Promise.resolve()
      .then(() => callMethod(service, method, call.args, options))
      .then((value) => port.postMessage({ type: 'answer', id: call.id, ok: true, value } satisfies Answer))
      .catch((error: unknown) => port.postMessage({ type: 'answer', id: call.id, ok: false, error: errorData(error) } satisfies Answer))
      .finally(() => running.delete(call.id));
  });
}

/**
 * A MatchService whose every method hands its arguments to `call` (with the call's options apart,
 * for the methods that take them): made from SERVICE_METHODS, so a method added to the service is
 * served, called and forwarded without another list to update.
 */
export function serviceProxy(call: (method: ServiceMethod, args: unknown[], options?: CallOptions) => Promise<unknown>): MatchService {
  const methods = Object.keys(SERVICE_METHODS) as ServiceMethod[];
  return Object.fromEntries(
    methods.map((method) => {
      const spec: true | { options: number } = SERVICE_METHODS[method];
      const forward = (...args: unknown[]): Promise<unknown> =>
        spec === true ? call(method, args) : call(method, args.slice(0, spec.options), args[spec.options] as CallOptions | undefined);
      return [method, forward];
    }),
  ) as unknown as MatchService;
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

  const call = (method: ServiceMethod, args: unknown[], options: CallOptions = {}): Promise<unknown> => {
    const id = nextId++;
    return new Promise<unknown>((resolve, reject) => {
      const { signal, onProgress } = options;
      if (signal?.aborted) {
        reject(cancelled());
        return;
      }
      const onAbort = (): void => port.postMessage({ type: 'cancel', id } satisfies Cancel);
      signal?.addEventListener('abort', onAbort, { once: true });
      pending.set(id, {
        resolve: (v) => {
          signal?.removeEventListener('abort', onAbort);
          resolve(v);
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
    ...serviceProxy(call),
    fail(error) {
      for (const entry of pending.values()) entry.reject(error);
      pending.clear();
    },
  };
}
