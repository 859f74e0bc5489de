import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import type { Pool, PoolClient } from 'pg';
import request from 'supertest';
import { PROCESS_TIMER_FIRED } from '@rectify/domain';
import { EVENT_STORE, KurrentDbCheckpointedSubscription, portOnly, untilReadable, type EventStore, type PortOnly } from '@rectify/event-store';
import { createTestDatabase } from '@rectify/testing';
import { CLOCK, applyEventBatch, claimDueTimers, fireTimer, portProcessEventLog, type ManualClock, type WorkflowRuntime } from '@rectify/workflow';
import { BUSINESS_CALENDAR_SOURCE, type BusinessCalendarSource } from '../../calendar/calendar.tokens';
import type { EngineConfig } from '../../config';
import { PG_POOL } from '../../database';
import { EngineModule } from '../../engine.module';
import { LOG_FOLLOWING, OPENED_EVENT_STORE } from '../../event-sourcing/event-sourcing.tokens';
import type { LogFollowing, OpenedEventStore } from '../../event-sourcing/event-store-selection';
import { createValidationPipe } from '../../http/validation.pipe';
import { WORKFLOW_RUNTIME } from '../workflow.tokens';
import { remediationProcessManager } from './remediation.process-manager';

/**
 * KurrentDB mode's process-event path, run on PostgreSQL: with LOG_FOLLOWING set, the remediation
 * process reads its history and the registry and appends RemediationStarted, ProcessTimerFired,
 * NotificationRequested, FindingMarkedOverdue and FindingEscalated through the EventStore port
 * (counted by a wrapper around EVENT_STORE). A crash between a port append and the PostgreSQL
 * commit (the step run in a transaction that is rolled back) is replayed: each event once.
 */
describe('the remediation process writing through the EventStore port (LOG_FOLLOWING)', () => {
  let app: INestApplication;
  let appends: PortOnly['appends'] = [];

  beforeAll(async () => {
    Object.assign(process.env, { DEMO_SEED: 'false', CLOCK: 'manual', CLOCK_START: '2023-01-19T09:00:00+07:00' });
    const config: EngineConfig = {
      nodeEnv: 'test', port: 0, host: '127.0.0.1', databaseUrl: await createTestDatabase('remediation_port'),
      dataDir: mkdtempSync(join(tmpdir(), 'rectify-port-')), embeddedPgPort: 54329,
      auth: { mode: 'dev', devTokenSecret: 'remediation-port-secret-remediation-0' }, bodyLimit: '100kb', logLevel: 'error',
    };
    const moduleRef = await Test.createTestingModule({ imports: [EngineModule.register({ config })] })
      .overrideProvider(EVENT_STORE)
      .useFactory({ inject: [OPENED_EVENT_STORE], factory: (opened: OpenedEventStore): EventStore => {
        const only = portOnly(opened.store);
        appends = only.appends;
        return only.port;
      } })
      .overrideProvider(LOG_FOLLOWING)
      .useFactory({
        inject: [EVENT_STORE],
        factory: (store: EventStore): LogFollowing => ({
          subscription: (options) => new KurrentDbCheckpointedSubscription({ ...options, store }),
          wakeUp: { onWake: () => () => undefined },
        }),
      })
      .compile();
    app = moduleRef.createNestApplication({ logger: false });
    app.setGlobalPrefix('api/v1', { exclude: ['health'] });
    app.useGlobalPipes(createValidationPipe());
    await app.init();
    await runtime().stop(); // driven by hand below: catchUp and fireDueTimers
  });
  afterAll(async () => {
    await app?.close();
    process.env.CLOCK = 'system';
    process.env.CLOCK_START = '';
  });

  const runtime = () => app.get<WorkflowRuntime>(WORKFLOW_RUNTIME);
  const store = () => app.get<EventStore>(EVENT_STORE);
  const http = () => request(app.getHttpServer());
  let seq = 0;
  async function created(path: string, token: string, body: object): Promise<string> {
    const response = await http().post(`/api/v1${path}`).set('Authorization', `Bearer ${token}`).set('Idempotency-Key', `k-${++seq}`).send(body);
    if (response.status !== 201 && response.status !== 200) throw new Error(`${path}: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body.id as string;
  }
  const token = async (role: string, sub: string) => (await http().post('/api/v1/dev/token').send({ sub, role }).expect(200)).body.accessToken as string;

  /** The step run in a transaction that is then rolled back: a crash after the port append, before the commit. */
  async function crashBeforeCommit(step: (tx: PoolClient) => Promise<unknown>): Promise<void> {
    const tx = await app.get<Pool>(PG_POOL).connect();
    try {
      await tx.query('BEGIN');
      await step(tx);
    } finally {
      await tx.query('ROLLBACK');
      tx.release();
    }
  }

  it('appends every remediation event through the port, exactly once across crashes', async () => {
    const admin = await token('admin', 'admin-1');
    const team = await created('/units', admin, { name: 'Đoàn kiểm tra công vụ thành phố', kind: 'inspection_team' });
    const district = await created('/units', admin, { name: 'Quận Ba Đình', kind: 'district' });
    const ward = await created('/units', admin, { name: 'UBND phường Điện Biên', kind: 'ward', parentUnitId: district });
    const inspectorId = await created('/officials', admin, { fullName: 'Trần Thị Mai Anh', unitId: team, position: 'x' });
    const wardHead = await created('/officials', admin, { fullName: 'Mai Xuân Trường', unitId: ward, position: 'x' });
    const districtHead = await created('/officials', admin, { fullName: 'Lý Văn Thành', unitId: district, position: 'x' });
    const clerk = await created('/officials', admin, { fullName: 'Phan Thị Yến', unitId: ward, position: 'x' });
    await created(`/units/${ward}/head`, admin, { officialId: wardHead });
    await created(`/units/${district}/head`, admin, { officialId: districtHead });
    const inspector = await token('inspector', inspectorId);
    const inspection = await created('/inspections', inspector, { kind: 'surprise', unitId: ward, teamId: team, startedAt: '2023-01-19T08:30:00+07:00', memberIds: [inspectorId] });
    const findingId = await created(`/inspections/${inspection}/findings`, inspector, {
      category: 'procedure_posting', severity: 'major', title: 'Thủ tục hành chính không được niêm yết đầy đủ',
      description: 'Bộ phận một cửa chưa niêm yết 12 thủ tục mới.', observedAt: '2023-01-19T08:30:00+07:00', responsibleOfficialIds: [clerk],
    });
    const stream = `remediation-${findingId}`;
    const processEvents = () => store().readStream(stream);
    const clock = app.get<ManualClock>(CLOCK);
    const calendars = app.get<BusinessCalendarSource>(BUSINESS_CALENDAR_SOURCE);
    const pm = remediationProcessManager({ clock, calendar: () => calendars.current(), registryStore: store() });
    const log = portProcessEventLog(store());

    // The subscription's batch appended RemediationStarted through the port, then its transaction was lost.
    const recorded = (await store().readStream(`finding-${findingId}`)).filter((e) => e.type === 'FindingRecorded');
    await crashBeforeCommit((tx) => applyEventBatch(tx, pm, recorded, { now: clock.now(), log }));
    expect((await processEvents()).map((e) => e.type)).toEqual(['RemediationStarted']);
    await untilReadable(store(), (await processEvents())[0].logPosition);
    await runtime().catchUp(); // the replay finds it and restores the timer rows
    expect((await processEvents()).map((e) => e.type)).toEqual(['RemediationStarted']);
    expect((await runtime().timerStatus()).pending).toBeGreaterThan(0);

    // Past every deadline: the first due timer fires through the port, then its transaction is lost.
    clock.set(new Date('2023-06-01T00:00:00+07:00'));
    await crashBeforeCommit(async (tx) => {
      const [row] = (await claimDueTimers(tx, clock.now(), 100, ['remediation'])).filter((r) => r.streamId === stream);
      expect((await fireTimer(tx, pm, row, { now: clock.now(), log })).outcome).toBe('decided');
    });
    const afterCrash = (await processEvents()).length;
    expect(afterCrash).toBeGreaterThan(1);
    await runtime().fireDueTimers();
    await untilReadable(store(), (await processEvents()).at(-1)!.logPosition);
    await runtime().catchUp();

    const events = await processEvents();
    const types = events.map((e) => e.type);
    const count = (type: string) => types.filter((t) => t === type).length;
    expect(new Set(events.map((e) => e.id)).size).toBe(events.length);
    const timerIds = events.filter((e) => e.type === PROCESS_TIMER_FIRED).map((e) => String(e.data.timerId));
    expect(new Set(timerIds).size).toBe(timerIds.length);
    expect(count('RemediationStarted')).toBe(1);
    expect(count(PROCESS_TIMER_FIRED)).toBe(6); // acknowledgement, 2 reminders, 3 escalation levels
    expect(count('NotificationRequested')).toBe(6);
    expect(count('FindingEscalated')).toBe(3);
    expect(count('FindingMarkedOverdue')).toBe(1);
    expect((await runtime().timerStatus()).pending).toBe(0);
    // Every one of them came through the port: no process event reached the store any other way.
    const viaPort = appends.filter((a) => a.streamId === stream);
    expect(viaPort.length).toBeGreaterThanOrEqual(2);
    expect(viaPort.reduce((n, a) => n + a.events, 0)).toBe(events.length);
    const before = events.length;
    await runtime().catchUp();
    expect((await processEvents()).length).toBe(before);
  });
});
