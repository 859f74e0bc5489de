import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { createTestDatabase } from '@rectify/testing';
import { migratePostgresEventStore } from './migrate-postgres-event-store';
import { PostgresEventStore } from './postgres-event-store';
import { readAllForReplayWith, readAllWith } from './event-reads';

describe('readAllForReplayWith (the rebuild reader)', () => {
  let pool: Pool;

  beforeAll(async () => {
    pool = new Pool({ connectionString: await createTestDatabase('replay_read'), max: 3 });
    await migratePostgresEventStore(pool);
  });

  afterAll(async () => {
    await pool.end();
  });

  it('delivers exactly what readAllWith delivers, page by page, in any session time zone', async () => {
    const store = new PostgresEventStore(pool);
    const times = ['2024-03-01T02:00:00.000Z', '1999-12-31T23:59:59.999Z', '2026-06-15T10:20:30.123Z', '2030-01-01T00:00:00.001Z'];
    for (const [i, at] of times.entries()) {
      await store.append(`thing-${randomUUID()}`, [{
        id: randomUUID(), type: 'ThingHappened', occurredAt: new Date(at), data: { i, text: 'Nguyễn Văn Ánh' },
        metadata: { actorId: 'admin-1', role: 'admin', unitId: null, commandId: randomUUID(), correlationId: randomUUID() },
      }], { expectedVersion: 0 });
    }
    // The horizon is server-wide: another database's open transaction may hold the events back a moment.
    let all = await readAllWith(pool);
    for (const deadline = Date.now() + 30_000; all.length < times.length && Date.now() < deadline; all = await readAllWith(pool)) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(all.map((e) => e.occurredAt.toISOString())).toEqual(times);
    expect(await readAllForReplayWith(pool)).toEqual(all);
    expect(await readAllForReplayWith(pool, { after: all[1].logPosition, limit: 2 })).toEqual(all.slice(2, 4));
    const client = await pool.connect();
    try {
      await client.query(`SET TIME ZONE 'Asia/Kolkata'`); // +05:30 offsets in the text form
      expect(await readAllForReplayWith(client)).toEqual(all);
    } finally {
      await client.query('RESET TIME ZONE');
      client.release();
    }
  });
});
