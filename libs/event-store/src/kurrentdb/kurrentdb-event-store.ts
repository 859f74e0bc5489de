import type { KurrentDBClient } from '@kurrent/kurrentdb-client';
import type { Pool, PoolClient } from 'pg';
import { CommandKeyTakenError, ConcurrencyError, DuplicateEventIdError } from '../errors';
import type {
  AppendOptions, AppendResult, CommandRecord, EventStore, LogPosition, NewEvent, ReadAllOptions, ReadStreamOptions,
  RecordedEvent,
} from '../event-store.port';
import { LOG_START } from '../event-store.port';
import {
  assertExpectedVersion, assertValidAppend, matchRetry, normaliseBatch, prepareEvents, streamStateFor, versionFromState,
} from './kurrentdb-append-plan';
import { claimIds, findClaimedIds, findCommand, insertCommand, lockName } from './kurrentdb-command-records';
import { toEventData } from './kurrentdb-envelope';
import { readAllAfter, readHeadPosition, readStreamHead, readStreamSlice } from './kurrentdb-reads';
import { inTransaction, isUniqueViolation } from './kurrentdb-transaction';

/** How far back an 'any' append looks for its own events whose PostgreSQL commit was lost. */
const TAIL_WINDOW = 100;

/**
 * The KurrentDB adapter of the EventStore port. Events live in KurrentDB; command records,
 * the global event-id index and subscription checkpoints live in PostgreSQL
 * (migrateKurrentDbSupport(pool) first). Every append runs inside one PostgreSQL transaction
 * that holds advisory locks on the command key and the stream: appends to one stream take
 * turns across all instances, so the hash chain computed here continues the real head.
 * The KurrentDB write happens inside that transaction; the commit of the command record and
 * id claims follows it. If the process dies in between, the events exist without their
 * records: the retry (same deterministic event ids) finds them in the stream tail, repairs
 * the id index and answers as a duplicate, so nothing is written twice.
 */
export class KurrentDbEventStore implements EventStore {
  constructor(
    private readonly client: KurrentDBClient,
    private readonly pool: Pool,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async append(streamId: string, newEvents: readonly NewEvent[], options: AppendOptions): Promise<AppendResult> {
    assertValidAppend(streamId, options.expectedVersion);
    const events = normaliseBatch(newEvents);
    const command = options.command;
    return inTransaction(this.pool, async (tx) => {
      if (command) {
        await lockName(tx, `command:${command.key}`);
        if (await findCommand(tx, command.key)) throw new CommandKeyTakenError(command.key);
      }
      await lockName(tx, `stream:${streamId}`);
      const result = await this.appendLocked(tx, streamId, events, options);
      if (command && !(await insertCommand(tx, command.key, command.requestHash, command.response(result), this.recordedAt()))) {
        throw new CommandKeyTakenError(command.key);
      }
      return result;
    });
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const from = Math.max(1, options.fromVersion ?? 1);
    const to = options.toVersion;
    if (to !== undefined && to < from) return [];
    const events = await readStreamSlice(this.client, streamId, {
      fromRevision: BigInt(from - 1),
      ...(to !== undefined ? { maxCount: to - from + 1 } : {}),
    });
    const asOf = options.asOf?.getTime();
    return asOf === undefined ? events : events.filter((event) => event.recordedAt.getTime() <= asOf);
  }

  async streamVersion(streamId: string): Promise<number> {
    return (await readStreamHead(this.client, streamId))?.version ?? 0;
  }

  readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    return readAllAfter(this.client, options.after ?? LOG_START, options.limit, options.types);
  }

  headPosition(): Promise<LogPosition> {
    return readHeadPosition(this.client);
  }

  findCommand(key: string): Promise<CommandRecord | null> {
    return findCommand(this.pool, key);
  }

  async recordCommand(key: string, requestHash: string, response: unknown): Promise<CommandRecord> {
    const inserted = await insertCommand(this.pool, key, requestHash, response, this.recordedAt());
    if (inserted) return inserted;
    const existing = await findCommand(this.pool, key);
    if (!existing) throw new CommandKeyTakenError(key);
    return existing;
  }

  /** Runs with the stream's advisory lock held. */
  private async appendLocked(tx: PoolClient, streamId: string, events: NewEvent[], options: AppendOptions): Promise<AppendResult> {
    const head = await readStreamHead(this.client, streamId);
    const version = head?.version ?? 0;
    if (events.length === 0) {
      assertExpectedVersion(streamId, options.expectedVersion, version);
      return { streamId, nextExpectedVersion: version, events: [], duplicate: false };
    }
    const retry = (await this.indexedRetry(tx, streamId, events)) ?? (await this.tailRetry(tx, streamId, events, options, version));
    if (retry) return { streamId, nextExpectedVersion: retry[retry.length - 1].version, events: retry, duplicate: true };
    assertExpectedVersion(streamId, options.expectedVersion, version);
    const prepared = prepareEvents(streamId, { version, hash: head?.hash ?? '' }, events, this.recordedAt());
    await this.claim(tx, prepared.map((e) => ({ eventId: e.id, streamId, version: e.version })));
    try {
      await this.client.appendToStream(streamId, prepared.map(toEventData), { streamState: streamStateFor(version) });
    } catch (error) {
      if ((error as { type?: unknown }).type !== 'wrong-expected-version') throw error;
      const actual = versionFromState((error as { actualState?: unknown }).actualState);
      throw new ConcurrencyError(streamId, options.expectedVersion, actual);
    }
    const written = await readStreamSlice(this.client, streamId, { fromRevision: BigInt(version), maxCount: events.length });
    return { streamId, nextExpectedVersion: version + events.length, events: written, duplicate: false };
  }

  /** Ids already in the PostgreSQL index: a retry of this stream's events, or a refusal. */
  private async indexedRetry(tx: PoolClient, streamId: string, events: NewEvent[]): Promise<RecordedEvent[] | null> {
    const claimed = await findClaimedIds(tx, events.map((event) => event.id));
    if (claimed.length === 0) return null;
    const elsewhere = claimed.find((claim) => claim.streamId !== streamId);
    if (elsewhere) throw new DuplicateEventIdError(elsewhere.eventId);
    const first = Math.min(...claimed.map((claim) => claim.version));
    const stored = await readStreamSlice(this.client, streamId, { fromRevision: BigInt(first - 1), maxCount: events.length });
    const retry = matchRetry(streamId, events, stored);
    if (!retry) throw new DuplicateEventIdError(claimed[0].eventId);
    return retry;
  }

  /**
   * Ids not indexed may still be stored: KurrentDB wrote them but the PostgreSQL commit was
   * lost. KurrentDB's own id check is an in-memory cache (gone after a restart), so read the
   * stream tail where a retry's events must be: after the expected version, or the last
   * TAIL_WINDOW events for 'any'. Found → repair the index and answer as a duplicate.
   */
  private async tailRetry(
    tx: PoolClient,
    streamId: string,
    events: NewEvent[],
    options: AppendOptions,
    version: number,
  ): Promise<RecordedEvent[] | null> {
    const expected = options.expectedVersion;
    const window = expected === 'any' ? Math.min(version, TAIL_WINDOW) : Math.max(0, version - expected);
    if (window === 0) return null;
    const tail = await readStreamSlice(this.client, streamId, { fromRevision: BigInt(version - window), maxCount: window });
    const retry = matchRetry(streamId, events, tail);
    if (retry) await this.claim(tx, retry.map((e) => ({ eventId: e.id, streamId, version: e.version })));
    return retry;
  }

  private async claim(tx: PoolClient, claims: { eventId: string; streamId: string; version: number }[]): Promise<void> {
    try {
      await claimIds(tx, claims);
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      const { rows } = await this.pool.query<{ id: string }>(
        'SELECT event_id::text AS id FROM kurrentdb_event_ids WHERE event_id = ANY($1::uuid[]) LIMIT 1',
        [claims.map((c) => c.eventId)],
      );
      throw new DuplicateEventIdError(rows[0]?.id ?? claims[0].eventId);
    }
  }

  /** The injected clock in whole milliseconds (what a Date and ISO text round-trip). */
  private recordedAt(): Date {
    return new Date(Math.trunc(this.clock().getTime()));
  }
}
