import { Pool } from 'pg';
import { CheckpointedSubscription, migratePostgresEventStore } from '@rectify/event-store';
import { migrateReadModels } from '@rectify/read-models';
import { createTestDatabase } from '@rectify/testing';
import { PUBLIC_SEARCH_PATH, assertServiceSchemaName, prepareServiceSchema, serviceSearchPath } from './service-schema';

/**
 * A service's pool resolves its own schema first, then public: its migrations, read models and
 * checkpoints land in its schema even when public (an all-in-one engine on the same database)
 * already has them, and the event store is still found in public.
 */
describe('service schemas', () => {
  let url: string;
  let publicPool: Pool;
  const pools: Pool[] = [];
  const servicePool = (schema: string) => {
    const pool = new Pool({ connectionString: url, max: 2, options: serviceSearchPath(schema) });
    pools.push(pool);
    return pool;
  };
  const tablesOf = async (schema: string) =>
    (await publicPool.query<{ t: string }>('SELECT table_name AS t FROM information_schema.tables WHERE table_schema = $1 ORDER BY 1', [schema])).rows.map((r) => r.t);

  beforeAll(async () => {
    url = await createTestDatabase('service_schema');
    publicPool = new Pool({ connectionString: url, max: 2, options: PUBLIC_SEARCH_PATH });
    await migratePostgresEventStore(publicPool);
    await migrateReadModels(publicPool); // an all-in-one engine ran here before
  });
  afterAll(async () => {
    await Promise.all(pools.map((p) => p.end()));
    await publicPool.end();
  });

  it('gives each service its own migrations, read models and checkpoints', async () => {
    await prepareServiceSchema(publicPool, 'inspection');
    await prepareServiceSchema(publicPool, 'inspection'); // idempotent
    const inspection = servicePool('inspection');
    await migrateReadModels(inspection);
    expect(await tablesOf('inspection')).toEqual(expect.arrayContaining(['rectify_schema_versions', 'rm_findings', 'subscription_checkpoints']));
    expect(await tablesOf('inspection')).not.toContain('events');

    const subscription = new CheckpointedSubscription({ name: 'view:probe', pool: inspection, handle: async () => undefined });
    await subscription.catchUp(); // reads public.events, checkpoints in inspection
    const count = async (table: string) => Number((await publicPool.query(`SELECT count(*) AS n FROM ${table} WHERE name = 'view:probe'`)).rows[0].n);
    expect(await count('inspection.subscription_checkpoints')).toBe(1);
    expect(await count('public.subscription_checkpoints')).toBe(0);
  });

  it('adds to a service\'s checkpoint table the columns the event store\'s gained since', async () => {
    await prepareServiceSchema(publicPool, 'audit');
    await publicPool.query('ALTER TABLE public.subscription_checkpoints ADD COLUMN IF NOT EXISTS probe_note text DEFAULT \'x\'');
    try {
      await prepareServiceSchema(publicPool, 'audit');
      const { rows } = await publicPool.query(`SELECT column_default FROM information_schema.columns WHERE table_schema = 'audit' AND table_name = 'subscription_checkpoints' AND column_name = 'probe_note'`);
      expect(rows).toEqual([{ column_default: "'x'::text" }]);
    } finally {
      await publicPool.query('ALTER TABLE public.subscription_checkpoints DROP COLUMN probe_note');
    }
  });

  it('refuses schema names that are not plain identifiers, public or pg_*', () => {
    for (const bad of ['public', 'pg_audit', 'Audit', 'a b', 'a;drop', '']) expect(() => assertServiceSchemaName(bad)).toThrow(/cannot be a service schema/);
    expect(serviceSearchPath('workflow')).toBe('-c search_path=workflow,public');
  });
});
