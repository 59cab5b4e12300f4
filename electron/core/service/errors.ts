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

/** Where the engine runs cannot change while a match runs (the service and main both refuse). */
export function providerBusy(): ServiceError {
  return new ServiceError('busy', 'A match is running. Change where the engine runs when it has finished, or cancel it.');
}

/** The model cannot change while a match runs either. */
export function modelBusy(): ServiceError {
  return new ServiceError('busy', 'A match is running. Change the model when it has finished, or cancel it.');
}
