import type { ClientBase } from 'pg';
import { CommandKeyTakenError, ConcurrencyError } from '../errors';
import type { AppendOptions, AppendResult, ExpectedVersion, NewEvent, RecordedEvent } from '../event-store.port';
import { GENESIS_HASH } from '../hashing/event-hash';
import { insertCommandWith } from './command-records';
import { streamVersionWith } from './event-reads';
import { buildEventsToInsert, type EventToInsert } from './event-records.builder';
import { assertDistinctIds, findIdempotentRetry, normaliseEventId } from './idempotent-retry';

/**
 * The append, on a client whose transaction the caller owns (BEGIN before, COMMIT after;
 * ROLLBACK if this throws: a failed statement leaves the transaction aborted).
 * PostgresEventStore.append wraps it; tests use it to hold an append's transaction open.
 */
export async function appendInTransaction(
  client: ClientBase,
  streamId: string,
  newEvents: readonly NewEvent[],
  options: AppendOptions,
  recordedAt: Date,
): Promise<AppendResult> {
  const events = validateAppend(streamId, newEvents, options);
  if (events.length === 0) return appendNothing(client, streamId, options, recordedAt);
  const head = await lockStreamHead(client, streamId);
  const stored = await findIdempotentRetry(client, streamId, events);
  if (stored) return { streamId, nextExpectedVersion: stored[stored.length - 1].version, events: stored, duplicate: true };
  assertExpectedVersion(streamId, options.expectedVersion, head.version);
  const records = buildEventsToInsert(streamId, head, events, recordedAt);
  const recorded = await insertEvents(client, streamId, records);
  const result: AppendResult = { streamId, nextExpectedVersion: head.version + events.length, events: recorded, duplicate: false };
  await recordCommandOf(client, options, result, recordedAt);
  return result;
}

/** Throws on a malformed append; returns the events with canonical (lower-case) ids. */
export function validateAppend(streamId: string, events: readonly NewEvent[], options: AppendOptions): NewEvent[] {
  assertValidAppend(streamId, options.expectedVersion);
  const normalised = events.map((event) => ({ ...event, id: normaliseEventId(event.id) }));
  assertDistinctIds(normalised);
  return normalised;
}

function assertValidAppend(streamId: string, expected: ExpectedVersion): void {
  if (typeof streamId !== 'string' || streamId.length === 0) throw new TypeError('streamId must be a non-empty string');
  if (expected !== 'any' && !(Number.isInteger(expected) && expected >= 0)) {
    throw new TypeError(`expectedVersion must be 'any' or an integer >= 0, got ${String(expected)}`);
  }
}

function assertExpectedVersion(streamId: string, expected: ExpectedVersion, actual: number): void {
  if (expected !== 'any' && expected !== actual) throw new ConcurrencyError(streamId, expected, actual);
}

async function appendNothing(
  client: ClientBase,
  streamId: string,
  options: AppendOptions,
  recordedAt: Date,
): Promise<AppendResult> {
  const version = await streamVersionWith(client, streamId);
  assertExpectedVersion(streamId, options.expectedVersion, version);
  const result: AppendResult = { streamId, nextExpectedVersion: version, events: [], duplicate: false };
  await recordCommandOf(client, options, result, recordedAt);
  return result;
}

/**
 * Creates the stream head if missing and row-locks it until the transaction ends: appends to
 * one stream serialise here, appends to different streams never wait on each other.
 */
async function lockStreamHead(client: ClientBase, streamId: string): Promise<{ version: number; lastHash: string }> {
  const { rows } = await client.query<{ version: number; last_hash: string }>(
    `INSERT INTO streams (stream_id, version, last_hash) VALUES ($1, 0, decode($2, 'hex'))
     ON CONFLICT (stream_id) DO UPDATE SET version = streams.version
     RETURNING version, encode(last_hash, 'hex') AS last_hash`,
    [streamId, GENESIS_HASH],
  );
  return { version: rows[0].version, lastHash: rows[0].last_hash };
}

/** One statement: multi-row insert (unnest) plus the stream head update. */
async function insertEvents(client: ClientBase, streamId: string, records: EventToInsert[]): Promise<RecordedEvent[]> {
  const last = records[records.length - 1];
  const { rows } = await client.query<{ global_position: string; transaction_id: string }>(
    `WITH inserted AS (
       INSERT INTO events (event_id, stream_id, version, type, schema_version, data, metadata,
                           occurred_at, recorded_at, prev_hash, hash)
       SELECT e.id, $1, e.version, e.type, e.schema_version, e.data::jsonb, e.metadata::jsonb,
              e.occurred_at, $2::timestamptz, decode(e.prev_hash, 'hex'), decode(e.hash, 'hex')
         FROM unnest($3::uuid[], $4::int[], $5::text[], $6::int[], $7::text[], $8::text[],
                     $9::timestamptz[], $10::text[], $11::text[]) WITH ORDINALITY
              AS e(id, version, type, schema_version, data, metadata, occurred_at, prev_hash, hash, ord)
        ORDER BY e.ord
       RETURNING global_position, transaction_id, version
     ), head AS (
       UPDATE streams SET version = $12, last_hash = decode($13, 'hex') WHERE stream_id = $1
     )
     SELECT global_position::text AS global_position, transaction_id::text AS transaction_id
       FROM inserted ORDER BY version`,
    [streamId, last.recordedAt.toISOString(), ...columnsOf(records), last.version, last.hash],
  );
  return records.map((record, index) => toRecorded(record, rows[index]));
}

function columnsOf(records: EventToInsert[]): unknown[] {
  return [
    records.map((r) => r.id),
    records.map((r) => r.version),
    records.map((r) => r.type),
    records.map((r) => r.schemaVersion),
    records.map((r) => JSON.stringify(r.data)),
    records.map((r) => JSON.stringify(r.metadata)),
    records.map((r) => r.occurredAt.toISOString()),
    records.map((r) => r.prevHash),
    records.map((r) => r.hash),
  ];
}

function toRecorded(record: EventToInsert, row: { global_position: string; transaction_id: string }): RecordedEvent {
  const globalPosition = BigInt(row.global_position);
  return { ...record, globalPosition, logPosition: { commit: BigInt(row.transaction_id), prepare: globalPosition } };
}

async function recordCommandOf(
  client: ClientBase,
  options: AppendOptions,
  result: AppendResult,
  recordedAt: Date,
): Promise<void> {
  const command = options.command;
  if (!command) return;
  const stored = await insertCommandWith(client, command.key, command.requestHash, command.response(result), recordedAt);
  if (!stored) throw new CommandKeyTakenError(command.key);
}
