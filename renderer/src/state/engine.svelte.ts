/** The engine's status for the status bar and the Match button. */
import type { EngineStatus } from '../../../electron/contract/types.js';
import { api, messageOf } from '../lib/api.js';

const LOADING: EngineStatus = { state: 'loading', model: null, provider: null, skipped: [], message: null };

/** The latest engine status. */
export const engine = $state<{ status: EngineStatus }>({ status: LOADING });

/** Listens for status changes and asks for the current one; returns the unsubscribe. */
export function watchEngine(): () => void {
  const stop = api.onEngineStatus((status) => {
    engine.status = status;
  });
  api.engineStatus().then(
    (status) => {
      engine.status = status;
    },
    (error: unknown) => {
      engine.status = { ...LOADING, state: 'failed', message: messageOf(error) };
    },
  );
  return stop;
}
