/** How every call across the bridge answers: a value, or an error carried as data. */

/** A failure a person can read: `code` for the program, `message` for the person. */
export interface ApiError {
  /**
   * Machine-readable reason. Bridge-level codes: 'forbidden' (unknown sender), 'bad-request'
   * (arguments failed validation), 'cancelled', 'busy', 'internal'. Input problems carry the
   * spreadsheet reader's own codes ('not-found', 'empty', 'no-column', 'corrupt', 'too-large', ...).
   */
  code: string;
  message: string;
}

/** The code of a call the person cancelled: the one way every layer (service, bridge, window) recognises a cancellation. */
export const CANCELLED = 'cancelled';

/** The answer to one call: `{ ok: true, value }` or `{ ok: false, error }`. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };
