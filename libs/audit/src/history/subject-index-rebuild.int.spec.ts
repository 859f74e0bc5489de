import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { PostgresEventStore, migratePostgresEventStore, type NewEvent } from '@rectify/event-store';
import { ProjectionRunner, migrateReadModels, readModelProjectors } from '@rectify/read-models';
import { createTestDatabase } from '@rectify/testing';
import { migrateAudit } from '../audit.schema';
import { auditProjectors } from '../audit-projectors';
import { digestDifferences, tableDigests } from '../digest/table-digest';
import { readHistory } from './history-query';
import { textArray } from './subject-event-writes';
import { SubjectIndexProjector } from './subject-index.projector';

const event = (type: string, data: Record<string, unknown>, actorId: string): NewEvent => ({
  id: randomUUID(), type, data, occurredAt: new Date(Date.UTC(2024, 2, 1)),
  metadata: { actorId, role: 'inspector', unitId: null, commandId: randomUUID(), correlationId: randomUUID() },
});

/** The subject index without its primary key during a rebuild, and with it again after — also after a crash. */
describe('subject index rebuild', () => {
  let pool: Pool;
  const officialId = randomUUID();
  const projectors = () => [...readModelProjectors(), ...auditProjectors()];
  const tables = projectors().flatMap((p) => p.tables);
  const hasKey = async () => (await pool.query(`SELECT 1 FROM pg_constraint WHERE conname = 'audit_subject_events_pkey'`)).rowCount === 1;

  beforeAll(async () => {
    pool = new Pool({ connectionString: await createTestDatabase('audit_subject_rebuild'), max: 6 });
    await migratePostgresEventStore(pool);
    await migrateReadModels(pool);
    await migrateAudit(pool);
    const store = new PostgresEventStore(pool);
    await store.append(`official-${officialId}`, [event('OfficialRegistered', { officialId, fullName: 'Trần Thị Bình' }, 'admin-1')], { expectedVersion: 0 });
    for (let i = 0; i < 40; i++) {
      const findingId = randomUUID();
      await store.append(`finding-${findingId}`, [
        event('FindingRecorded', { findingId, unitId: `unit-${i % 3}`, category: 'attitude', severity: 'minor', responsibleOfficialIds: [officialId] }, `inspector "${i % 2}"`),
        event('FindingAcknowledged', { findingId }, officialId),
      ], { expectedVersion: 0 });
    }
    await new ProjectionRunner({ pool, projectors: projectors(), batchSize: 7 }).catchUp();
  });

  afterAll(() => pool.end());

  it('writes text[] literals PostgreSQL reads back unchanged', async () => {
    const values = ['official', '8f2c0e1a-0000-4000-a000-000000000001', 'admin-1', 'NULL', 'null', '', 'a,b', '{x}', 'say "hi"', 'back\\slash', ' spaced ', 'Nguyễn'];
    const { rows } = await pool.query<{ values: string[] }>('SELECT $1::text[] AS values', [textArray(values)]);
    expect(rows[0].values).toEqual(values);
  });

  it('rebuilds every read model identically, the subject index built once with its primary key', async () => {
    const before = await tableDigests(pool, tables);
    const history = await readHistory(pool, { type: 'official', id: officialId });
    await new ProjectionRunner({ pool, projectors: projectors() }).rebuild(undefined, 9);
    expect(digestDifferences(before, await tableDigests(pool, tables))).toEqual([]);
    expect(await hasKey()).toBe(true);
    expect((await readHistory(pool, { type: 'official', id: officialId })).entries).toEqual(history.entries);
    expect(history.entries).toHaveLength(81);
  });

  it('restarts cleanly after a rebuild crashed between dropping the key and building it', async () => {
    const before = await tableDigests(pool, tables);
    // What a crash right after the reset leaves: an emptied index without its key, checkpoint at 0.
    const crashed = new ProjectionRunner({ pool, projectors: [new SubjectIndexProjector()] });
    const tx = await pool.connect();
    try {
      await tx.query('BEGIN');
      await tx.query(`TRUNCATE audit_subject_events, audit_stream_subjects`);
      await new SubjectIndexProjector().dropIndexesForRebuild(tx);
      await tx.query(`UPDATE subscription_checkpoints SET commit = '0', prepare = 0 WHERE name = 'audit:subjects'`);
      await tx.query('COMMIT');
    } finally {
      tx.release();
    }
    expect(await hasKey()).toBe(false);
    // The live subscription still projects correctly without the key…
    await crashed.catchUp();
    expect(digestDifferences(before, await tableDigests(pool, tables))).toEqual([]);
    // …and start-up (migrateAudit) puts the key back; so does the next rebuild.
    await migrateAudit(pool);
    expect(await hasKey()).toBe(true);
    await new ProjectionRunner({ pool, projectors: projectors() }).rebuild();
    expect(digestDifferences(before, await tableDigests(pool, tables))).toEqual([]);
    expect(await hasKey()).toBe(true);
  });
});
