import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { PostgresEventStore, migratePostgresEventStore, untilReadable } from '@rectify/event-store';
import { createTestDatabase } from '@rectify/testing';
import { PortUsedGrounds } from './port-used-grounds';

/** Used grounds read through the port's readAll (KurrentDB mode), incrementally. */
describe('PortUsedGrounds', () => {
  let pool: Pool;
  let store: PostgresEventStore;

  beforeAll(async () => {
    pool = new Pool({ connectionString: await createTestDatabase('port_used_grounds'), max: 4 });
    await migratePostgresEventStore(pool);
    store = new PostgresEventStore(pool);
  });
  afterAll(() => pool.end());

  // Read through the port's readAll, which stops at the server-wide gap-free horizon: other test
  // databases' open transactions can hold a fresh append back, so each one waits until readable.
  const openCase = async (officialId: string, rule: string, grounds: string[]) => {
    const caseId = randomUUID();
    const { events: [opened] } = await store.append(`case-${caseId}`, [{
      id: randomUUID(), type: 'CaseOpened', occurredAt: new Date('2024-03-01T02:00:00Z'),
      data: { caseId, subject: { officialId, kind: 'official' }, origin: { kind: 'referral', rule }, grounds: grounds.map((id) => ({ id })), summary: 's' },
      metadata: { actorId: 'system:discipline', role: 'system', commandId: randomUUID(), correlationId: randomUUID() },
    }], { expectedVersion: 0 });
    await untilReadable(store, opened.logPosition);
  };

  it('counts the grounds of every CaseOpened per official and rule, including ones opened after the first read', async () => {
    const grounds = new PortUsedGrounds(store);
    const official = randomUUID();
    expect(await grounds.of(official, 'repeat_findings')).toEqual(new Set());
    await openCase(official, 'repeat_findings', ['finding:a', 'finding:b']);
    await openCase(official, 'consecutive_not_completed', ['evaluation:2023']);
    await openCase(randomUUID(), 'repeat_findings', ['finding:c']);
    expect(await grounds.of(official, 'repeat_findings')).toEqual(new Set(['finding:a', 'finding:b']));
    await openCase(official, 'repeat_findings', ['finding:b', 'finding:d']);
    expect(await grounds.of(official, 'repeat_findings')).toEqual(new Set(['finding:a', 'finding:b', 'finding:d']));
    expect(await grounds.of(official, 'consecutive_not_completed')).toEqual(new Set(['evaluation:2023']));
  });
});
