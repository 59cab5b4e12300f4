/** `match --seniority ignore|prefer|require`: what a run does with the levels its titles state. */
import { DEFAULT_SENIORITY, SENIORITY_CAP, SENIORITY_MODES, SENIORITY_STEP, type SeniorityMode } from '../contract/seniority.js';
import { UsageError } from './errors.js';

/** Usage lines of --seniority. */
export const SENIORITY_USAGE = `  --seniority MODE       ${SENIORITY_MODES.join(', ')} (default ${DEFAULT_SENIORITY}): prefer takes ${SENIORITY_STEP.toFixed(2)} off a
                         match's score per level between the two titles (at most ${SENIORITY_CAP.toFixed(2)}) and ranks by
                         that score; require keeps only matches within one level; ignore ranks by the model alone`;

/** The --seniority value, checked. */
export function parseSeniority(text: string | undefined): SeniorityMode {
  if (text === undefined) return DEFAULT_SENIORITY;
  const mode = SENIORITY_MODES.find((m) => m === text.trim().toLowerCase());
  if (mode === undefined) throw new UsageError(`--seniority must be ${SENIORITY_MODES.slice(0, -1).join(', ')} or ${SENIORITY_MODES.at(-1)}; got "${text}".`);
  return mode;
}
