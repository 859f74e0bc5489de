import { Pool } from 'pg';
import { createTestDatabase } from '@rectify/testing';
import { engineClient, startEngineProcess, type EngineProcess } from './support/engine-process';
import { remediationEventsPerStream } from './support/remediation-counts';
import { recordFindingsInNewWard } from './support/ward-with-findings';

/**
 * Crash safety of timers, proven on the real engine process: SIGKILL while due timers fire
 * and escalations are written, restart, and a second engine on the same database — every due
 * reminder and escalation happens exactly once.
 */
const FINDINGS = 160;
/**
 * Timer firings per finding: acknowledgement, 2 reminders, 3 escalation levels. (The overdue
 * timer shares level 1's instant; level 1 fires first and marks the finding overdue.)
 */
const TIMERS_PER_FINDING = 6;
/** The firing at which the first engine kills itself (RECTIFY_CRASH_AT), before its round commits. */
const CRASH_AT_FIRING = 500;

jest.setTimeout(180_000);

describe('timers survive SIGKILL and run exactly once across engines', () => {
  let pool: Pool;
  let databaseUrl: string;
  const engines: EngineProcess[] = [];

  beforeAll(async () => {
    databaseUrl = await createTestDatabase('workflow_crash');
    pool = new Pool({ connectionString: databaseUrl, max: 3 });
  });
  afterAll(async () => {
    await Promise.all(engines.map((e) => e.kill()));
    await pool.end();
  });

  const count = async (type: string) =>
    Number((await pool.query(`SELECT count(*)::int AS n FROM events WHERE stream_id LIKE 'remediation-%' AND type = $1`, [type])).rows[0].n);

  async function until(what: string, condition: () => Promise<boolean>, timeoutMs = 60_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!(await condition())) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  it('fires every due timer exactly once after a SIGKILL mid-firing and with two engines', async () => {
    // The first engine kills itself (SIGKILL) once 500 timers have fired, inside a poller round
    // that has not committed (rounds of 10 findings, 6 timers each): the rounds before it are on
    // disk, the rounds in flight are lost whole.
    const first = await startEngineProcess(databaseUrl, '2023-01-19T09:00:00+07:00', { RECTIFY_CRASH_AT: `timer-fired=${CRASH_AT_FIRING}`, WORKFLOW_TIMER_BATCH: '10' });
    engines.push(first);
    const api = engineClient(first.base);
    const admin = await api.token('admin', 'admin-1');
    await recordFindingsInNewWard(api, FINDINGS, '2023-01-19T08:30:00+07:00');
    await until('every process to start', async () => (await count('RemediationStarted')) === FINDINGS);

    // Jump past every deadline: the engine fires due timers until its crash point kills it.
    const jump = api.post('/dev/clock', admin, { now: '2023-06-01T00:00:00+07:00' }).catch(() => null);
    expect(await first.exited).toBe('SIGKILL');
    await jump;
    const atKill = { fired: await count('ProcessTimerFired'), escalations: await count('FindingEscalated') };
    expect(atKill.fired).toBeGreaterThan(0);
    expect(atKill.fired).toBeLessThan(CRASH_AT_FIRING); // the round in flight was lost whole
    expect(Number((await pool.query('SELECT count(*)::int AS n FROM workflow_timers')).rows[0].n)).toBeGreaterThan(0);

    // Two engines on the same database, both at the new time: one drains on request, the other's poller fires too.
    const second = await startEngineProcess(databaseUrl, '2023-06-01T00:00:00+07:00');
    const third = await startEngineProcess(databaseUrl, '2023-06-01T00:00:00+07:00');
    engines.push(second, third);
    const drained = await engineClient(second.base).post('/dev/clock', await engineClient(second.base).token('admin', 'admin-1'), { now: '2023-06-01T00:00:00+07:00' });
    expect(drained.status).toBe(200);
    await until('no timer left', async () => Number((await pool.query('SELECT count(*)::int AS n FROM workflow_timers')).rows[0].n) === 0);

    const exactly = await remediationEventsPerStream(pool, FINDINGS);
    exactly('RemediationStarted', 1);
    exactly('AcknowledgementOverdue', 1);
    exactly('RemediationReminderIssued', 2);
    exactly('FindingMarkedOverdue', 1);
    exactly('FindingEscalated', 3);
    exactly('FindingReferredToDisciplinaryBoard', 1);
    exactly('NotificationRequested', 6);
    exactly('ProcessTimerFired', TIMERS_PER_FINDING);
    const doubled = await pool.query(
      `SELECT data->>'timerId' FROM events WHERE type = 'ProcessTimerFired' GROUP BY 1 HAVING count(*) > 1`,
    );
    expect(doubled.rows).toEqual([]);
    process.stdout.write(`[crash test] crashed at firing ${CRASH_AT_FIRING} with ${atKill.fired}/${FINDINGS * TIMERS_PER_FINDING} timer firings committed (${atKill.escalations} escalations); the rest fired once after restart\n`);
    await Promise.all([second.stop(), third.stop()]);
  });
});
