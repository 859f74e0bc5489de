import type { Queryable } from '@rectify/event-store';
import type { LedgerHead } from '../chain/checkpoints';
import type { IssueCollector } from './verification.types';

interface Row {
  position: string;
  e_id: string | null;
  e_stream: string | null;
  e_version: number | null;
  e_hash: string | null;
  e_xid: string | null;
  l_id: string | null;
  l_stream: string | null;
  l_version: number | null;
  l_hash: string | null;
  l_xid: string | null;
  moved_from: string | null;
}

/**
 * Compares the events table with the witness ledger position by position, up to the ledger
 * head (the log position of the last witnessed event). Returns only the disagreements:
 * a witnessed position now empty (deleted), an event inside the witnessed log that was never
 * witnessed (inserted), another event at a witnessed position (reordered or replaced),
 * a different hash (changed) or a different log order (transaction id). `db` must be one
 * connection.
 */
export async function verifyAgainstWitness(db: Queryable, head: LedgerHead | null, issues: IssueCollector): Promise<void> {
  if (!head) return;
  const rows = await withoutHashJoin(db, () => db.query<Row>(
    `SELECT coalesce(e.global_position, l.global_position)::text AS position,
            e.event_id::text AS e_id, e.stream_id AS e_stream, e.version AS e_version,
            encode(e.hash, 'hex') AS e_hash, e.transaction_id::text AS e_xid,
            l.event_id::text AS l_id, l.stream_id AS l_stream, l.version AS l_version,
            encode(l.event_hash, 'hex') AS l_hash, l.transaction_id::text AS l_xid,
            (SELECT m.global_position::text FROM audit_chain m WHERE m.event_id = e.event_id AND m.global_position <> e.global_position LIMIT 1) AS moved_from
       FROM events e
       FULL JOIN audit_chain l ON l.global_position = e.global_position
      WHERE (l.seq IS NULL AND (e.transaction_id, e.global_position) <= ($1::text::xid8, $2::bigint))
         OR e.global_position IS NULL
         OR e.event_id <> l.event_id OR e.hash <> l.event_hash OR e.transaction_id <> l.transaction_id
      ORDER BY coalesce(e.global_position, l.global_position)
      LIMIT 1000`,
    [head.transactionId.toString(), head.globalPosition.toString()],
  ).then((r) => r.rows));
  for (const row of rows) classify(row, issues);
}

/**
 * Runs the comparison as a merge join of the two primary-key walks (both in position order):
 * no hash table of a million rows spilled to disk, about half the CPU of the hash join the
 * planner picks by default. `db` must be one connection (the setting is transaction-local).
 */
async function withoutHashJoin<T>(db: Queryable, work: () => Promise<T>): Promise<T> {
  await db.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
  try {
    await db.query('SET LOCAL enable_hashjoin = off');
    return await work();
  } finally {
    await db.query('COMMIT');
  }
}

function classify(row: Row, issues: IssueCollector): void {
  const position = row.position;
  const witnessed = row.l_id ? `event ${row.l_id} (${row.l_stream} v${row.l_version})` : '';
  const present = row.e_id ? { streamId: row.e_stream ?? undefined, version: row.e_version ?? undefined, eventId: row.e_id } : {};
  if (row.e_id === null) {
    issues.add({ kind: 'event-missing', position, streamId: row.l_stream ?? undefined, version: row.l_version ?? undefined,
      eventId: row.l_id ?? undefined, detail: `${witnessed}, witnessed at this position, is gone (deleted)` });
  } else if (row.l_id === null) {
    issues.add({ kind: row.moved_from ? 'event-reordered' : 'event-inserted', position, ...present,
      detail: row.moved_from
        ? `this event was witnessed at position ${row.moved_from}; it now sits at a position never witnessed`
        : 'this event lies inside the witnessed log but was never witnessed (inserted)' });
  } else if (row.e_id !== row.l_id) {
    issues.add({ kind: row.moved_from ? 'event-reordered' : 'event-inserted', position, ...present,
      detail: row.moved_from
        ? `this position held ${witnessed} when witnessed; it now holds event ${row.e_id}, witnessed at position ${row.moved_from}`
        : `this position held ${witnessed} when witnessed; it now holds event ${row.e_id}, never witnessed` });
  } else if (row.e_hash !== row.l_hash) {
    issues.add({ kind: 'content-changed', position, ...present, detail: `hash ${row.e_hash} ≠ witnessed hash ${row.l_hash}` });
  } else {
    issues.add({ kind: 'event-reordered', position, ...present,
      detail: `log order changed: transaction id ${row.e_xid}, witnessed as ${row.l_xid}` });
  }
}
