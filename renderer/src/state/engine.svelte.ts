/** The engine's status for the status bar and the Match button. */
import type { EngineStatus, ModelChoice, ProviderChoice } from '../../../electron/contract/types.js';
import { api, messageOf } from '../lib/api.js';
import { ui } from './ui.svelte.js';

const LOADING: EngineStatus = { state: 'loading', model: null, modelFolder: null, modelNotice: null, provider: null, skipped: [], message: null, choice: 'auto', available: [] };

/** The latest engine status, and why the last model folder chosen could not be used. */
export const engine = $state<{ status: EngineStatus; modelError: string | null; choosingModel: boolean }>({ status: LOADING, modelError: null, choosingModel: false });

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

/** Runs the model in `folder` (null: the bundled one); a folder that cannot be used keeps the model in use and says why. */
export async function chooseModel(folder: string | null): Promise<void> {
  const before = engine.status;
  engine.modelError = null;
  engine.status = { ...before, state: 'loading', modelFolder: folder, modelNotice: null };
  try {
    engine.status = await api.setModel(folder);
  } catch (error) {
    engine.status = before;
    engine.modelError = messageOf(error);
  }
}

/** Sets which bundled model reads the titles ('auto': by their language); a folder's model, if one runs, gives way to it. */
export async function chooseModelChoice(choice: ModelChoice): Promise<void> {
  const before = engine.status;
  engine.modelError = null;
  engine.status = { ...before, state: 'loading', modelChoice: choice };
  try {
    engine.status = await api.setModelChoice(choice);
    if (engine.status.modelFolder !== null) await chooseModel(null);
  } catch (error) {
    engine.status = before;
    engine.modelError = messageOf(error);
  }
}

/** Asks for a model folder in the system's dialog, then runs its model; nothing changes when the person cancels. */
export async function pickModel(): Promise<void> {
  engine.choosingModel = true;
  try {
    const folder = await api.pickModelFolder();
    if (folder !== null) await chooseModel(folder);
  } catch (error) {
    engine.modelError = messageOf(error);
  } finally {
    engine.choosingModel = false;
  }
}
