import type { ClientBase, PoolClient } from 'pg';
import { appendManyInTransaction, readStreamWith, type EventStore, type NewEvent } from '@rectify/event-store';

/** What a process step needs of its stream's history. */
export interface HistoryEvent {
  version: number;
  type: string;
  data: unknown;
  causationId: string | null;
}

export interface ProcessAppend {
  streamId: string;
  events: NewEvent[];
  /** The stream's version when its history was read (under the instance's advisory lock). */
  expectedVersion: number;
}

/**
 * Where process managers read and write their own streams (`<name>-<id>`). Chosen ONCE when
 * the runtime is built:
 *
 * - `postgresProcessEventLog` (default): the `events` table inside the step's transaction —
 *   histories by SQL, one multi-stream append — so events, timers and checkpoint commit together.
 * - `portProcessEventLog(store)` (KurrentDB mode, LOG_FOLLOWING set): through the EventStore
 *   port. The append happens BEFORE the PostgreSQL transaction (timers, checkpoint) commits and
 *   cannot roll back with it. Event ids are deterministic and each append checks the stream's
 *   expected version, so a crash between the two replays the input: the replay reads the
 *   events back through the port, finds them (causation = input) and decides nothing new, and
 *   then makes the timer rows match the state (`recoversAfterCrash`). No duplicate, none lost.
 *
 * The advisory lock per process stream stays in PostgreSQL in both modes (mutual exclusion
 * of subscription and timer pollers on one instance).
 */
export interface ProcessEventLog {
  readonly kind: 'postgres' | 'port';
  /** True when appended events may outlive a rolled-back step (the port): replays resync timers. */
  readonly recoversAfterCrash: boolean;
  /** Histories of these streams, each in version order (absent streams: no entry). */
  readHistories(tx: ClientBase, streamIds: readonly string[]): Promise<Map<string, HistoryEvent[]>>;
  readHistory(tx: PoolClient, streamId: string): Promise<HistoryEvent[]>;
  /** One append per stream, each at its expected version (ConcurrencyError otherwise). */
  appendMany(tx: PoolClient, appends: readonly ProcessAppend[], now: Date): Promise<void>;
}

/** Today's behaviour: the `events` table, in the step's own transaction. */
export const postgresProcessEventLog: ProcessEventLog = {
  kind: 'postgres',
  recoversAfterCrash: false,
  async readHistories(tx, streamIds) {
    const { rows } = await tx.query<{ stream_id: string; version: number; type: string; data: unknown; causation_id: string | null }>(
      `SELECT stream_id, version, type, data, metadata->>'causationId' AS causation_id
         FROM events WHERE stream_id = ANY($1::text[]) ORDER BY stream_id, version`,
      [streamIds],
    );
    const byStream = new Map<string, HistoryEvent[]>();
    for (const r of rows) {
      const list = byStream.get(r.stream_id) ?? [];
      list.push({ version: r.version, type: r.type, data: r.data, causationId: r.causation_id });
      byStream.set(r.stream_id, list);
    }
    return byStream;
  },
  async readHistory(tx, streamId) {
    return (await readStreamWith(tx, streamId)).map(toHistory);
  },
  async appendMany(tx, appends, now) {
    await appendManyInTransaction(
      tx,
      appends.map((a) => ({ streamId: a.streamId, events: a.events, options: { expectedVersion: a.expectedVersion } })),
      new Date(Math.trunc(now.getTime())),
    );
  },
};

/** Through the EventStore port (KurrentDB mode): reads and appends never touch the `events` table. */
export function portProcessEventLog(store: EventStore): ProcessEventLog {
  const readHistory = async (streamId: string) => (await store.readStream(streamId)).map(toHistory);
  return {
    kind: 'port',
    recoversAfterCrash: true,
    async readHistories(_tx, streamIds) {
      const histories = await Promise.all(streamIds.map(async (id) => [id, await readHistory(id)] as const));
      return new Map(histories.filter(([, h]) => h.length > 0));
    },
    readHistory: (_tx, streamId) => readHistory(streamId),
    async appendMany(_tx, appends) {
      // One atomic append per stream (the port has no multi-stream transaction); a crash part-way
      // leaves whole streams appended, which a replay finds and skips.
      await Promise.all(appends.map((a) => store.append(a.streamId, a.events, { expectedVersion: a.expectedVersion })));
    },
  };
}

function toHistory(e: { version: number; type: string; data: unknown; metadata: { causationId?: string | null } }): HistoryEvent {
  return { version: e.version, type: e.type, data: e.data, causationId: e.metadata.causationId ?? null };
}
