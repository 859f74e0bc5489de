import { Pool } from 'pg';
import { STREAM_DOES_NOT_EXIST } from '@event-driven-io/emmett';
import { getPostgreSQLEventStore, type PostgresEventStore } from '@event-driven-io/emmett-postgresql';
import type { NewEvent } from '@rectify/event-store';
import type { AppendContender } from './append-contender';

/** @event-driven-io/emmett-postgresql appendToStream with its own schema (auto-migrated), our pool. */
export class EmmettContender implements AppendContender {
  readonly name = 'Emmett (emmett-postgresql)';
  readonly describe = 'appendToStream(streamId, events, { expectedStreamVersion: STREAM_DOES_NOT_EXIST })';
  private url = '';
  private pool: Pool | null = null;
  private store: PostgresEventStore | null = null;

  async install(databaseUrl: string): Promise<void> {
    this.url = databaseUrl;
    const pool = new Pool({ connectionString: databaseUrl, max: 2 });
    const store = getPostgreSQLEventStore(databaseUrl, { connectionOptions: { pooled: true, pool } });
    await store.schema.migrate();
    await store.close();
    await pool.end().catch(() => undefined);
  }

  async open(writers: number): Promise<void> {
    this.pool = new Pool({ connectionString: this.url, max: writers });
    this.store = getPostgreSQLEventStore(this.url, {
      schema: { autoMigration: 'None' },
      connectionOptions: { pooled: true, pool: this.pool },
    });
  }

  async append(streamId: string, events: readonly NewEvent[]): Promise<void> {
    await this.store!.appendToStream(
      streamId,
      events.map((e) => ({ type: e.type, data: e.data, metadata: { ...e.metadata, eventId: e.id } })),
      { expectedStreamVersion: STREAM_DOES_NOT_EXIST },
    );
  }

  async close(): Promise<void> {
    await this.store?.close();
    await this.pool?.end().catch(() => undefined);
    this.pool = null;
    this.store = null;
  }
}
