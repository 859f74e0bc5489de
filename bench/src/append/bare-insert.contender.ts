import { Pool } from 'pg';
import type { NewEvent } from '@rectify/event-store';
import type { AppendContender } from './append-contender';

/**
 * The floor: one row per event, no stream head, no concurrency check, no idempotency,
 * no hash, no ordering column. One multi-row INSERT per append, autocommit (one commit).
 */
export class BareInsertContender implements AppendContender {
  readonly name = 'bare INSERT';
  readonly describe = 'one INSERT … VALUES with one row per event into a table with only a bigint identity key, autocommit';
  private url = '';
  private pool: Pool | null = null;

  async install(databaseUrl: string): Promise<void> {
    this.url = databaseUrl;
    const pool = new Pool({ connectionString: databaseUrl, max: 1 });
    await pool.query(`CREATE TABLE bare_events (
      global_position bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      event_id uuid NOT NULL, stream_id text NOT NULL, version integer NOT NULL, type text NOT NULL,
      data jsonb NOT NULL, metadata jsonb NOT NULL, occurred_at timestamptz NOT NULL,
      recorded_at timestamptz NOT NULL DEFAULT now())`);
    await pool.end();
  }

  async open(writers: number): Promise<void> {
    this.pool = new Pool({ connectionString: this.url, max: writers });
  }

  async append(streamId: string, events: readonly NewEvent[]): Promise<void> {
    const values = events.map((_, i) => `(${[1, 2, 3, 4, 5, 6, 7].map((k) => `$${i * 7 + k}`).join(', ')})`);
    await this.pool!.query(
      `INSERT INTO bare_events (event_id, stream_id, version, type, data, metadata, occurred_at) VALUES ${values.join(', ')}`,
      events.flatMap((e, i) => [e.id, streamId, i + 1, e.type, JSON.stringify(e.data), JSON.stringify(e.metadata), e.occurredAt.toISOString()]),
    );
  }

  async close(): Promise<void> {
    await this.pool?.end();
    this.pool = null;
  }
}
