import { CommandKeyTakenError, ConcurrencyError } from '../errors';
import type { AppendOptions, AppendResult, NewEvent, RecordedEvent } from '../event-store.port';
import { GENESIS_HASH, canonicalEventJson, type HashableEvent } from '../hashing/event-hash';
import { responseJson } from './command-records';
import type { BatchItem } from './append-batcher';
import { toRecordedEvent } from './event-row.mapper';
import { matchIdempotentRetry } from './idempotent-retry';

/** One append, prepared for rectify_append_batch (see append-batch.sql.ts). */
export interface PreparedAppend extends BatchItem {
  streamId: string;
  events: readonly NewEvent[];
  options: AppendOptions;
  recordedAt: Date;
  /** The events as they will be stored; version, prevHash and hash are filled from the database. */
  hashables: HashableEvent[];
  /** Its element of the batch parameter (JSON text): built up front, so bad input fails only this append. */
  payload: string;
  settle(outcome: { result: AppendResult } | { error: unknown }): void;
}

/** A row of rectify_append_batch. */
export interface BatchRow {
  r_append: number;
  r_outcome: 'stored' | 'conflict' | 'key-taken' | 'appended';
  r_stream_version: number | null;
  r_global_position: string | null;
  r_transaction_id: string | null;
  r_event_id: string | null;
  r_stream_id: string | null;
  r_version: number | null;
  r_type: string | null;
  r_schema_version: number | null;
  r_data: Record<string, unknown> | null;
  r_metadata: RecordedEvent['metadata'] | null;
  r_occurred_at: Date | null;
  r_recorded_at: Date | null;
  r_prev_hash: string | null;
  r_hash: string | null;
}

const VERSION_TAIL = '"version":0}';

/**
 * Prepares an append for group commit, or returns null when it must take the one-transaction
 * path (appendInTransaction): no events; expected version 'any' with a command (its response
 * needs the version); or a command whose response depends on what only the database assigns
 * (global position, transaction id, hashes). The batch writes the command record in the same
 * statement as the events, so its response is computed beforehand: with two different sets
 * of those database-assigned values, and used only when both give the same JSON.
 * `events` must be validated and normalised (lower-case distinct uuids) by the caller.
 */
export function prepareBatchedAppend(
  streamId: string,
  events: readonly NewEvent[],
  options: AppendOptions,
  recordedAt: Date,
  settle: PreparedAppend['settle'],
): PreparedAppend | null {
  if (events.length === 0) return null;
  const expected = options.expectedVersion;
  if (options.command && expected === 'any') return null;
  const base = typeof expected === 'number' ? expected : 0;
  // The canonical text (what the hash covers) is computed once; the data and metadata returned
  // are parsed back from it, i.e. exactly what jsonb will give back on a read.
  const prefixes: string[] = [];
  const hashables = events.map((event, index): HashableEvent => {
    const hashable: HashableEvent = {
      id: event.id,
      streamId,
      version: 0,
      type: event.type,
      schemaVersion: event.schemaVersion ?? 1,
      data: event.data,
      metadata: event.metadata,
      occurredAt: new Date(event.occurredAt.getTime()),
      recordedAt,
      prevHash: GENESIS_HASH,
    };
    const prefix = canonicalPrefix(hashable);
    prefixes.push(prefix);
    const { data, metadata } = JSON.parse(`${prefix}0}`) as Pick<HashableEvent, 'data' | 'metadata'>;
    return { ...hashable, version: base + index + 1, data, metadata };
  });
  let response: string | null = null;
  if (options.command) {
    const first = responseJson(options.command.response(predictedResult(streamId, hashables, 0n, '0')));
    const second = responseJson(options.command.response(predictedResult(streamId, hashables, 9_000_000_000_000_000n, 'f')));
    if (first !== second) return null;
    response = first;
  }
  const claims = [`s:${streamId}`, ...events.map((e) => `e:${e.id}`), ...(options.command ? [`c:${options.command.key}`] : [])];
  const payload = payloadOf(streamId, options, recordedAt, hashables, prefixes, response);
  return { claims, eventCount: events.length, streamId, events, options, recordedAt, hashables, payload, settle };
}

function payloadOf(
  streamId: string,
  options: AppendOptions,
  recordedAt: Date,
  hashables: HashableEvent[],
  prefixes: string[],
  response: string | null,
): string {
  const command = options.command;
  return JSON.stringify({
    s: streamId,
    x: options.expectedVersion === 'any' ? null : options.expectedVersion,
    at: recordedAt.toISOString(),
    c: command ? { k: command.key, h: command.requestHash, r: JSON.parse(response ?? 'null') } : null,
    i: hashables.map((h) => h.id),
    e: prefixes,
  });
}

/** The append's result (or error) from its rows: the same outcomes as appendInTransaction. */
export function outcomeOf(append: PreparedAppend, rows: readonly BatchRow[]): AppendResult {
  const kind = rows[0]?.r_outcome;
  const { streamId, events, options } = append;
  if (kind === 'conflict') throw new ConcurrencyError(streamId, options.expectedVersion, rows[0].r_stream_version ?? 0);
  if (kind === 'key-taken') throw new CommandKeyTakenError(options.command?.key ?? '');
  if (kind === 'stored') {
    const stored = matchIdempotentRetry(streamId, events, rows.map(storedEventOf)) ?? [];
    return { streamId, nextExpectedVersion: stored[stored.length - 1].version, events: stored, duplicate: true };
  }
  if (kind !== 'appended' || rows.length !== events.length) throw new Error(`rectify_append_batch: no outcome for ${streamId}`);
  const recorded = append.hashables.map((hashable, index): RecordedEvent => {
    const row = rows[index];
    const globalPosition = BigInt(row.r_global_position!);
    return {
      ...hashable,
      version: row.r_version!,
      prevHash: row.r_prev_hash!,
      hash: row.r_hash!,
      globalPosition,
      logPosition: { commit: BigInt(row.r_transaction_id!), prepare: globalPosition },
    };
  });
  return { streamId, nextExpectedVersion: recorded[recorded.length - 1].version, events: recorded, duplicate: false };
}

/** Canonical JSON of the event (version 0) up to `"version":` — the database appends the version and '}'. */
function canonicalPrefix(event: HashableEvent): string {
  const text = canonicalEventJson(event);
  if (!text.endsWith(VERSION_TAIL)) throw new Error('canonical event JSON must end with its version');
  return text.slice(0, -'0}'.length);
}

function predictedResult(streamId: string, hashables: HashableEvent[], position: bigint, hashDigit: string): AppendResult {
  const hash = hashDigit.repeat(64);
  const events = hashables.map((h, index): RecordedEvent => ({
    ...h,
    prevHash: hash,
    hash,
    globalPosition: position + BigInt(index),
    logPosition: { commit: position, prepare: position + BigInt(index) },
  }));
  return { streamId, nextExpectedVersion: events[events.length - 1].version, events, duplicate: false };
}

function storedEventOf(row: BatchRow): RecordedEvent {
  return toRecordedEvent({
    global_position: row.r_global_position!,
    transaction_id: row.r_transaction_id!,
    event_id: row.r_event_id!,
    stream_id: row.r_stream_id!,
    version: row.r_version!,
    type: row.r_type!,
    schema_version: row.r_schema_version!,
    data: row.r_data!,
    metadata: row.r_metadata!,
    occurred_at: row.r_occurred_at!,
    recorded_at: row.r_recorded_at!,
    prev_hash: row.r_prev_hash!,
    hash: row.r_hash!,
  });
}
