import type { Pool } from 'pg';
import { FINDINGS_TABLE } from '@rectify/read-models';
import { sleep } from '../support/progress';

/**
 * Projection lag: from a record-finding command's 201 (its append has committed) to its row
 * appearing in rm_findings, found by polling every `pollMs` (so lags carry up to pollMs of error).
 */
export class LagProbe {
  private readonly pending = new Map<string, number>();
  readonly lagsMs: number[] = [];
  private running = false;
  private loop: Promise<void> | null = null;

  constructor(private readonly pool: Pool, private readonly pollMs = 5) {}

  /** `atMs`: when the 201 arrived, as wall-clock ms (performance.timeOrigin + performance.now(), any process). */
  responded(findingId: string, atMs = performance.timeOrigin + performance.now()): void {
    this.pending.set(findingId, atMs);
  }

  start(): void {
    this.running = true;
    this.loop = this.run();
  }

  /** Stops after every pending finding has been seen (or `timeoutMs`). Returns the ones never seen. */
  async stop(timeoutMs = 30_000): Promise<number> {
    const deadline = Date.now() + timeoutMs;
    while (this.pending.size > 0 && Date.now() < deadline) await sleep(this.pollMs);
    this.running = false;
    await this.loop;
    return this.pending.size;
  }

  private async run(): Promise<void> {
    while (this.running) {
      if (this.pending.size > 0) {
        const ids = [...this.pending.keys()];
        const { rows } = await this.pool.query<{ id: string }>(`SELECT id FROM ${FINDINGS_TABLE} WHERE id = ANY($1::text[])`, [ids]);
        const now = performance.timeOrigin + performance.now();
        for (const { id } of rows) {
          this.lagsMs.push(now - this.pending.get(id)!);
          this.pending.delete(id);
        }
      }
      await sleep(this.pollMs);
    }
  }
}
