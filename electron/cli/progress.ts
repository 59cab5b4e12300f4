/**
 * Progress on stderr, only for runs that last: nothing is printed during the first second, so a
 * quick run stays silent; after that, a line per phase and at most one update per interval.
 */

/** Where progress goes; process.stderr in the CLI. */
export interface ProgressSink {
  write(text: string): unknown;
  isTTY?: boolean;
}

export class ProgressReporter {
  private readonly start: number;
  private lastPrint = -Infinity;
  private lastLabel = '';
  private printed = false;
  private pendingLine = false;

  constructor(
    private readonly sink: ProgressSink,
    private readonly now: () => number = () => performance.now(),
    private readonly delayMs = 1000,
    private readonly intervalMs = 1000,
  ) {
    this.start = now();
  }

  /** Reports `done` of `total` for a phase ("encoding titles"). */
  update(label: string, done: number, total: number): void {
    const t = this.now();
    if (t - this.start < this.delayMs) return;
    const newPhase = label !== this.lastLabel;
    if (!newPhase && done < total && t - this.lastPrint < this.intervalMs) return;
    const pct = total > 0 ? Math.floor((100 * done) / total) : 100;
    const text = `titlematch: ${label} ${done.toLocaleString('en-US')}/${total.toLocaleString('en-US')} (${pct}%)`;
    if (this.sink.isTTY) {
      this.sink.write(`\r\x1b[2K${text}`);
      this.pendingLine = true;
    } else {
      this.sink.write(`${text}\n`);
    }
    this.lastLabel = label;
    this.lastPrint = t;
    this.printed = true;
  }

  /** Ends the report with the elapsed time, if anything was printed. */
  finish(what = 'done'): void {
    if (!this.printed) return;
    if (this.pendingLine) this.sink.write('\n');
    this.sink.write(`titlematch: ${what} in ${((this.now() - this.start) / 1000).toFixed(1)} s\n`);
    this.printed = false;
    this.pendingLine = false;
  }
}
