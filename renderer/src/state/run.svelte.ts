/** The match run: start, progress, cancel, and its outcome. */
import { DEFAULT_SENIORITY, type SeniorityMode } from '../../../electron/contract/seniority.js';
import type { MatchProgress } from '../../../electron/contract/types.js';
import { api, isCancelled, messageOf } from '../lib/api.js';
import { matchDecisions } from './decisions.svelte.js';
import { inputs, matchInput } from './inputs.svelte.js';
import { showResult } from './results.svelte.js';
import { ui } from './ui.svelte.js';

/** The state of the current or last run. */
export const run = $state<{
  status: 'idle' | 'running' | 'cancelling';
  progress: MatchProgress | null;
  error: string | null;
  /** How many results to keep per title for the next run. */
  topK: number;
  /** What the next run does with seniority. */
  seniority: SeniorityMode;
}>({ status: 'idle', progress: null, error: null, topK: 10, seniority: DEFAULT_SENIORITY });

/** Why the Match button cannot run now, or null when it can. */
export function notReadyReason(engineState: 'loading' | 'ready' | 'failed'): string | null {
  if (engineState === 'failed') return 'The matching engine could not start (see the status bar).';
  if (!matchInput('candidates')) return inputs.candidates.summary ? 'Choose the candidates’ title column.' : 'Open a candidates file first.';
  if (!matchInput('targets')) return inputs.targets.summary ? 'Choose the title column to match against.' : 'Open a file to match against.';
  return null;
}

/** Starts a match of the two inputs; progress arrives while it runs. */
export async function startMatch(): Promise<void> {
  const candidates = matchInput('candidates');
  const targets = matchInput('targets');
  if (!candidates || !targets || run.status !== 'idle') return;
  run.status = 'running';
  run.progress = null;
  run.error = null;
  const stop = api.onMatchProgress((p) => {
    run.progress = p;
  });
  try {
    const result = await api.match({ candidates, targets, topK: run.topK, seniority: run.seniority, ...matchDecisions() });
    showResult(result);
    ui.screen = 'results';
    ui.notice = null;
  } catch (error) {
    if (isCancelled(error)) ui.notice = 'Matching cancelled.';
    else run.error = messageOf(error);
  } finally {
    stop();
    run.status = 'idle';
    run.progress = null;
  }
}

/** Asks the running match to stop; it ends with a 'cancelled' answer. */
export async function cancelMatch(): Promise<void> {
  if (run.status !== 'running') return;
  run.status = 'cancelling';
  try {
    await api.cancelMatch();
  } catch (error) {
    run.error = messageOf(error);
  }
}
