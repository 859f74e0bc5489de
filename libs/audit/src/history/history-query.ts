import type { EventMetadata, Queryable } from '@rectify/event-store';
import type { SubjectRelation, SubjectType } from './event-subjects';

export interface HistoryFilter {
  /** occurredAt >= from */
  from?: Date;
  /** occurredAt < to */
  to?: Date;
  /** Stream category: finding, inspection, official, unit, case… (the stream id's prefix). */
  kind?: string;
}

/** A page of a history: at most `limit` entries after the position `after` (exclusive). */
export interface HistoryPage {
  limit?: number;
  /** The previous page's nextCursor: a global position; entries strictly after it. */
  after?: string;
}

export interface HistoryEntry {
  position: string;
  eventId: string;
  streamId: string;
  kind: string;
  version: number;
  type: string;
  relation: SubjectRelation;
  occurredAt: string;
  recordedAt: string;
  actor: { id: string; role: string; name: string | null };
  unitId: string | null;
  reason: string | null;
  correlationId: string;
  data: Record<string, unknown>;
  /** The event's hash in its stream's chain. */
  hash: string;
}

export interface History {
  subject: { type: SubjectType; id: string };
  entries: HistoryEntry[];
  /** The last included event's stream hash and, when witnessed, the global chain hash there. */
  lastHash: string | null;
  lastChainHash: string | null;
  /** Set when more entries follow this page: pass it as `after` for the next one. */
  nextCursor: string | null;
}

interface Row {
  relation: SubjectRelation;
  global_position: string;
  event_id: string;
  stream_id: string;
  version: number;
  type: string;
  data: Record<string, unknown>;
  metadata: EventMetadata;
  occurred_at: Date;
  recorded_at: Date;
  hash: string;
}

/**
 * The events that concern an official or a unit (see subjectsOf), in global-position order,
 * one page at a time when page.limit is set (one range scan of the subject index from the
 * cursor, stopped after limit + 1 rows); without a limit, all of them (exports).
 */
export async function readHistory(
  db: Queryable,
  subject: { type: SubjectType; id: string },
  filter: HistoryFilter = {},
  page: HistoryPage = {},
): Promise<History> {
  const limit = page.limit ?? null;
  const { rows: fetched } = await db.query<Row>(
    `SELECT s.relation, e.global_position::text, e.event_id::text, e.stream_id, e.version, e.type, e.data, e.metadata,
            e.occurred_at, e.recorded_at, encode(e.hash, 'hex') AS hash
       FROM audit_subject_events s JOIN events e ON e.global_position = s.global_position
      WHERE s.subject_type = $1 AND s.subject_id = $2
        AND ($3::timestamptz IS NULL OR e.occurred_at >= $3) AND ($4::timestamptz IS NULL OR e.occurred_at < $4)
        AND ($5::text IS NULL OR split_part(e.stream_id, '-', 1) = $5)
        AND s.global_position > $6::bigint
      ORDER BY s.global_position
      LIMIT $7`,
    [subject.type, subject.id, filter.from ?? null, filter.to ?? null, filter.kind ?? null, page.after ?? '0', limit === null ? null : limit + 1],
  );
  const more = limit !== null && fetched.length > limit;
  const rows = more ? fetched.slice(0, limit) : fetched;
  const names = await officialNames(db, [...new Set(rows.map((r) => r.metadata?.actorId).filter(Boolean))]);
  const entries = rows.map((row): HistoryEntry => ({
    position: row.global_position,
    eventId: row.event_id,
    streamId: row.stream_id,
    kind: row.stream_id.split('-')[0],
    version: row.version,
    type: row.type,
    relation: row.relation,
    occurredAt: row.occurred_at.toISOString(),
    recordedAt: row.recorded_at.toISOString(),
    actor: { id: row.metadata.actorId, role: row.metadata.role, name: names.get(row.metadata.actorId) ?? null },
    unitId: row.metadata.unitId ?? null,
    reason: row.metadata.reason ?? null,
    correlationId: row.metadata.correlationId,
    data: row.data,
    hash: row.hash,
  }));
  const last = entries.at(-1);
  const chain = last
    ? await db.query<{ chain: string }>(`SELECT encode(chain_hash, 'hex') AS chain FROM audit_chain WHERE global_position = $1`, [last.position])
    : null;
  return { subject, entries, lastHash: last?.hash ?? null, lastChainHash: chain?.rows[0]?.chain ?? null, nextCursor: more && last ? last.position : null };
}

/** Full names of officials from the org read model (ids that are not officials are left out). */
export async function officialNames(db: Queryable, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const { rows } = await db.query<{ id: string; full_name: string }>(
    `SELECT id, full_name FROM rm_officials WHERE id = ANY($1::text[])`,
    [ids],
  );
  return new Map(rows.map((r) => [r.id, r.full_name]));
}
