/**
 * The renderer's one way to the engine: the bridge's methods, with `{ ok: false }` answers turned
 * into thrown ApiFailure (code and message kept). Tests put a stand-in on `window.titlematch`.
 */
import type { Result } from '../../../electron/contract/result.js';
import { INVOKE_METHODS, type InvokeArgs, type InvokeMethod, type InvokeValue, type TitleMatchApi, type Unsubscribe } from '../../../electron/contract/api.js';
import { CANCELLED } from '../../../electron/contract/result.js';
import type { AppCommand, EngineStatus, MatchProgress } from '../../../electron/contract/types.js';

/** A call that failed; `message` is meant for the person using the app. */
export class ApiFailure extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiFailure';
  }
}

function bridge(): TitleMatchApi {
  const b = window.titlematch;
  if (!b) throw new ApiFailure('no-bridge', 'TitleMatch is not connected to its engine. Start it from the TitleMatch app.');
  return b;
}

async function unwrap<T>(answer: Promise<Result<T>>): Promise<T> {
  const r = await answer;
  if (r.ok) return r.value;
  throw new ApiFailure(r.error.code, r.error.message);
}

/** The text to show for a failed call. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** True when a call failed because the person cancelled it. */
export function isCancelled(error: unknown): boolean {
  return error instanceof ApiFailure && error.code === CANCELLED;
}

/** Each invoke method of the contract as the renderer calls it: its value, or a thrown ApiFailure. */
type Unwrapped = { [M in InvokeMethod]: (...args: InvokeArgs<M>) => Promise<InvokeValue<M>> };

/** Made from the contract's list of invoke methods: a method added to the contract needs no line here. */
function unwrapped(): Unwrapped {
  const entries = INVOKE_METHODS.map((method) => [
    method,
    (...args: unknown[]) => unwrap((bridge()[method] as (...a: unknown[]) => Promise<Result<unknown>>)(...args)),
  ]);
  // Typed by the contract: each bridge method answers its method's Result.
  return Object.fromEntries(entries) as Unwrapped;
}

/** Everything the renderer asks of the app. */
export const api = {
  ...unwrapped(),
  /** The local path of a dropped file; '' when the system gives none. */
  pathForFile: (file: File): string => bridge().pathForFile(file),
  onMatchProgress: (listener: (p: MatchProgress) => void): Unsubscribe => bridge().onMatchProgress(listener),
  onEngineStatus: (listener: (s: EngineStatus) => void): Unsubscribe => bridge().onEngineStatus(listener),
  onCommand: (listener: (c: AppCommand) => void): Unsubscribe => bridge().onCommand(listener),
};
