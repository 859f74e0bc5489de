import { Pool } from 'pg';
import { createTestDatabase } from '@rectify/testing';
import { engineClient } from './support/engine-process';
import { startServiceProcess, until, type ServiceProcess } from './support/service-process';
import { remediationEventsPerStream } from './support/remediation-counts';
import { recordFindingsInNewWard } from './support/ward-with-findings';

/**
 * Replicas: two apps/workflow processes on one PostgreSQL, both polling timers and both
 * running the remediation process manager and projections. Timers are claimed with
 * FOR UPDATE SKIP LOCKED and fire as events with deterministic ids; subscriptions lock their
 * checkpoint row per batch. Every timer of every finding fires exactly once.
 */
jest.setTimeout(240_000);

const START = '2023-01-19T09:00:00+07:00';
const FINDINGS = 30;
/** Acknowledgement, 2 reminders, 3 escalation levels (overdue shares level 1's instant). */
const TIMERS_PER_FINDING = 6;

describe('services: two workflow replicas on one database', () => {
  let pool: Pool;
  const services: ServiceProcess[] = [];

  beforeAll(async () => {
    const databaseUrl = await createTestDatabase('services_replicas');
    pool = new Pool({ connectionString: databaseUrl, max: 2 });
    services.push(await startServiceProcess('inspection', databaseUrl, START));
    services.push(await startServiceProcess('workflow', databaseUrl, START));
    services.push(await startServiceProcess('workflow', databaseUrl, START));
  });
  afterAll(async () => {
    await Promise.all(services.map((s) => s.stop()));
    await pool?.end();
  });

  const count = async (type: string) =>
    Number((await pool.query(`SELECT count(*)::int AS n FROM events WHERE stream_id LIKE 'remediation-%' AND type = $1`, [type])).rows[0].n);

  it('fires every timer exactly once while both replicas poll and both are moved past every deadline', async () => {
    const [inspectionService, first, second] = services;
    const api = engineClient(inspectionService.base);
    await recordFindingsInNewWard(api, FINDINGS, START);
    await until('every remediation process to start', async () => (await count('RemediationStarted')) === FINDINGS);

    // Both replicas jump past every deadline at once: their pollers and their dev-clock drains compete for the same timers.
    const LATER = '2023-06-01T00:00:00+07:00';
    const moves = await Promise.all([first, second].map(async (w) => {
      const c = engineClient(w.base);
      return c.post('/dev/clock', await c.token('admin', 'admin-1'), { now: LATER });
    }));
    expect(moves.map((m) => m.status)).toEqual([200, 200]);
    await until('no timer left', async () => Number((await pool.query('SELECT count(*)::int AS n FROM workflow.workflow_timers')).rows[0].n) === 0);

    const exactly = await remediationEventsPerStream(pool, FINDINGS);
    exactly('RemediationStarted', 1);
    exactly('RemediationReminderIssued', 2);
    exactly('FindingMarkedOverdue', 1);
    exactly('FindingEscalated', 3);
    exactly('ProcessTimerFired', TIMERS_PER_FINDING);
    const doubled = await pool.query(`SELECT data->>'timerId' FROM events WHERE type = 'ProcessTimerFired' GROUP BY 1 HAVING count(*) > 1`);
    expect(doubled.rows).toEqual([]);
    const fired = moves.map((m) => m.body.firedTimers as number);
    process.stdout.write(`[replicas] dev-clock drains fired ${fired.join(' + ')} of ${FINDINGS * TIMERS_PER_FINDING} timers (the pollers fired the rest)\n`);
  });
});
