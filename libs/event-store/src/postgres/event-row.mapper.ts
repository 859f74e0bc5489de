import type { EventMetadata, RecordedEvent } from '../event-store.port';

/**
 * Column list every event read selects; matches EventRow. Some aliases shadow column names with
 * text values: ORDER BY must use qualified names (events.global_position), or it sorts text.
 */
export const EVENT_COLUMNS = `
  global_position::text AS global_position, transaction_id::text AS transaction_id,
  event_id::text AS event_id, stream_id, version, type, schema_version, data, metadata,
  occurred_at, recorded_at, encode(prev_hash, 'hex') AS prev_hash, encode(hash, 'hex') AS hash`;

export interface EventRow {
  global_position: string;
  transaction_id: string;
  event_id: string;
  stream_id: string;
  version: number;
  type: string;
  schema_version: number;
  data: Record<string, unknown>;
  metadata: EventMetadata;
  occurred_at: Date;
  recorded_at: Date;
  prev_hash: string;
  hash: string;
}

export function toRecordedEvent(row: EventRow): RecordedEvent {
  const globalPosition = BigInt(row.global_position);
  return {
    id: row.event_id,
    type: row.type,
    schemaVersion: row.schema_version,
    streamId: row.stream_id,
    version: row.version,
    globalPosition,
    logPosition: { commit: BigInt(row.transaction_id), prepare: globalPosition },
    data: row.data,
    metadata: row.metadata,
    occurredAt: row.occurred_at,
    recordedAt: row.recorded_at,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}
