import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { PostgresEventStore, migratePostgresEventStore, type NewEvent } from '@rectify/event-store';
import type { AppendContender } from './append-contender';

/**
 * This project's PostgresEventStore.append exactly as CommandRunner calls it: expected version
 * (0: new stream), idempotent by event id, a command record (idempotency key + stored response)
 * in the same transaction, the xid8 ordering column, the per-stream hash chain.
 */
export class RectifyContender implements AppendContender {
  readonly name: string;
  readonly describe: string;
  private url = '';
  private pool: Pool | null = null;
  private store: PostgresEventStore | null = null;

  /** groupCommit false: one transaction per append (the store before group commit), for before/after in one run. */
  constructor(private readonly groupCommit = true) {
    this.name = groupCommit ? 'Rectify (group commit)' : 'Rectify (1 tx/append)';
    this.describe = `append(streamId, events, { expectedVersion: 0, command }) — concurrency check, event-id idempotency, command record, xid8, hash chain; ${
      groupCommit ? 'group commit (default): concurrent appends share one statement and commit' : 'groupCommit: false, one transaction of 6 round trips per append (before this issue)'}`;
  }

  async install(databaseUrl: string): Promise<void> {
    this.url = databaseUrl;
    const pool = new Pool({ connectionString: databaseUrl, max: 1 });
    await migratePostgresEventStore(pool);
    await pool.end();
  }

  async open(writers: number): Promise<void> {
    this.pool = new Pool({ connectionString: this.url, max: writers });
    this.store = new PostgresEventStore(this.pool, undefined, this.groupCommit ? {} : { groupCommit: false });
  }

  async append(streamId: string, events: readonly NewEvent[]): Promise<void> {
    const key = randomUUID();
    await this.store!.append(streamId, events, {
      expectedVersion: 0,
      command: {
        key,
        requestHash: key,
        response: (result) => ({ streamId: result.streamId, version: result.nextExpectedVersion }),
      },
    });
  }

  async close(): Promise<void> {
    await this.pool?.end();
    this.pool = null;
    this.store = null;
  }
}
