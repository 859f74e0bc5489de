import type { Pool, PoolClient } from 'pg';
import { LOG_START, type LogPosition } from '../event-store.port';
import { EVENTS_NOTIFY_CHANNEL } from '../postgres/event-store.schema';

/** What one scan of the log found past the last scan. */
export interface LogNews {
  /** Types of the events that became readable (gap-free) since the last scan; null = unknown, wake everyone. */
  types: ReadonlySet<string> | null;
}

/** Rescan delay while committed events wait behind an older, still running transaction. */
const HELD_BACK_RESCAN_MS = 25;
/**
 * Scans (and so wake-ups) start at most this often: under load, commits arriving within it
 * are announced together, so each subscriber handles one batch for them instead of one each.
 * It bounds the wake-up's share of projection lag.
 */
const MIN_SCAN_INTERVAL_MS = 50;

/**
 * The newly readable events' types past `seen`, the newest of them, and whether committed
 * events still wait behind the horizon — one statement, so one snapshot: the same
 * `transaction_id < pg_snapshot_xmin(...)` horizon as readAll, so everything counted here is
 * what a subscription can read, and nothing can appear behind `seen` later.
 */
const SCAN_SQL = `
  WITH fresh AS (
    SELECT type, transaction_id, global_position FROM events
     WHERE transaction_id < pg_snapshot_xmin(pg_current_snapshot())
       AND (transaction_id, global_position) > ($1::text::xid8, $2::bigint)
  )
  SELECT (SELECT array_agg(DISTINCT type) FROM fresh) AS types,
         (SELECT transaction_id::text FROM fresh ORDER BY transaction_id DESC, global_position DESC LIMIT 1) AS commit,
         (SELECT global_position::text FROM fresh ORDER BY transaction_id DESC, global_position DESC LIMIT 1) AS prepare,
         EXISTS (SELECT 1 FROM events WHERE transaction_id >= pg_snapshot_xmin(pg_current_snapshot())) AS held`;

const HEAD_SQL = `
  SELECT transaction_id::text AS commit, global_position::text AS prepare FROM events
   WHERE transaction_id < pg_snapshot_xmin(pg_current_snapshot())
   ORDER BY events.transaction_id DESC, events.global_position DESC LIMIT 1`;

/**
 * One LISTEN connection per pool (so per process), shared by every PgNotificationWakeUp on
 * that pool. A NOTIFY does not wake anyone by itself: it triggers a scan of what became
 * readable since the last scan, and only subscribers interested in one of those types are
 * woken. Notifications that arrive during a scan are coalesced into one more scan; while
 * committed events are held back behind the horizon, the watcher (not every subscription)
 * rescans every 25 ms. Scans start at most every 50 ms, so a burst of commits wakes each
 * subscriber once. Any doubt (a failed scan, a reconnect) wakes everyone: a spurious wake
 * costs one empty batch, a missed one only waits for the subscriber's poll.
 */
export class LogWatcher {
  private static readonly byPool = new WeakMap<Pool, LogWatcher>();

  /** The watcher of `pool` (created on first use). */
  static of(pool: Pool): LogWatcher {
    let watcher = LogWatcher.byPool.get(pool);
    if (!watcher) {
      watcher = new LogWatcher(pool);
      LogWatcher.byPool.set(pool, watcher);
    }
    return watcher;
  }

  private readonly sinks = new Set<(news: LogNews) => void>();
  private client: PoolClient | null = null;
  private starting: Promise<void> | null = null;
  private reconnectTimer: NodeJS.Timeout | null = null;
  private scanTimer: NodeJS.Timeout | null = null;
  private lastScanAt = 0;
  private reconnectDelayMs = 1000;
  /** Last position announced; null until known (then every notification wakes everyone). */
  private seen: LogPosition | null = null;
  private scanning = false;
  private dirty = false;

  private constructor(private readonly pool: Pool) {}

  /** Attaches a sink; the first one opens the LISTEN connection. Resolves once listening. */
  async attach(sink: (news: LogNews) => void, reconnectDelayMs: number): Promise<void> {
    this.sinks.add(sink);
    this.reconnectDelayMs = reconnectDelayMs;
    if (this.client) return;
    this.starting ??= this.connect().finally(() => { this.starting = null; });
    await this.starting;
  }

  /** Detaches a sink; the last one closes the LISTEN connection. */
  async detach(sink: (news: LogNews) => void): Promise<void> {
    this.sinks.delete(sink);
    if (this.sinks.size > 0) return;
    if (this.starting) await this.starting.catch(() => undefined);
    if (this.sinks.size > 0) return;
    this.clearTimers();
    const client = this.client;
    this.client = null;
    this.seen = null;
    if (!client) return;
    await client.query(`UNLISTEN ${EVENTS_NOTIFY_CHANNEL}`).catch(() => undefined);
    client.release(true); // never hand a LISTENing connection back to the pool
  }

  private async connect(): Promise<void> {
    const client = await this.pool.connect();
    try {
      client.on('notification', () => this.requestScan());
      client.on('error', () => this.dropAndReconnect(client));
      await client.query(`LISTEN ${EVENTS_NOTIFY_CHANNEL}`);
      this.seen = await this.head(client);
    } catch (error) {
      client.release(true);
      throw error;
    }
    this.client = client;
    this.announce({ types: null }); // catch up on anything missed while disconnected
  }

  private async head(client: PoolClient): Promise<LogPosition | null> {
    try {
      const { rows } = await client.query<{ commit: string; prepare: string }>(HEAD_SQL);
      return rows[0] ? { commit: BigInt(rows[0].commit), prepare: BigInt(rows[0].prepare) } : LOG_START;
    } catch {
      return null; // e.g. no events table yet: every notification wakes everyone until a scan succeeds
    }
  }

  /** A notification: scan now, or as soon as the last scan is MIN_SCAN_INTERVAL_MS old. */
  private requestScan(): void {
    if (this.scanning) this.dirty = true;
    else this.schedule(0);
  }

  private schedule(delayMs: number): void {
    if (this.scanTimer || !this.client) return;
    const wait = Math.max(delayMs, this.lastScanAt + MIN_SCAN_INTERVAL_MS - Date.now());
    if (wait <= 0) {
      void this.scan();
      return;
    }
    this.scanTimer = setTimeout(() => {
      this.scanTimer = null;
      if (!this.scanning) void this.scan();
    }, wait);
  }

  private async scan(): Promise<void> {
    this.scanning = true;
    this.dirty = false;
    this.lastScanAt = Date.now();
    let held = false;
    try {
      held = await this.scanOnce();
    } finally {
      this.scanning = false;
    }
    if (this.sinks.size === 0) return;
    if (this.dirty) this.schedule(0);
    else if (held) this.schedule(HELD_BACK_RESCAN_MS);
  }

  /** One scan; returns whether committed events are still held back. */
  private async scanOnce(): Promise<boolean> {
    const client = this.client;
    if (!client) return false;
    if (!this.seen) {
      this.seen = await this.head(client);
      this.announce({ types: null });
      return false;
    }
    try {
      const { rows: [row] } = await client.query<{ types: string[] | null; commit: string | null; prepare: string | null; held: boolean }>(
        SCAN_SQL, [this.seen.commit.toString(), this.seen.prepare.toString()],
      );
      if (row.commit !== null && row.prepare !== null) {
        this.seen = { commit: BigInt(row.commit), prepare: BigInt(row.prepare) };
        this.announce({ types: new Set(row.types ?? []) });
      }
      return row.held;
    } catch {
      this.announce({ types: null });
      return false;
    }
  }

  private announce(news: LogNews): void {
    this.sinks.forEach((sink) => sink(news));
  }

  private dropAndReconnect(broken: PoolClient): void {
    if (this.client !== broken) return; // already dropped
    this.client = null;
    broken.release(true);
    this.scheduleReconnect();
  }

  private scheduleReconnect(): void {
    if (this.sinks.size === 0 || this.reconnectTimer) return;
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = null;
      if (this.sinks.size > 0 && !this.client) this.connect().catch(() => this.scheduleReconnect());
    }, this.reconnectDelayMs);
  }

  private clearTimers(): void {
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    if (this.scanTimer) clearTimeout(this.scanTimer);
    this.reconnectTimer = null;
    this.scanTimer = null;
  }
}
