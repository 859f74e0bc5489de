import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { PostgresEventStore, migratePostgresEventStore, type NewEvent } from '@rectify/event-store';
import { ProjectionRunner, migrateReadModels } from '@rectify/read-models';
import { createTestDatabase } from '@rectify/testing';
import { migrateAudit } from '../audit.schema';
import { auditProjectors } from '../audit-projectors';
import { readHistory } from './history-query';

const event = (type: string, data: Record<string, unknown>, day: number): NewEvent => ({
  id: randomUUID(),
  type,
  data,
  metadata: { actorId: 'admin-1', role: 'admin', unitId: null, commandId: randomUUID(), correlationId: randomUUID() },
  occurredAt: new Date(Date.UTC(2024, 2, day)),
});

describe('readHistory pages', () => {
  let pool: Pool;
  const officialId = randomUUID();

  beforeAll(async () => {
    pool = new Pool({ connectionString: await createTestDatabase('audit_history_page') });
    await migratePostgresEventStore(pool);
    await migrateReadModels(pool);
    await migrateAudit(pool);
    const store = new PostgresEventStore(pool);
    await store.append(`official-${officialId}`, [event('OfficialRegistered', { officialId, fullName: 'Trần Thị Bình' }, 1)], { expectedVersion: 0 });
    for (let i = 0; i < 6; i++) {
      const findingId = randomUUID();
      await store.append(`finding-${findingId}`, [event('FindingRecorded', { findingId, unitId: 'unit-1', category: 'attitude', severity: 'minor', responsibleOfficialIds: [officialId] }, 2 + i)], { expectedVersion: 0 });
    }
    await new ProjectionRunner({ pool, projectors: auditProjectors() }).catchUp();
  });

  afterAll(() => pool.end());

  it('walks the whole history page by page with nextCursor, in position order, nothing twice', async () => {
    const whole = await readHistory(pool, { type: 'official', id: officialId });
    expect(whole.entries).toHaveLength(7);
    expect(whole.nextCursor).toBeNull();
    const seen: string[] = [];
    let after: string | undefined;
    for (;;) {
      const page = await readHistory(pool, { type: 'official', id: officialId }, {}, { limit: 3, after });
      seen.push(...page.entries.map((e) => e.position));
      expect(page.lastHash).toBe(page.entries.at(-1)?.hash ?? null);
      if (!page.nextCursor) break;
      expect(page.entries).toHaveLength(3);
      after = page.nextCursor;
    }
    expect(seen).toEqual(whole.entries.map((e) => e.position));
  });

  it('applies the filters before the limit', async () => {
    const page = await readHistory(pool, { type: 'official', id: officialId }, { kind: 'finding', from: new Date(Date.UTC(2024, 2, 4)) }, { limit: 2 });
    expect(page.entries.map((e) => e.occurredAt)).toEqual(['2024-03-04T00:00:00.000Z', '2024-03-05T00:00:00.000Z']);
    expect(page.nextCursor).toBe(page.entries[1].position);
  });
});
