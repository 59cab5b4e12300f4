/** How a score reads at a glance, the same in the app and in the reports: the bar's colour band. */
export type ScoreBand = 'high' | 'mid' | 'low';

/** 0.75 and up is high, 0.50 and up mid, the rest low. */
export function scoreBand(score: number): ScoreBand {
  return score >= 0.75 ? 'high' : score >= 0.5 ? 'mid' : 'low';
}
