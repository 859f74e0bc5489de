import type { ClientBase, Pool } from 'pg';
import { CommandKeyTakenError, ConcurrencyError, DuplicateEventIdError } from '../errors';
import type {
  AppendOptions, AppendResult, CommandRecord, EventStore, LogPosition, NewEvent, ReadAllOptions,
  ReadStreamOptions, RecordedEvent,
} from '../event-store.port';
import { appendInTransaction, validateAppend } from './append-in-transaction';
import { AppendBatcher, type AppendBatcherLimits } from './append-batcher';
import { prepareBatchedAppend, type PreparedAppend } from './batched-append';
import { runAppendBatch } from './group-commit';
import { findCommandWith, insertCommandWith } from './command-records';
import { headPositionWith, readAllWith, readStreamWith, streamVersionWith } from './event-reads';
import { pgConstraint, pgErrorCode, withTransaction } from './pg-transaction';

/** Supplies recordedAt (store time). */
export type StoreClock = () => Date;

export interface PostgresEventStoreOptions {
  /**
   * Group commit (default on): concurrent appends share one transaction and one commit, each
   * still concurrency-checked, idempotent and written with its command record, each failing
   * alone. `false`: one transaction per append.
   */
  groupCommit?: false | Partial<AppendBatcherLimits>;
}

const GROUP_COMMIT_DEFAULTS: AppendBatcherLimits = { maxInFlight: 2, maxEvents: 1000 };

/** The PostgreSQL adapter of the EventStore port. Run migratePostgresEventStore(pool) first. */
export class PostgresEventStore implements EventStore {
  private readonly batcher: AppendBatcher<PreparedAppend> | null;

  constructor(
    private readonly pool: Pool,
    private readonly clock: StoreClock = () => new Date(),
    options: PostgresEventStoreOptions = {},
  ) {
    const limits = options.groupCommit === false ? null : { ...GROUP_COMMIT_DEFAULTS, ...options.groupCommit };
    this.batcher = limits
      ? new AppendBatcher((batch) => runAppendBatch(pool, batch, (error, a) => this.translateAppendError(error, a.streamId, a.options)), limits)
      : null;
  }

  /**
   * Appends through the writer queue (group commit) when it can, else in a transaction of its
   * own; both decide every outcome the same way (see appendInTransaction).
   */
  async append(streamId: string, events: readonly NewEvent[], options: AppendOptions): Promise<AppendResult> {
    if (this.batcher) {
      const batcher = this.batcher;
      const valid = validateAppend(streamId, events, options);
      const queued = new Promise<AppendResult>((resolve, reject) => {
        const settle: PreparedAppend['settle'] = (outcome) => ('result' in outcome ? resolve(outcome.result) : reject(outcome.error));
        const prepared = prepareBatchedAppend(streamId, valid, options, this.recordedAt(), settle);
        if (!prepared) return resolve(this.appendAlone(streamId, events, options));
        batcher.enqueue(prepared);
      });
      return queued;
    }
    return this.appendAlone(streamId, events, options);
  }

  private async appendAlone(streamId: string, events: readonly NewEvent[], options: AppendOptions): Promise<AppendResult> {
    try {
      return await withTransaction(this.pool, (client) => this.appendInTransaction(client, streamId, events, options));
    } catch (error) {
      throw await this.translateAppendError(error, streamId, options);
    }
  }

  /**
   * The append on a client whose transaction the caller owns (BEGIN/COMMIT/ROLLBACK), for
   * callers that must write other rows atomically with the events. Driver errors are not
   * translated here (see append).
   */
  appendInTransaction(
    client: ClientBase,
    streamId: string,
    events: readonly NewEvent[],
    options: AppendOptions,
  ): Promise<AppendResult> {
    return appendInTransaction(client, streamId, events, options, this.recordedAt());
  }

  readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]> {
    return readStreamWith(this.pool, streamId, options);
  }

  streamVersion(streamId: string): Promise<number> {
    return streamVersionWith(this.pool, streamId);
  }

  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]> {
    return readAllWith(this.pool, options);
  }

  headPosition(): Promise<LogPosition> {
    return headPositionWith(this.pool);
  }

  findCommand(key: string): Promise<CommandRecord | null> {
    return findCommandWith(this.pool, key);
  }

  async recordCommand(key: string, requestHash: string, response: unknown): Promise<CommandRecord> {
    const inserted = await insertCommandWith(this.pool, key, requestHash, response, this.recordedAt());
    if (inserted) return inserted;
    const existing = await findCommandWith(this.pool, key);
    if (!existing) throw new CommandKeyTakenError(key);
    return existing;
  }

  /** The injected clock, truncated to whole milliseconds (what a JS Date round-trips). */
  private recordedAt(): Date {
    return new Date(Math.trunc(this.clock().getTime()));
  }

  /** Unique violations from racing writers become the port's errors. */
  private async translateAppendError(error: unknown, streamId: string, options: AppendOptions): Promise<unknown> {
    if (pgErrorCode(error) !== '23505') return error;
    const constraint = pgConstraint(error);
    if (constraint === 'events_event_id_key') return new DuplicateEventIdError(keyValueOf(error) ?? 'unknown');
    if (constraint === 'commands_pkey' && options.command) return new CommandKeyTakenError(options.command.key);
    if (constraint === 'events_stream_id_version_key') {
      return new ConcurrencyError(streamId, options.expectedVersion, await this.streamVersion(streamId));
    }
    return error;
  }
}

/** The value in a unique violation's detail: 'Key (event_id)=(…) already exists.' */
function keyValueOf(error: unknown): string | undefined {
  const detail = (error as { detail?: string }).detail ?? '';
  return /\)=\((.*)\) already exists/.exec(detail)?.[1];
}
