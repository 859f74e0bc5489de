import { createHash } from 'node:crypto';
import type { EventMetadata } from '../event-store.port';
import { canonicalJson } from './canonical-json';

/** prevHash of the first event of a stream: 32 zero bytes, hex. */
export const GENESIS_HASH = '0'.repeat(64);

/** The fields an event's hash covers, plus the previous hash. A RecordedEvent satisfies it. */
export interface HashableEvent {
  id: string;
  streamId: string;
  version: number;
  type: string;
  schemaVersion: number;
  data: Record<string, unknown>;
  metadata: EventMetadata;
  occurredAt: Date;
  recordedAt: Date;
  prevHash: string;
}

/** The canonical JSON text that is hashed (all fields but prevHash; dates as ISO strings). */
export function canonicalEventJson(event: HashableEvent): string {
  return canonicalJson({
    id: event.id,
    streamId: event.streamId,
    version: event.version,
    type: event.type,
    schemaVersion: event.schemaVersion,
    data: event.data,
    metadata: event.metadata,
    occurredAt: event.occurredAt.toISOString(),
    recordedAt: event.recordedAt.toISOString(),
  });
}

/** Hex sha256(prevHashBytes || utf8(canonicalEventJson(event))). */
export function computeEventHash(event: HashableEvent): string {
  if (!/^[0-9a-f]{64}$/.test(event.prevHash)) {
    throw new TypeError(`prevHash must be 64 lowercase hex characters, got "${event.prevHash}"`);
  }
  return createHash('sha256')
    .update(Buffer.from(event.prevHash, 'hex'))
    .update(Buffer.from(canonicalEventJson(event), 'utf8'))
    .digest('hex');
}
