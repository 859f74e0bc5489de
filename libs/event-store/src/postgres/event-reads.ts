import { types as pgTypes, type ClientBase, type CustomTypesConfig, type Pool } from 'pg';
import { LOG_START, type LogPosition, type ReadAllOptions, type ReadStreamOptions, type RecordedEvent } from '../event-store.port';
import { EVENT_COLUMNS, type EventRow, parseIsoTimestamptz, toRecordedEvent } from './event-row.mapper';

/** A pool or a client (possibly inside a transaction): anything that can run a query. */
export type Queryable = Pool | ClientBase;

export async function readStreamWith(
  db: Queryable,
  streamId: string,
  options: ReadStreamOptions = {},
): Promise<RecordedEvent[]> {
  const { rows } = await db.query<EventRow>(
    `SELECT ${EVENT_COLUMNS} FROM events
      WHERE stream_id = $1 AND version >= $2
        AND ($3::int IS NULL OR version <= $3)
        AND ($4::timestamptz IS NULL OR recorded_at <= $4)
      ORDER BY events.version`,
    [streamId, options.fromVersion ?? 1, options.toVersion ?? null, options.asOf ?? null],
  );
  return rows.map(toRecordedEvent);
}

/**
 * Gap-free read of the global log.
 *
 * Why not ORDER BY global_position alone: the identity value is taken when a row is inserted,
 * not when its transaction commits. A slow transaction T1 may take position 10, then T2 takes
 * 11 and commits first. A reader that sees 11 and checkpoints it would never look at 10 again
 * once T1 commits: the event is lost for that subscriber.
 *
 * Instead every row carries its transaction id (xid8) and readers only see rows whose
 * transaction is older than the oldest transaction still running in their snapshot
 * (pg_snapshot_xmin): everything below that horizon has committed or aborted, so no new row
 * can ever appear there. Ordering by (transaction_id, global_position) and resuming strictly
 * after the last delivered pair therefore never skips. The price: one long-running writer
 * holds back delivery of everything newer until it ends.
 */
export async function readAllWith(db: Queryable, options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
  return readAllRows(db, options);
}

const TIMESTAMPTZ_OID = 1184;

/** pg's parsers, except timestamptz: parsed by position (the general parser runs a regex per value). */
const REPLAY_TYPES: CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
    if (oid === TIMESTAMPTZ_OID && format !== 'binary') {
      const fallback = pgTypes.getTypeParser(TIMESTAMPTZ_OID, 'text') as (text: string) => Date;
      return (text: string) => parseIsoTimestamptz(text) ?? fallback(text);
    }
    return pgTypes.getTypeParser(oid, format ?? 'text');
  }) as CustomTypesConfig['getTypeParser'],
};

/**
 * readAllWith for bulk replays (projection rebuilds): the same events, same order and same
 * RecordedEvent values, decoded more cheaply (timestamps parsed by position).
 */
export async function readAllForReplayWith(db: Queryable, options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
  return readAllRows(db, options, REPLAY_TYPES);
}

async function readAllRows(db: Queryable, options: ReadAllOptions, types?: CustomTypesConfig): Promise<RecordedEvent[]> {
  const after = options.after ?? LOG_START;
  const { rows } = await db.query<EventRow>({
    types,
    text: `SELECT ${EVENT_COLUMNS} FROM events
      WHERE transaction_id < pg_snapshot_xmin(pg_current_snapshot())
        AND (transaction_id, global_position) > ($1::text::xid8, $2::bigint)
        AND ($3::text[] IS NULL OR type = ANY($3::text[]))
      ORDER BY events.transaction_id, events.global_position -- qualified: the bare names are text output aliases
      LIMIT $4`,
    values: [after.commit.toString(), after.prepare.toString(), options.types ? [...options.types] : null,
      options.limit ?? null], // LIMIT NULL = no limit
  });
  return rows.map(toRecordedEvent);
}

/** The newest position readAll can deliver now (optionally of these types); LOG_START when none. */
export async function headPositionWith(db: Queryable, types?: readonly string[]): Promise<LogPosition> {
  const { rows } = await db.query<{ commit: string; prepare: string }>(
    `SELECT transaction_id::text AS commit, global_position::text AS prepare FROM events
      WHERE transaction_id < pg_snapshot_xmin(pg_current_snapshot())
        AND ($1::text[] IS NULL OR type = ANY($1::text[]))
      ORDER BY events.transaction_id DESC, events.global_position DESC
      LIMIT 1`,
    [types ? [...types] : null],
  );
  return rows[0] ? { commit: BigInt(rows[0].commit), prepare: BigInt(rows[0].prepare) } : LOG_START;
}

/**
 * The newest committed event this statement can see, horizon or not (optionally of these
 * types): what a reader must reach to have seen everything committed so far.
 */
export async function latestCommittedPositionWith(db: Queryable, types?: readonly string[]): Promise<LogPosition> {
  const { rows } = await db.query<{ commit: string; prepare: string }>(
    `SELECT transaction_id::text AS commit, global_position::text AS prepare FROM events
      WHERE $1::text[] IS NULL OR type = ANY($1::text[])
      ORDER BY events.transaction_id DESC, events.global_position DESC
      LIMIT 1`,
    [types ? [...types] : null],
  );
  return rows[0] ? { commit: BigInt(rows[0].commit), prepare: BigInt(rows[0].prepare) } : LOG_START;
}

/**
 * True when committed events exist that readAll cannot deliver yet because an older
 * transaction (anywhere on the server: the horizon is cluster-wide) is still running.
 */
export async function eventsHeldBackWith(db: Queryable): Promise<boolean> {
  const { rows } = await db.query<{ held: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM events WHERE transaction_id >= pg_snapshot_xmin(pg_current_snapshot())) AS held`,
  );
  return rows[0].held;
}

export async function streamVersionWith(db: Queryable, streamId: string): Promise<number> {
  const { rows } = await db.query<{ version: number }>('SELECT version FROM streams WHERE stream_id = $1', [streamId]);
  return rows[0]?.version ?? 0;
}
