import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import type { EventMetadata, NewEvent } from '@rectify/event-store';
import { PostgresEventStore, migratePostgresEventStore } from '@rectify/event-store';
import { createTestDatabase } from '@rectify/testing';
import { migrateReadModels } from '../schema/read-model.schema';
import { ProjectionRunner } from './projection-runner';
import { readModelProjectors } from './read-model-projectors';
import type { Projector } from './projector';

const meta = (role: string): EventMetadata => ({
  actorId: 'admin-1',
  role,
  unitId: null,
  commandId: randomUUID(),
  correlationId: randomUUID(),
});

const event = (type: string, data: Record<string, unknown>, role = 'admin'): NewEvent => ({
  id: randomUUID(),
  type,
  data,
  metadata: meta(role),
  occurredAt: new Date('2024-03-01T02:00:00Z'),
});

describe('read-model projections on a real PostgreSQL', () => {
  let pool: Pool;
  let store: PostgresEventStore;

  beforeAll(async () => {
    pool = new Pool({ connectionString: await createTestDatabase('projections'), max: 6 });
    await migratePostgresEventStore(pool);
    await migrateReadModels(pool);
    store = new PostgresEventStore(pool);
  });

  afterAll(async () => {
    await pool.end();
  });

  async function seedFinding(): Promise<{ unitId: string; findingId: string }> {
    const unitId = randomUUID();
    await store.append(
      `unit-${unitId}`,
      [event('UnitCreated', { unitId, name: 'UBND phường Kim Mã', code: null, kind: 'ward', parentUnitId: null, supervisingUnitId: null })],
      { expectedVersion: 0 },
    );
    const findingId = randomUUID();
    await store.append(
      `finding-${findingId}`,
      [
        event(
          'FindingRecorded',
          {
            findingId,
            inspectionId: randomUUID(),
            unitId,
            category: 'equipment',
            severity: 'minor',
            title: 'Máy lấy số thứ tự hỏng',
            description: 'Không hoạt động',
            responsibleOfficialIds: [],
            evidence: [],
            observedAt: '2024-03-01T02:00:00.000Z',
          },
          'inspector',
        ),
        event('FindingAcknowledged', { findingId }, 'unit_head'),
      ],
      { expectedVersion: 0 },
    );
    return { unitId, findingId };
  }

  const snapshot = async () =>
    (await pool.query(`SELECT id, version, state, status, unit_id FROM rm_findings ORDER BY id`)).rows.concat(
      (await pool.query(`SELECT id, version, state, name FROM rm_units ORDER BY id`)).rows,
    );

  it('folds each aggregate with the domain evolve and keeps filter columns', async () => {
    const { unitId, findingId } = await seedFinding();
    const runner = new ProjectionRunner({ pool, projectors: readModelProjectors() });
    await runner.catchUp();
    const { rows } = await pool.query(`SELECT * FROM rm_findings WHERE id = $1`, [findingId]);
    expect(rows[0]).toMatchObject({ version: 2, status: 'acknowledged', unit_id: unitId, severity: 'minor' });
    expect(rows[0].state).toMatchObject({ status: 'acknowledged', title: 'Máy lấy số thứ tự hỏng' });
    const unit = await pool.query(`SELECT name, kind FROM rm_units WHERE id = $1`, [unitId]);
    expect(unit.rows[0]).toEqual({ name: 'UBND phường Kim Mã', kind: 'ward' });
  });

  it('rebuilds from position 0 into identical read models', async () => {
    await seedFinding();
    const runner = new ProjectionRunner({ pool, projectors: readModelProjectors() });
    await runner.catchUp();
    const before = await snapshot();
    const progress: string[] = [];
    await runner.rebuild((p) => progress.push(`${p.projection}:${p.phase}`));
    expect(await snapshot()).toEqual(before);
    expect(progress).toContain('view:findings:caught-up');
    expect(progress.indexOf('view:findings:indexing')).toBeLessThan(progress.indexOf('view:findings:caught-up'));
    expect(progress.indexOf('view:findings:indexing')).toBeGreaterThan(progress.indexOf('view:findings:cleared'));
  });

  it('keeps other projections going when one throws, and reports the failing event', async () => {
    const broken: Projector = {
      name: 'view:broken',
      tables: [],
      eventTypes: ['FindingAcknowledged'],
      async project(events) {
        if (events.some((e) => e.type === 'FindingAcknowledged')) throw new Error('projector bug');
      },
    };
    const runner = new ProjectionRunner({ pool, projectors: [broken, ...readModelProjectors()], pollIntervalMs: 20 });
    const { findingId } = await seedFinding();
    await runner.start();
    try {
      await waitFor(async () => (await pool.query(`SELECT 1 FROM rm_findings WHERE id = $1 AND version = 2`, [findingId])).rowCount === 1);
      const status = await runner.statusOf('view:broken');
      await waitFor(async () => (await runner.statusOf('view:broken')).failedAttempts > 0);
      const failed = await runner.statusOf('view:broken');
      expect(failed.lastError).toMatch(/projector bug/);
      expect(failed.errorPosition).not.toBeNull();
      expect(status.name).toBe('view:broken');
    } finally {
      await runner.stop();
    }
  });
});

async function waitFor(condition: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
