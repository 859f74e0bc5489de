import { loadavg } from 'node:os';

const started = Date.now();

/** Progress on stderr with elapsed seconds and the 1-minute load average (the machine is shared). */
export function progress(message: string): void {
  const seconds = ((Date.now() - started) / 1000).toFixed(1).padStart(6);
  process.stderr.write(`[bench ${seconds}s load ${loadavg()[0].toFixed(2)}] ${message}\n`);
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
