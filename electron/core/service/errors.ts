import { CANCELLED } from '../../contract/result.js';

/** Errors the match service raises for things a person can act on; `code` crosses the bridge. */
export class ServiceError extends Error {
  constructor(
    /** 'cancelled', 'busy', 'no-table', 'no-result', 'no-column', 'no-titles', ... */
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ServiceError';
  }
}

/** One match at a time (the service and main both refuse a second). */
export function matchBusy(): ServiceError {
  return new ServiceError('busy', 'A match is already running. Wait for it to finish or cancel it.');
}

/** Where the engine runs cannot change while a match runs (the service and main both refuse). */
export function providerBusy(): ServiceError {
  return new ServiceError('busy', 'A match is running. Change where the engine runs when it has finished, or cancel it.');
}

/** The model cannot change while a match runs either. */
export function modelBusy(): ServiceError {
  return new ServiceError('busy', 'A match is running. Change the model when it has finished, or cancel it.');
}

/** The one cancellation error: what a cancelled call rejects with, on every side of the worker's port. */
export function cancelled(): ServiceError {
  return new ServiceError(CANCELLED, 'Matching was cancelled.');
}

/** True for a cancelled call: the service's cancellation error, or an AbortError from a signal aborted without a reason. */
export function isCancellation(error: unknown): boolean {
  return error instanceof Error && (error.name === 'AbortError' || (error as { code?: unknown }).code === CANCELLED);
}
