import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { CheckpointedSubscription, PostgresEventStore, migratePostgresEventStore, type CheckpointedSubscriptionOptions } from '@rectify/event-store';
import { createTestDatabase } from '@rectify/testing';
import { migrateReadModels } from '../schema/read-model.schema';
import { ProjectionRunner } from './projection-runner';
import { readModelProjectors } from './read-model-projectors';

/**
 * The subscription factory option (how the engine feeds projections from KurrentDB): every
 * projector gets a subscription from the factory, with its name and handler, and catch-up,
 * status and rebuild (per-projector reset + catch-up) go through it.
 */
describe('ProjectionRunner with a subscription factory', () => {
  let pool: Pool;
  let store: PostgresEventStore;

  beforeAll(async () => {
    pool = new Pool({ connectionString: await createTestDatabase('projection_factory'), max: 4 });
    await migratePostgresEventStore(pool);
    await migrateReadModels(pool);
    store = new PostgresEventStore(pool);
  });
  afterAll(() => pool.end());

  it('builds each projection from the factory and projects through it, rebuild included', async () => {
    const created: string[] = [];
    const runner = new ProjectionRunner({
      pool,
      projectors: readModelProjectors(),
      subscription: (options: CheckpointedSubscriptionOptions) => {
        created.push(options.name);
        return new CheckpointedSubscription(options);
      },
    });
    expect(created).toEqual(runner.names());

    const unitId = randomUUID();
    await store.append(`unit-${unitId}`, [{
      id: randomUUID(), type: 'UnitCreated', occurredAt: new Date('2024-03-01T02:00:00Z'),
      data: { unitId, name: 'UBND phường Kim Mã', code: null, kind: 'ward', parentUnitId: null, supervisingUnitId: null },
      metadata: { actorId: 'admin-1', role: 'admin', unitId: null, commandId: randomUUID(), correlationId: randomUUID() },
    }], { expectedVersion: 0 });

    await runner.catchUp();
    const names = async () => (await pool.query('SELECT name FROM rm_units WHERE id = $1', [unitId])).rows.map((r) => r.name);
    expect(await names()).toEqual(['UBND phường Kim Mã']);

    await runner.rebuild();
    expect(await names()).toEqual(['UBND phường Kim Mã']);
    expect((await runner.statusOf(runner.names()[0])).failedAttempts).toBe(0);
  });
});
