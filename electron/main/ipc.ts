/**
 * The one way main answers the renderer: every invoke method is registered here, behind a sender
 * check and argument validation, and answers `{ ok: true, value }` or `{ ok: false, error }`.
 * Electron passes only an Error's message across `invoke`, so failures travel as data.
 */
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import {
  INVOKE_METHODS,
  invokeChannel,
  type InvokeArgs,
  type InvokeMethod,
  type InvokeValue,
} from '../contract/api.js';
import type { ApiError, Result } from '../contract/result.js';

/** The function that serves one invoke method, given checked arguments. */
export type Handlers = {
  [M in InvokeMethod]: (...args: InvokeArgs<M>) => Promise<InvokeValue<M>> | InvokeValue<M>;
};

/** Turns the raw argument list into checked arguments, or throws (BadRequest). */
export type Validators = { [M in InvokeMethod]: (args: unknown[]) => InvokeArgs<M> };

/** Decides whether a message comes from the app's own window, main frame, own origin. */
export type SenderCheck = (event: IpcMainInvokeEvent) => boolean;

/** Where unexpected errors are reported (the message shown to the person stays short). */
export type ErrorLog = (method: InvokeMethod, error: unknown) => void;

/** Reads an error's code when it has one (InputError, ModelError, ServiceError, BadRequest). */
export function toApiError(error: unknown): ApiError {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    // Operating-system errors (ENOENT, EACCES, ...) keep their code; Node's internal ERR_* do not.
    if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) {
      return { code: 'io', message: `A file could not be read or written: ${error.message}` };
    }
    if (typeof code === 'string' && /^[a-z][a-z-]*$/.test(code)) return { code, message: error.message };
    return { code: 'internal', message: `Something went wrong: ${error.message}` };
  }
  return { code: 'internal', message: `Something went wrong: ${String(error)}` };
}

/** Registers every invoke method on `ipc`; returns a function that removes them again. */
export function registerHandlers(
  ipc: Pick<IpcMain, 'handle' | 'removeHandler'>,
  handlers: Handlers,
  validators: Validators,
  isTrustedSender: SenderCheck,
  log: ErrorLog = () => {},
): () => void {
  for (const method of INVOKE_METHODS) {
    ipc.handle(invokeChannel(method), (event, ...raw: unknown[]) =>
      answer(method, event, raw, handlers, validators, isTrustedSender, log),
    );
  }
  return () => {
    for (const method of INVOKE_METHODS) ipc.removeHandler(invokeChannel(method));
  };
}

async function answer<M extends InvokeMethod>(
  method: M,
  event: IpcMainInvokeEvent,
  raw: unknown[],
  handlers: Handlers,
  validators: Validators,
  isTrustedSender: SenderCheck,
  log: ErrorLog,
): Promise<Result<InvokeValue<M>>> {
  if (!isTrustedSender(event)) {
    return { ok: false, error: { code: 'forbidden', message: 'This request did not come from the TitleMatch window.' } };
  }
  let checked: InvokeArgs<M>;
  try {
    checked = (validators[method] as (a: unknown[]) => InvokeArgs<M>)(raw);
  } catch (error) {
    return { ok: false, error: toApiError(error) };
  }
  try {
    const handler = handlers[method] as (...a: InvokeArgs<M>) => Promise<InvokeValue<M>> | InvokeValue<M>;
    return { ok: true, value: await handler(...checked) };
  } catch (error) {
    const apiError = toApiError(error);
    if (apiError.code === 'internal') log(method, error);
    return { ok: false, error: apiError };
  }
}
