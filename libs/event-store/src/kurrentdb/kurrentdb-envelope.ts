import type { AllStreamResolvedEvent, EventData, ResolvedEvent } from '@kurrent/kurrentdb-client';
import type { EventMetadata, RecordedEvent } from '../event-store.port';
import type { HashableEvent } from '../hashing/event-hash';

/**
 * What the adapter stores in a KurrentDB event's metadata. KurrentDB keeps only id, type,
 * data, metadata, revision, position and its own `created` time; everything else of our
 * RecordedEvent rides here. `created` is NOT used as recordedAt: it is set by the server after
 * we computed the hash, so the hash could not cover it.
 */
export interface RectifyEnvelope {
  /** Marks events written by this adapter; others found in $all are ignored. */
  rectify: 1;
  metadata: EventMetadata;
  schemaVersion: number;
  occurredAt: string;
  recordedAt: string;
  prevHash: string;
  hash: string;
  /** KurrentDB conventions, so its own tooling ($by_correlation_id) can follow our causality. */
  $correlationId: string;
  $causationId?: string;
}

/** An event ready to be written: every hashed field is fixed before the append. */
export type EventToAppend = HashableEvent & { hash: string };

/** The KurrentDB EventData of a prepared event (JSON data, envelope as metadata). */
export function toEventData(event: EventToAppend): EventData {
  const envelope: RectifyEnvelope = {
    rectify: 1,
    metadata: event.metadata,
    schemaVersion: event.schemaVersion,
    occurredAt: event.occurredAt.toISOString(),
    recordedAt: event.recordedAt.toISOString(),
    prevHash: event.prevHash,
    hash: event.hash,
    $correlationId: event.metadata.correlationId,
    ...(event.metadata.causationId ? { $causationId: event.metadata.causationId } : {}),
  };
  return {
    id: event.id,
    contentType: 'application/json',
    type: event.type,
    data: event.data,
    metadata: envelope as unknown as Record<string, unknown>,
  } as EventData;
}

/**
 * Our RecordedEvent from a KurrentDB read; null for anything this adapter did not write
 * (system events, links, foreign writers). version = revision + 1 (KurrentDB counts from 0);
 * globalPosition = prepare position (unique per event, increasing in the log).
 */
export function fromResolvedEvent(resolved: ResolvedEvent | AllStreamResolvedEvent): RecordedEvent | null {
  const event = resolved.event;
  if (!event || !event.isJson || !event.position || event.streamId.startsWith('$')) return null;
  const envelope = event.metadata as Partial<RectifyEnvelope> | undefined;
  if (!envelope || envelope.rectify !== 1 || typeof envelope.hash !== 'string') return null;
  const { commit, prepare } = event.position;
  return {
    id: event.id,
    type: event.type,
    schemaVersion: envelope.schemaVersion ?? 1,
    streamId: event.streamId,
    version: Number(event.revision) + 1,
    globalPosition: prepare,
    logPosition: { commit, prepare },
    data: event.data as Record<string, unknown>,
    metadata: envelope.metadata as EventMetadata,
    occurredAt: new Date(envelope.occurredAt as string),
    recordedAt: new Date(envelope.recordedAt as string),
    prevHash: envelope.prevHash as string,
    hash: envelope.hash,
  };
}
