import { InterruptibleSleep } from './interruptible-sleep';

describe('InterruptibleSleep', () => {
  it('ends a wakeable sleep on wake(), a backoff sleep only on stop()', async () => {
    const sleeper = new InterruptibleSleep();
    const started = Date.now();
    const wakeable = sleeper.sleep(10_000, true);
    sleeper.wake();
    await wakeable;
    const backoff = sleeper.sleep(10_000, false);
    sleeper.wake();
    let ended = false;
    void backoff.then(() => (ended = true));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(ended).toBe(false);
    sleeper.stop();
    await backoff;
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it('remembers a wake-up that came while awake', async () => {
    const sleeper = new InterruptibleSleep();
    sleeper.wake();
    const started = Date.now();
    await sleeper.sleep(10_000, true);
    expect(Date.now() - started).toBeLessThan(1_000);
  });
});
