import type { Pool, PoolClient } from 'pg';
import type { Clock } from '../clock/clock';
import { crashPoint } from '../crash-points/crash-points';
import type { ProcessEventLog } from './process-event-log';
import type { AnyProcessManager } from './process-manager';
import { fireTimer } from './process-step';
import { claimDueTimers, postponeFailedTimer, type TimerRow } from './timer-table';

export interface TimerPollerOptions {
  pool: Pool;
  clock: Clock;
  processManagers: readonly AnyProcessManager[];
  /** Timers claimed per transaction. Default 100. */
  batchSize?: number;
  /** First retry delay of a failing timer (doubles per attempt, capped). Default 1 s / 5 min. */
  initialBackoffMs?: number;
  maxBackoffMs?: number;
  onError?: (error: unknown, timer: TimerRow) => void;
  /** Where process streams live (default: the `events` table in the round's transaction). */
  log?: ProcessEventLog;
}

export interface FireRound {
  claimed: number;
  fired: number;
  /** Left for the next round: their process was busy in another transaction. */
  busy: number;
  stale: number;
  failed: number;
}

/**
 * Claims due timers (FOR UPDATE SKIP LOCKED: any number of pollers and engines) and fires
 * them, one savepoint each, all in one transaction: a crash before COMMIT leaves every timer
 * of the round unfired and unchanged, so it fires exactly once later. A timer whose process
 * throws is postponed with backoff (attempts and error kept on the row); the others go on.
 */
export class TimerPoller {
  private readonly byName: Map<string, AnyProcessManager>;

  constructor(private readonly options: TimerPollerOptions) {
    this.byName = new Map(options.processManagers.map((pm) => [pm.name, pm]));
  }

  async fireRound(): Promise<FireRound> {
    const round: FireRound = { claimed: 0, fired: 0, busy: 0, stale: 0, failed: 0 };
    const client = await this.options.pool.connect();
    let broken: Error | undefined;
    try {
      await client.query('BEGIN');
      const now = this.options.clock.now();
      const rows = await claimDueTimers(client, now, this.options.batchSize ?? 100, [...this.byName.keys()]);
      round.claimed = rows.length;
      for (const row of rows) await this.fireOne(client, row, now, round);
      await client.query('COMMIT');
      return round;
    } catch (error) {
      await client.query('ROLLBACK').catch((e: Error) => (broken = e));
      throw error;
    } finally {
      client.release(broken);
    }
  }

  private async fireOne(tx: PoolClient, row: TimerRow, now: Date, round: FireRound): Promise<void> {
    await tx.query('SAVEPOINT timer');
    try {
      const pm = this.byName.get(row.process);
      if (!pm) throw new Error(`No process manager named ${row.process}`);
      const { outcome, fired } = await fireTimer(tx, pm, row, { now, log: this.options.log });
      await tx.query('RELEASE SAVEPOINT timer');
      if (outcome === 'busy') round.busy++;
      else if (outcome === 'stale') round.stale++;
      round.fired += fired;
      if (fired > 0) crashPoint('timer-fired', fired);
    } catch (error) {
      await tx.query('ROLLBACK TO SAVEPOINT timer');
      await postponeFailedTimer(tx, row.timerId, error, new Date(now.getTime() + this.backoffMs(row.attempts + 1)));
      await tx.query('RELEASE SAVEPOINT timer');
      round.failed++;
      this.options.onError?.(error, row);
    }
  }

  private backoffMs(attempt: number): number {
    const initial = this.options.initialBackoffMs ?? 1000;
    return Math.min(this.options.maxBackoffMs ?? 300_000, initial * 2 ** Math.min(attempt - 1, 20));
  }
}
