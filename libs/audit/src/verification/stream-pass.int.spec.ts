import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { PostgresEventStore, migratePostgresEventStore, type NewEvent } from '@rectify/event-store';
import { createTestDatabase } from '@rectify/testing';
import { verifyStreams } from './stream-pass';
import { IssueCollector } from './verification.types';

const event = (type: string, data: Record<string, unknown>, at: string): NewEvent => ({
  id: randomUUID(),
  type,
  data,
  metadata: { actorId: 'admin-1', role: 'admin', unitId: null, commandId: randomUUID(), correlationId: randomUUID(), reason: 'Lý do: kiểm tra' },
  occurredAt: new Date(at),
});

/** The stream pass answers the same with its content hashing in worker threads as in process. */
describe('verifyStreams in worker threads and in process', () => {
  let pool: Pool;

  beforeAll(async () => {
    pool = new Pool({ connectionString: await createTestDatabase('audit_stream_pass'), max: 6 });
    await migratePostgresEventStore(pool);
    const store = new PostgresEventStore(pool);
    for (let i = 0; i < 30; i++) {
      const unitId = randomUUID();
      await store.append(`unit-${unitId}`, [
        event('UnitCreated', { unitId, name: `UBND phường ${i} "Kim Mã"`, nested: { z: [1, 2.5, null], a: true } }, '2024-03-01T02:00:00.123Z'),
        event('UnitRenamed', { unitId, name: `Phường ${i}` }, '2024-03-02T02:00:00Z'),
      ], { expectedVersion: 0 });
    }
  });

  afterAll(() => pool.end());

  const run = async (workers: number) => {
    const issues = new IssueCollector();
    const counts = await verifyStreams(pool, issues, 60, { workers });
    return { counts, issues: issues.sorted() };
  };

  it('verifies an untouched store with 0 and 2 workers alike', async () => {
    const inProcess = await run(0);
    expect(inProcess).toEqual({ counts: { events: 60, streams: 30 }, issues: [] });
    expect(await run(2)).toEqual(inProcess);
    // Four ranges split stream 8 (positions 15 and 16) between two workers: joined, it is whole.
    expect(await run(4)).toEqual(inProcess);
  });

  it('names the same changed event with 0 and 2 workers', async () => {
    const { rows } = await pool.query<{ global_position: string }>('SELECT global_position::text FROM events ORDER BY events.global_position OFFSET 41 LIMIT 1');
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      await client.query('SET LOCAL session_replication_role = replica');
      await client.query(`UPDATE events SET data = jsonb_set(data, '{name}', '"Phường X"') WHERE global_position = $1`, [rows[0].global_position]);
      await client.query('COMMIT');
    } finally {
      client.release();
    }
    const inProcess = await run(0);
    expect(inProcess.issues).toEqual([expect.objectContaining({ kind: 'content-changed', position: rows[0].global_position })]);
    expect(await run(2)).toEqual(inProcess);
  });

  it('names the same deleted events, inside a range and across two, with 0 and 4 workers', async () => {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      await client.query('SET LOCAL session_replication_role = replica');
      await client.query('DELETE FROM events WHERE global_position IN (16, 29)');
      await client.query('COMMIT');
    } finally {
      client.release();
    }
    const inProcess = await run(0);
    expect(inProcess.issues).toEqual(expect.arrayContaining([
      expect.objectContaining({ kind: 'event-missing', position: '30', version: 2 }),
      expect.objectContaining({ kind: 'event-missing', position: null, version: 2 }),
    ]));
    expect(await run(4)).toEqual(inProcess);
  });
});
