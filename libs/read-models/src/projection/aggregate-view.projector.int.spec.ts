import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { PostgresEventStore, migratePostgresEventStore, withTransaction, type NewEvent, type RecordedEvent } from '@rectify/event-store';
import { createTestDatabase } from '@rectify/testing';
import { migrateReadModels } from '../schema/read-model.schema';
import { readModelProjectors } from './read-model-projectors';

const event = (type: string, data: Record<string, unknown>): NewEvent => ({
  id: randomUUID(), type, data, occurredAt: new Date('2024-03-01T02:00:00Z'),
  metadata: { actorId: 'admin-1', role: 'admin', unitId: null, commandId: randomUUID(), correlationId: randomUUID() },
});

/** A view folds a batch that holds an aggregate's first event without reading its row; replays still change nothing. */
describe('AggregateViewProjector replays', () => {
  let pool: Pool;
  let store: PostgresEventStore;
  const units = () => readModelProjectors().find((p) => p.name === 'view:units')!;
  const row = async (unitId: string) => (await pool.query('SELECT version, head_official_id, state FROM rm_units WHERE id = $1', [unitId])).rows[0];
  const project = (events: readonly RecordedEvent[]) => withTransaction(pool, (tx) => units().project(events, tx));

  beforeAll(async () => {
    pool = new Pool({ connectionString: await createTestDatabase('aggregate_view_replays'), max: 2 });
    await migratePostgresEventStore(pool);
    await migrateReadModels(pool);
    store = new PostgresEventStore(pool);
  });
  afterAll(() => pool.end());

  it('keeps the newer row when a batch from version 1 is projected again, and folds on top of an older one', async () => {
    const unitId = randomUUID();
    await store.append(`unit-${unitId}`, [
      event('UnitCreated', { unitId, name: 'UBND phường Cửa Nam', code: null, kind: 'ward', parentUnitId: null, supervisingUnitId: null }),
      event('UnitHeadAppointed', { unitId, officialId: 'o-1', previousHeadOfficialId: null }),
      event('UnitHeadVacated', { unitId, officialId: 'o-1', reason: 'Điều chuyển' }),
    ], { expectedVersion: 0 });
    const all = await store.readStream(`unit-${unitId}`);

    await project(all.slice(0, 2));
    expect(await row(unitId)).toMatchObject({ version: 2, head_official_id: 'o-1' });
    await project(all);
    const latest = await row(unitId);
    expect(latest).toMatchObject({ version: 3, head_official_id: null });

    await project(all.slice(0, 2)); // from version 1 again: folded without the row, the newer row stays
    expect(await row(unitId)).toEqual(latest);
    await project(all.slice(1)); // without version 1: folded on the stored row
    expect(await row(unitId)).toEqual(latest);
  });
});
