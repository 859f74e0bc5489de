/** Samples this process's resident set size (the engine runs in it; autocannon does not) and keeps the peak. */
export class RssSampler {
  private timer: NodeJS.Timeout | null = null;
  peakBytes = 0;

  start(intervalMs = 200): void {
    this.sample();
    this.timer = setInterval(() => this.sample(), intervalMs);
    this.timer.unref();
  }

  stop(): number {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.sample();
    return this.peakBytes;
  }

  private sample(): void {
    this.peakBytes = Math.max(this.peakBytes, process.memoryUsage().rss);
  }
}
