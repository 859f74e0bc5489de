import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Pool, type PoolClient } from 'pg';
import type { NewEvent } from '@rectify/event-store';
import type { AppendContender } from './append-contender';

/** Message DB's functions resolve `messages`, `acquire_lock`, … through the search path. */
const SEARCH_PATH = '-c search_path=message_store,public';

/**
 * Message DB (@eventide/message-db) `write_message` with expected version, one call per
 * message, the messages of one append in one transaction (as its clients write a batch).
 * Its schema is installed from the SQL files the package ships, in the order its install
 * scripts (database/install*.sh) run them; the role, views and privileges are skipped.
 */
export class MessageDbContender implements AppendContender {
  readonly name = 'Message DB';
  readonly describe = 'write_message(id, stream, type, data, metadata, expected_version) per message, one transaction per append';
  private url = '';
  private pool: Pool | null = null;

  async install(databaseUrl: string): Promise<void> {
    this.url = databaseUrl;
    const pool = new Pool({ connectionString: databaseUrl, max: 1, options: SEARCH_PATH });
    for (const file of messageDbInstallFiles()) await pool.query(readFileSync(file, 'utf8'));
    await pool.end();
  }

  async open(writers: number): Promise<void> {
    this.pool = new Pool({ connectionString: this.url, max: writers, options: SEARCH_PATH });
  }

  async append(streamId: string, events: readonly NewEvent[]): Promise<void> {
    if (events.length === 1) return void (await this.write(this.pool!, streamId, events[0], -1));
    const client = await this.pool!.connect();
    try {
      await client.query('BEGIN');
      for (const [index, event] of events.entries()) await this.write(client, streamId, event, index - 1);
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  private write(db: Pool | PoolClient, streamId: string, event: NewEvent, expectedVersion: number) {
    return db.query('SELECT write_message($1, $2, $3, $4::jsonb, $5::jsonb, $6)', [
      event.id, streamId, event.type, JSON.stringify(event.data), JSON.stringify(event.metadata), expectedVersion,
    ]);
  }

  async close(): Promise<void> {
    await this.pool?.end();
    this.pool = null;
  }
}

/** schema, pgcrypto, table, then the files install-functions.sh and install-indexes.sh name, in order. */
export function messageDbInstallFiles(): string[] {
  const base = join(dirname(require.resolve('@eventide/message-db/package.json')), 'database');
  const named = (script: string) =>
    [...readFileSync(join(base, script), 'utf8').matchAll(/\$base\/([\w/.-]+\.sql)/g)].map((m) => join(base, m[1]));
  return [
    join(base, 'schema/message-store.sql'),
    join(base, 'extensions/pgcrypto.sql'),
    join(base, 'tables/messages.sql'),
    ...named('install-functions.sh'),
    ...named('install-indexes.sh'),
  ];
}
