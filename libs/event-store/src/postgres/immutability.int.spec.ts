import { createTestDatabase } from '@rectify/testing';
import { Pool } from 'pg';
import { newEvent } from '../contract/contract-fixtures';
import { migratePostgresEventStore } from './migrate-postgres-event-store';
import { PostgresEventStore } from './postgres-event-store';

describe('PostgreSQL event store schema', () => {
  let pool: Pool;

  beforeAll(async () => {
    pool = new Pool({ connectionString: await createTestDatabase('event_store_schema') });
    await Promise.all([1, 2, 3].map(() => migratePostgresEventStore(pool))); // concurrent boots
    await migratePostgresEventStore(pool); // and a later one
    const store = new PostgresEventStore(pool);
    await store.append('finding-1', [newEvent(), newEvent()], {
      expectedVersion: 0,
      command: { key: 'k-1', requestHash: 'h', response: () => ({ ok: true }) },
    });
  });
  afterAll(() => pool.end());

  it.each([
    ['UPDATE events SET type = $$Tampered$$', /events are immutable: UPDATE refused/],
    ['UPDATE events SET data = $${}$$ WHERE version = 2', /events are immutable: UPDATE refused/],
    ['DELETE FROM events', /events are immutable: DELETE refused/],
    ['TRUNCATE events CASCADE', /events are immutable: TRUNCATE refused/],
    ['UPDATE commands SET response = $$null$$', /commands are immutable: UPDATE refused/],
    ['DELETE FROM commands', /commands are immutable: DELETE refused/],
    ['TRUNCATE commands', /commands are immutable: TRUNCATE refused/],
  ])('refuses %s even through raw SQL', async (sql, message) => {
    await expect(pool.query(sql)).rejects.toThrow(message);
  });

  it('still holds every row afterwards', async () => {
    const events = await pool.query('SELECT type FROM events ORDER BY version');
    expect(events.rows.map((row) => row.type)).toEqual(['Something.Happened', 'Something.Happened']);
    const commands = await pool.query('SELECT key FROM commands');
    expect(commands.rows).toEqual([{ key: 'k-1' }]);
  });

  it('keeps the stream head in step with the events', async () => {
    const { rows } = await pool.query(
      `SELECT s.version, s.last_hash = e.hash AS chained FROM streams s
         JOIN events e ON e.stream_id = s.stream_id AND e.version = s.version`,
    );
    expect(rows).toEqual([{ version: 2, chained: true }]);
  });
});
