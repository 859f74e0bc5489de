import type { RecordedEvent } from '@rectify/event-store';

/**
 * The envelope of every outbound integration event (Kafka message value, JSON).
 * Rules: a topic's name carries its major version (`.v1`); within a version fields are only
 * ever added, never renamed, retyped or removed — a breaking change is a new topic (`.v2`)
 * published alongside until consumers move. Each contract maps domain events EXPLICITLY,
 * field by field: anything not named in a mapping (free-text reasons, comments, notes,
 * actor ids, evidence links, vote counts) never leaves the engine.
 */
export interface IntegrationEvent<Kind extends string, Payload> {
  /** The domain event's id: consumers deduplicate on it (delivery is at-least-once). */
  eventId: string;
  /** e.g. 'rectify.findings'. */
  contract: string;
  /** The contract's major version, equal to the topic suffix. */
  version: number;
  kind: Kind;
  /** The aggregate stream (also the Kafka key): per-stream order is kept. */
  streamId: string;
  /** Position within the stream (1-based): consumers may drop anything not newer than what they hold. */
  streamVersion: number;
  occurredAt: string;
  recordedAt: string;
  correlationId: string;
  /** The role that acted (never the person: actor ids stay internal). */
  actorRole: string;
  payload: Payload;
}

/** A mapping found a stored event that lacks a field its contract requires. */
export class ContractMappingError extends Error {
  constructor(
    readonly eventId: string,
    readonly eventType: string,
    detail: string,
  ) {
    super(`Cannot map ${eventType} ${eventId} to its integration contract: ${detail}`);
    this.name = 'ContractMappingError';
  }
}

/** The common envelope of a recorded event. */
export function envelopeOf<Kind extends string, Payload>(
  contract: string,
  version: number,
  kind: Kind,
  event: RecordedEvent,
  payload: Payload,
): IntegrationEvent<Kind, Payload> {
  return {
    eventId: event.id,
    contract,
    version,
    kind,
    streamId: event.streamId,
    streamVersion: event.version,
    occurredAt: event.occurredAt.toISOString(),
    recordedAt: event.recordedAt.toISOString(),
    correlationId: event.metadata.correlationId,
    actorRole: event.metadata.role,
    payload,
  };
}

/** Reads one required field of a stored event's data; throws ContractMappingError when absent or of another type. */
export function field<T>(event: RecordedEvent, name: string, kind: 'string' | 'number' | 'boolean' | 'object'): T {
  const value = event.data[name];
  if (value === undefined || value === null || typeof value !== kind) {
    throw new ContractMappingError(event.id, event.type, `data.${name} must be a ${kind}`);
  }
  return value as T;
}
