/** Samples a process's resident set size through `read` (e.g. the engine process's /proc VmRSS) and keeps the peak. */
export class RssSampler {
  private timer: NodeJS.Timeout | null = null;
  peakBytes = 0;

  constructor(private readonly read: () => number = () => process.memoryUsage().rss) {}

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
    this.peakBytes = Math.max(this.peakBytes, this.read());
  }
}
