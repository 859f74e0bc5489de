import type { ClientBase, Pool } from 'pg';
import { CommandKeyTakenError, ConcurrencyError, DuplicateEventIdError } from '../errors';
import type {
  AppendOptions, AppendResult, CommandRecord, EventStore, LogPosition, NewEvent, ReadAllOptions,
  ReadStreamOptions, RecordedEvent,
} from '../event-store.port';
import { appendInTransaction } from './append-in-transaction';
import { findCommandWith, insertCommandWith } from './command-records';
import { headPositionWith, readAllWith, readStreamWith, streamVersionWith } from './event-reads';
import { pgConstraint, pgErrorCode, withTransaction } from './pg-transaction';

/** Supplies recordedAt (store time). */
export type StoreClock = () => Date;

/** The PostgreSQL adapter of the EventStore port. Run migratePostgresEventStore(pool) first. */
export class PostgresEventStore implements EventStore {
  constructor(
    private readonly pool: Pool,
    private readonly clock: StoreClock = () => new Date(),
  ) {}

  async append(streamId: string, events: readonly NewEvent[], options: AppendOptions): Promise<AppendResult> {
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
