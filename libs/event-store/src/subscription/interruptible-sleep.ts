/** A sleep that stop() (always) and wake() (only when the sleep is wakeable) end early. */
export class InterruptibleSleep {
  private pending: { resolve: () => void; timer: NodeJS.Timeout; wakeable: boolean } | null = null;
  /** A wake() that came while awake: the next wakeable sleep returns at once. */
  private wokenEarly = false;

  sleep(ms: number, wakeable: boolean): Promise<void> {
    if (wakeable && this.wokenEarly) {
      this.wokenEarly = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const timer = setTimeout(() => this.finish(), ms);
      this.pending = { resolve, timer, wakeable };
    });
  }

  wake(): void {
    if (!this.pending) this.wokenEarly = true;
    else if (this.pending.wakeable) this.finish();
  }

  stop(): void {
    this.finish();
  }

  private finish(): void {
    const pending = this.pending;
    this.pending = null;
    if (!pending) return;
    clearTimeout(pending.timer);
    pending.resolve();
  }
}
