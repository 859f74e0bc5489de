import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import {
  KurrentDbCheckpointedSubscription, PostgresEventStore, migratePostgresEventStore, portOnly, untilReadable, type CheckpointedSubscriptionOptions,
} from '@rectify/event-store';
import { createTestDatabase } from '@rectify/testing';
import { migrateAudit } from '../audit.schema';
import { AUDIT_CHAIN_SUBSCRIPTION, AuditChainWitness } from './audit-chain.witness';
import { allCheckpoints } from './checkpoints';
import { AuditSigningKey } from './signing-key';

/**
 * The witness's `subscription` option (how the engine makes it follow KurrentDB), run without
 * KurrentDB: KurrentDbCheckpointedSubscription reads only the EventStore port, here a
 * PostgreSQL store reachable through the port alone; the ledger, the signed checkpoints and
 * the subscription checkpoint stay in PostgreSQL.
 */
describe('AuditChainWitness following the log through the EventStore port', () => {
  let pool: Pool;
  let store: PostgresEventStore;

  beforeAll(async () => {
    pool = new Pool({ connectionString: await createTestDatabase('audit_witness_port'), max: 6 });
    await migratePostgresEventStore(pool);
    await migrateAudit(pool);
    store = new PostgresEventStore(pool);
  });
  afterAll(() => pool.end());

  it('witnesses every event in log order, once, and signs a checkpoint every N events', async () => {
    const { port, logReads } = portOnly(store);
    const built: string[] = [];
    const witness = new AuditChainWitness({
      pool, key: new AuditSigningKey(generateKeyPairSync('ed25519').privateKey), now: () => new Date('2023-01-19T02:00:00Z'),
      everyEvents: 2, everyMs: 3_600_000,
      subscription: (options: CheckpointedSubscriptionOptions) => (built.push(options.name), new KurrentDbCheckpointedSubscription({ ...options, store: port })),
    });
    expect(built).toEqual([AUDIT_CHAIN_SUBSCRIPTION]);

    const streamId = `thing-${randomUUID()}`;
    const metadata = { actorId: 'test', role: 'system', commandId: randomUUID(), correlationId: randomUUID() };
    const appended = await port.append(streamId, [1, 2, 3].map((n) => ({ id: randomUUID(), type: 'Witnessed', data: { n }, occurredAt: new Date(), metadata })), { expectedVersion: 0 });
    await untilReadable(store, appended.events[2].logPosition);

    await witness.catchUp();
    await witness.catchUp(); // nothing new: nothing witnessed twice
    expect(logReads()).toBeGreaterThan(0);
    const ledger = await pool.query<{ event_id: string; seq: string }>('SELECT event_id, seq::text FROM audit_chain ORDER BY seq');
    expect(ledger.rows.map((r) => r.event_id)).toEqual(appended.events.map((e) => e.id));
    // At every 2nd event; the tail waits for everyMs, or for checkpointNow.
    expect((await allCheckpoints(pool)).map((c) => Number(c.eventCount))).toEqual([2]);
    await witness.checkpointNow();
    expect((await allCheckpoints(pool)).map((c) => Number(c.eventCount))).toEqual([2, 3]);
    expect(await witness.subscription.status()).toMatchObject({ name: AUDIT_CHAIN_SUBSCRIPTION, lagging: false, failedAttempts: 0 });
  });
});
