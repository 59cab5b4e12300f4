/** Time-left estimates for a run made of phases of different cost per unit. */

/** Estimates seconds left from the rate seen so far; null until the run has gone on long enough. */
export class Eta {
  private start: number | undefined;

  constructor(
    /** Units of work in the whole run. */
    private readonly total: number,
    private readonly now: () => number = () => performance.now(),
    /** No estimate before this many milliseconds: early rates swing too much to be useful. */
    private readonly warmupMs = 1_000,
  ) {}

  /** Seconds left after `done` units, or null when there is not enough to go on yet. */
  secondsLeft(done: number): number | null {
    const t = this.now();
    this.start ??= t;
    const elapsed = t - this.start;
    if (done <= 0 || elapsed < this.warmupMs || this.total <= 0) return null;
    const left = Math.max(0, this.total - done);
    return Math.ceil(((elapsed / done) * left) / 1000);
  }
}
