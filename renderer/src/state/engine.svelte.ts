/** The engine's status for the status bar and the Match button. */
import type { EngineStatus, ProviderChoice } from '../../../electron/contract/types.js';
import { api, messageOf } from '../lib/api.js';
import { ui } from './ui.svelte.js';

const LOADING: EngineStatus = { state: 'loading', model: null, modelFolder: null, modelNotice: null, provider: null, skipped: [], message: null, choice: 'auto', available: [] };

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

/** Sets where the engine runs; the status follows (loading, then ready on the new provider). */
export async function chooseProvider(choice: ProviderChoice): Promise<void> {
  const before = engine.status;
  engine.status = { ...before, state: 'loading', choice };
  try {
    engine.status = await api.setProvider(choice);
  } catch (error) {
    engine.status = before;
    ui.notice = `Could not change where the engine runs: ${messageOf(error)}`;
  }
}
