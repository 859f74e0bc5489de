import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import type { Pool } from 'pg';
import { EVENT_STORE, KurrentDbCheckpointedSubscription, portOnly, untilReadable, type CheckpointedSubscriptionOptions, type EventStore } from '@rectify/event-store';
import { createTestDatabase } from '@rectify/testing';
import type { AuditChainWitness } from '@rectify/audit';
import type { ProjectionRunner } from '@rectify/read-models';
import type { WorkflowRuntime } from '@rectify/workflow';
import { AuditController } from '../audit/audit.controller';
import { AUDIT_CHAIN_WITNESS } from '../audit/audit.tokens';
import type { EngineConfig } from '../config';
import { PG_POOL } from '../database';
import { EngineModule } from '../engine.module';
import { CodedHttpException } from '../http/coded-http.exception';
import { WORKFLOW_RUNTIME } from '../workflow/workflow.tokens';
import { LOG_FOLLOWING, PROJECTION_RUNNER } from './event-sourcing.tokens';
import type { LogFollowing } from './event-store-selection';

/**
 * The wiring KurrentDB mode relies on, run on PostgreSQL: LOG_FOLLOWING (what openEventStore
 * returns for KurrentDB) is replaced by subscriptions over the EventStore port, and the whole
 * engine must build every checkpointed consumer it owns from it — read-model and audit
 * projections, the process managers, the discipline reactions, the notification dispatcher and
 * the witness.
 */
describe('the engine following the log through LOG_FOLLOWING', () => {
  let app: INestApplication;
  const built: string[] = [];
  let logReads = () => 0;

  beforeAll(async () => {
    Object.assign(process.env, { DEMO_SEED: 'false', CLOCK: 'system', WEBHOOK_URL: 'http://127.0.0.1:9/hook', WEBHOOK_SECRET: 'log-following-secret' });
    const config: EngineConfig = {
      nodeEnv: 'test', port: 0, host: '127.0.0.1', databaseUrl: await createTestDatabase('log_following'),
      dataDir: mkdtempSync(join(tmpdir(), 'rectify-follow-')), embeddedPgPort: 54329,
      auth: { mode: 'dev', devTokenSecret: 'log-following-secret-log-following-00' }, bodyLimit: '100kb', logLevel: 'error',
    };
    const moduleRef = await Test.createTestingModule({ imports: [EngineModule.register({ config })] })
      .overrideProvider(LOG_FOLLOWING)
      .useFactory({
        inject: [EVENT_STORE],
        factory: (store: EventStore): LogFollowing => {
          const only = portOnly(store);
          logReads = only.logReads;
          return {
            subscription: (options: CheckpointedSubscriptionOptions) => {
              built.push(options.name);
              return new KurrentDbCheckpointedSubscription({ ...options, store: only.port });
            },
            wakeUp: { onWake: () => () => undefined },
          };
        },
      })
      .compile();
    app = moduleRef.createNestApplication({ logger: false });
    await app.init();
  });
  afterAll(async () => {
    await app?.close();
    delete process.env.WEBHOOK_URL;
    delete process.env.WEBHOOK_SECRET;
  });

  it('builds projections, process managers, notifications and the witness from it', async () => {
    expect(built).toEqual(expect.arrayContaining([
      'view:units', 'view:findings', 'view:finding-workflow', 'audit:subjects', 'report:figures',
      'process:remediation', 'process:discipline-reactions', 'notifications:outbox', 'audit:chain',
    ]));

    const unitId = randomUUID();
    const { events: [created] } = await app.get<EventStore>(EVENT_STORE).append(`unit-${unitId}`, [{
      id: randomUUID(), type: 'UnitCreated', occurredAt: new Date('2024-03-01T02:00:00Z'),
      data: { unitId, name: 'UBND phường Kim Mã', code: null, kind: 'ward', parentUnitId: null, supervisingUnitId: null },
      metadata: { actorId: 'admin-1', role: 'admin', unitId: null, commandId: randomUUID(), correlationId: randomUUID() },
    }], { expectedVersion: 0 });
    await untilReadable(app.get<EventStore>(EVENT_STORE), created.logPosition);
    const before = logReads();
    await app.get<ProjectionRunner>(PROJECTION_RUNNER).catchUp();
    await app.get<WorkflowRuntime>(WORKFLOW_RUNTIME).catchUp();
    await app.get<AuditChainWitness>(AUDIT_CHAIN_WITNESS).catchUp();
    expect(logReads()).toBeGreaterThan(before);

    const pool = app.get<Pool>(PG_POOL);
    expect((await pool.query('SELECT name FROM rm_units WHERE id = $1', [unitId])).rows).toEqual([{ name: 'UBND phường Kim Mã' }]);
    expect((await pool.query(`SELECT count(*)::int AS n FROM audit_chain WHERE stream_id = $1`, [`unit-${unitId}`])).rows[0].n).toBe(1);
  });

  it('refuses audit verification, which reads PostgreSQL\'s events table, rather than report on a table without the events', async () => {
    const refused = app.get(AuditController).verification();
    await expect(refused).rejects.toBeInstanceOf(CodedHttpException);
    await expect(refused).rejects.toMatchObject({ status: 501, response: { code: 'AUDIT.VERIFICATION_NEEDS_POSTGRES_EVENTS' } });
  });
});
