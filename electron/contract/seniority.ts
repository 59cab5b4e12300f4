/**
 * Seniority as its own dimension of a match, the same in the app, the CLI and the reports: the
 * nine levels a title can state (core/text/seniority.ts decides which), the modes a run can apply
 * to its rankings, and how much a level of difference costs a match in `prefer`.
 */

/** The levels, lowest first. */
export const SENIORITY_LEVELS = ['intern', 'entry', 'mid', 'senior', 'lead', 'manager', 'director', 'vp', 'c-level'] as const;

/** A seniority level. */
export type SeniorityLevel = (typeof SENIORITY_LEVELS)[number];

/**
 * What a run does with seniority: `ignore` ranks by the model's score alone, `prefer` takes
 * SENIORITY_STEP off a match's score per level between the two titles (at most SENIORITY_CAP),
 * `require` keeps only matches within one level of their query.
 */
export type SeniorityMode = 'ignore' | 'prefer' | 'require';

/** Every mode, in the order the app and `--help` offer them. */
export const SENIORITY_MODES = ['ignore', 'prefer', 'require'] as const satisfies readonly SeniorityMode[];

/** The mode a run uses when none is chosen. */
export const DEFAULT_SENIORITY: SeniorityMode = 'prefer';

/**
 * Score taken off per level of difference in `prefer`. Small beside what separates occupations:
 * a title and a different job in the same field ("Graphic Designer", "Web Developer") are 0.2-0.4
 * apart in cosine score, while spellings of one job are within a few hundredths (see README).
 */
export const SENIORITY_STEP = 0.03;

/** The most `prefer` takes off (three levels or more: an intern against a lead or above). */
export const SENIORITY_CAP = 0.09;

/** Levels between two titles (0 for the same level). */
export function levelDistance(a: SeniorityLevel, b: SeniorityLevel): number {
  return Math.abs(SENIORITY_LEVELS.indexOf(a) - SENIORITY_LEVELS.indexOf(b));
}

/** What `prefer` takes off a match whose title is `distance` levels from its query's. */
export function seniorityPenalty(distance: number): number {
  return Math.min(SENIORITY_CAP, SENIORITY_STEP * distance);
}

/** Whether `require` keeps a match whose title is `distance` levels from its query's. */
export function withinRequired(distance: number): boolean {
  return distance <= 1;
}

/** A mode in words, for the Summary, the printable report and the app: "prefer (0.03 off per level...)". */
export function seniorityModeLine(mode: SeniorityMode): string {
  if (mode === 'ignore') return 'ignore (scores are the model’s alone)';
  if (mode === 'require') return 'require (only matches within one level of their query are kept)';
  return `prefer (${SENIORITY_STEP.toFixed(2)} off the score per level of difference, at most ${SENIORITY_CAP.toFixed(2)})`;
}
