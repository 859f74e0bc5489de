import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { PostgresEventStore, migratePostgresEventStore } from '@rectify/event-store';
import { createTestDatabase } from '@rectify/testing';
import { migrateReadModels, readModelIndexes } from '../schema/read-model.schema';
import { AggregateViewProjector } from './aggregate-view.projector';
import { ProjectionRunner } from './projection-runner';
import { readModelProjectors } from './read-model-projectors';
import { findingView } from '../views/finding-view.definition';

/** A full rebuild drops the rm_* secondary indexes and builds them again; a crash in between heals. */
describe('read-model secondary indexes around a rebuild', () => {
  let pool: Pool;

  beforeAll(async () => {
    pool = new Pool({ connectionString: await createTestDatabase('view_indexes'), max: 6 });
    await migratePostgresEventStore(pool);
    await migrateReadModels(pool);
    const store = new PostgresEventStore(pool);
    const unitId = randomUUID();
    await store.append(`unit-${unitId}`, [{
      id: randomUUID(), type: 'UnitCreated', occurredAt: new Date('2024-03-01T02:00:00Z'),
      data: { unitId, name: 'UBND phường Kim Mã', code: null, kind: 'ward', parentUnitId: null, supervisingUnitId: null },
      metadata: { actorId: 'admin-1', role: 'admin', unitId: null, commandId: randomUUID(), correlationId: randomUUID() },
    }], { expectedVersion: 0 });
  });

  afterAll(async () => {
    await pool.end();
  });

  const indexNames = async () =>
    (await pool.query<{ indexname: string }>(`SELECT indexname FROM pg_indexes WHERE tablename LIKE 'rm\\_%' ORDER BY indexname`)).rows.map((r) => r.indexname);

  it('knows each table\'s secondary indexes from the schema (never the primary key)', () => {
    expect(readModelIndexes('rm_findings').length).toBe(4);
    expect(readModelIndexes('rm_finding_workflow').length).toBe(3);
    expect(readModelIndexes('rm_evaluations')).toEqual([]);
  });

  it('has every index back after a rebuild, and the same rows', async () => {
    const before = await indexNames();
    const runner = new ProjectionRunner({ pool, projectors: readModelProjectors() });
    await runner.catchUp();
    const rows = (await pool.query('SELECT id, version, state FROM rm_units ORDER BY id')).rows;
    await runner.rebuild();
    expect(await indexNames()).toEqual(before);
    expect((await pool.query('SELECT id, version, state FROM rm_units ORDER BY id')).rows).toEqual(rows);
  });

  it('projects without the indexes after a crash between drop and build, and start-up builds them again', async () => {
    const before = await indexNames();
    const projector = new AggregateViewProjector(findingView, readModelIndexes('rm_findings'));
    const tx = await pool.connect();
    try {
      await tx.query('BEGIN');
      await projector.dropIndexesForRebuild(tx);
      await tx.query('COMMIT');
    } finally {
      tx.release();
    }
    expect((await indexNames()).filter((n) => n.startsWith('rm_findings_'))).toEqual(['rm_findings_pkey']);
    await new ProjectionRunner({ pool, projectors: readModelProjectors() }).catchUp();
    await migrateReadModels(pool); // start-up
    expect(await indexNames()).toEqual(before);
  });
});
