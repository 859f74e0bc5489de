import { randomUUID } from 'node:crypto';
import { Pool } from 'pg';
import { PostgresEventStore, migratePostgresEventStore, type NewEvent } from '@rectify/event-store';
import { ProjectionRunner, migrateReadModels } from '@rectify/read-models';
import { createTestDatabase } from '@rectify/testing';
import { migrateAudit } from '../audit.schema';
import { readHistory } from './history-query';
import { SubjectIndexProjector, streamsWithEarlierSubjects } from './subject-index.projector';

const event = (type: string, data: Record<string, unknown>, actorId: string): NewEvent => ({
  id: randomUUID(), type, data, occurredAt: new Date(Date.UTC(2024, 2, 1)),
  metadata: { actorId, role: 'inspector', unitId: null, commandId: randomUUID(), correlationId: randomUUID() },
});

/** Subjects a stream named in an earlier batch still concern its later events; registry streams inherit nothing. */
describe('SubjectIndexProjector across batches', () => {
  let pool: Pool;
  let store: PostgresEventStore;

  beforeAll(async () => {
    pool = new Pool({ connectionString: await createTestDatabase('audit_subject_batches'), max: 4 });
    await migratePostgresEventStore(pool);
    await migrateReadModels(pool); // history names actors from rm_officials
    await migrateAudit(pool);
    store = new PostgresEventStore(pool);
  });
  afterAll(() => pool.end());

  it('gives a finding\'s later events, projected one batch each, to the officials and unit its first event named', async () => {
    const [officialId, unitId, findingId] = [randomUUID(), randomUUID(), randomUUID()];
    await store.append(`official-${officialId}`, [event('OfficialRegistered', { officialId, unitId }, 'admin-1')], { expectedVersion: 0 });
    await store.append(`finding-${findingId}`, [event('FindingRecorded', { findingId, unitId, responsibleOfficialIds: [officialId] }, 'inspector-a')], { expectedVersion: 0 });
    await store.append(`finding-${findingId}`, [event('FindingAcknowledged', { findingId }, 'head-b')], { expectedVersion: 1 });
    await store.append(`finding-${findingId}`, [event('FindingClosed', { findingId }, 'head-b')], { expectedVersion: 2 });
    await store.append(`official-${officialId}`, [event('OfficialTransferred', { officialId, toUnitId: randomUUID() }, 'admin-1')], { expectedVersion: 1 });
    await new ProjectionRunner({ pool, projectors: [new SubjectIndexProjector()], batchSize: 1 }).catchUp();

    const official = await readHistory(pool, { type: 'official', id: officialId });
    expect(official.entries.map((e) => [e.type, e.relation])).toEqual([
      ['OfficialRegistered', 'subject'], ['FindingRecorded', 'subject'], ['FindingAcknowledged', 'subject'], ['FindingClosed', 'subject'], ['OfficialTransferred', 'subject'],
    ]);
    // The unit named by the official's registration is not inherited by the official's later events.
    const unit = await readHistory(pool, { type: 'unit', id: unitId });
    expect(unit.entries.map((e) => e.type)).toEqual(['OfficialRegistered', 'FindingRecorded', 'FindingAcknowledged', 'FindingClosed']);
  });

  it('looks up earlier subjects only for streams that began before the batch and are not registry streams', async () => {
    const recorded = (streamId: string, version: number) => ({ streamId, version }) as Parameters<typeof streamsWithEarlierSubjects>[0][number];
    expect(streamsWithEarlierSubjects([
      recorded('finding-1', 1), recorded('finding-1', 2), recorded('finding-2', 3), recorded('finding-2', 4),
      recorded('official-9', 2), recorded('unit-4', 7), recorded('case-5', 2),
    ])).toEqual(['finding-2', 'case-5']);
  });
});
