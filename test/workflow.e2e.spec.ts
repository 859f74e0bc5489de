import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { verifyWebhookSignature } from '@rectify/workflow';
import { startTestEngine, type TestEngine } from './support/test-engine';
import { workflowHelpers, type WorkflowOrg } from './support/workflow-fixture';

const SECRET = 'webhook-secret-0123456789';

/** Policy, extensions, delegation, inbox and the webhook channel over HTTP (manual clock, real calendar). */
describe('workflow endpoints', () => {
  let engine: TestEngine;
  let w: ReturnType<typeof workflowHelpers>;
  let org: WorkflowOrg;
  let admin: string;
  let webhook: Server;
  const received: { headers: Record<string, unknown>; body: string; status: number }[] = [];

  beforeAll(async () => {
    let calls = 0;
    webhook = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => (body += c));
      req.on('end', () => {
        const status = ++calls === 1 ? 500 : 204; // the first delivery fails: retried
        received.push({ headers: req.headers, body, status });
        res.writeHead(status).end();
      });
    });
    await new Promise<void>((r) => webhook.listen(0, '127.0.0.1', () => r()));
    const url = `http://127.0.0.1:${(webhook.address() as AddressInfo).port}/hook`;
    engine = await startTestEngine({ manualClockStart: '2023-03-06T09:00:00+07:00', env: { WEBHOOK_URL: url, WEBHOOK_SECRET: SECRET } });
    w = workflowHelpers(engine);
    admin = await engine.token('admin', 'admin-1');
    org = await w.organisation(admin);
  });
  afterAll(async () => {
    await engine?.close();
    delete process.env.WEBHOOK_URL;
    await new Promise((r) => webhook.close(r));
  });

  it('serves the default policy and records a new revision that applies to findings recorded afterwards', async () => {
    const before = await w.get('/policies/deadlines', admin).expect(200);
    expect(before.body).toMatchObject({ revision: 0, source: 'default', policy: { remediationWorkingDays: { major: 15 } } });
    const policy = { ...before.body.policy, rules: [{ severity: 'minor', unitKind: 'ward', remediationWorkingDays: 10 }] };
    const head = await engine.token('unit_head', org.wardHead);
    await engine.http.put('/api/v1/policies/deadlines').set('Authorization', `Bearer ${head}`).set('Idempotency-Key', 'p-0').send(policy).expect(403);
    const bad = await engine.http.put('/api/v1/policies/deadlines').set('Authorization', `Bearer ${admin}`).set('Idempotency-Key', 'p-1')
      .send({ ...policy, escalationWorkingDaysAfterDue: [0, 5] });
    expect(bad.status).toBe(400);
    const set = await engine.http.put('/api/v1/policies/deadlines').set('Authorization', `Bearer ${admin}`).set('Idempotency-Key', 'p-2').send(policy);
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({ revision: 1, source: 'configured' });
    const minor = await w.recordFinding(org, '2023-03-06T08:30:00+07:00', 'minor');
    expect((await w.get(`/findings/${minor}`, admin).expect(200)).body.dueDate).toBe('2023-03-20'); // Mon 6 Mar + 10 working days
  });

  it('extends on request of the unit head when the team lead grants it, up to the cap; delegates with history intact', async () => {
    const id = await w.recordFinding(org, '2023-03-06T08:30:00+07:00', 'critical'); // due Mon 13 Mar
    const head = await engine.token('unit_head', org.wardHead);
    const lead = await engine.token('team_lead', org.lead);
    await w.post(`/findings/${id}/acknowledgement`, head).expect(200);
    const asked = await w.post(`/findings/${id}/extension-requests`, head, { workingDays: 5, reason: 'Chờ thiết bị' });
    expect(asked.status).toBe(201);
    const { requestId } = asked.body;
    expect(asked.body.extensionRequests).toEqual([expect.objectContaining({ requestId, status: 'pending', requestedBy: org.wardHead })]);
    await w.post(`/findings/${id}/extension-requests`, head, { workingDays: 5, reason: 'again' }).expect(409);
    await w.post(`/findings/${id}/extension-requests/${requestId}/decision`, await engine.token('team_lead', org.otherLead), { granted: true, reason: 'ok' }).expect(403);
    await w.post(`/findings/${id}/extension-requests/${requestId}/decision`, lead, { granted: true, reason: 'Hợp lý' }).expect(200);
    await w.settle();
    expect((await w.get(`/findings/${id}`, admin).expect(200)).body).toMatchObject({ dueDate: '2023-03-20', overdue: false });

    for (let i = 0; i < 1; i++) {
      const again = await w.post(`/findings/${id}/extension-requests`, head, { workingDays: 2, reason: 'lần 2' }).expect(201);
      await w.post(`/findings/${id}/extension-requests/${again.body.requestId}/decision`, lead, { granted: true, reason: 'ok' }).expect(200);
    }
    const capped = await w.post(`/findings/${id}/extension-requests`, head, { workingDays: 2, reason: 'lần 3' });
    expect(capped.status).toBe(409);
    expect(capped.body.code).toBe('FINDING.EXTENSION_LIMIT_REACHED');

    const delegated = await w.post(`/findings/${id}/delegation`, lead, { toTeamId: org.otherTeam, reason: 'Đoàn quận làm rõ' });
    expect(delegated.status).toBe(200);
    expect(delegated.body.delegatedToTeamId).toBe(org.otherTeam);
    await w.post(`/findings/${id}/delegation`, lead, { toTeamId: org.ward, reason: 'x' }).expect(403); // no longer their team
    const events = (await w.get(`/findings/${id}/events`, admin).expect(200)).body.map((e: { type: string }) => e.type);
    expect(events).toEqual(expect.arrayContaining(['FindingRecorded', 'FindingExtensionDecided', 'FindingDelegated']));
  });

  it('lists the caller’s work in the inbox and signs, retries and records webhook deliveries', async () => {
    const id = await w.recordFinding(org, '2023-03-06T08:30:00+07:00', 'major');
    const inbox = await w.get('/inbox', await engine.token('unit_head', org.wardHead)).expect(200);
    expect(inbox.body.items.find((i: { findingId: string }) => i.findingId === id)).toMatchObject({ reasons: ['acknowledge'], escalationLevel: 0 });
    await w.moveClock(admin, '2023-03-09T00:00:00+07:00'); // past the acknowledgement deadline (end of Wed 8 Mar)
    const deadline = Date.now() + 20_000;
    while (!received.some((r) => r.status === 204)) {
      if (Date.now() > deadline) throw new Error(`no delivery: ${JSON.stringify(received)}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    const ok = received.find((r) => r.status === 204)!;
    expect(verifyWebhookSignature(SECRET, ok.headers['x-rectify-signature'] as string, ok.body)).toBe(true);
    expect(verifyWebhookSignature('wrong-secret-wrong', ok.headers['x-rectify-signature'] as string, ok.body)).toBe(false);
    expect(JSON.parse(ok.body)).toMatchObject({ type: 'NotificationRequested', kind: 'acknowledgement_overdue' });
    // The notification whose first attempt got the 500 is retried after its backoff and delivered.
    const retried = async () =>
      (await w.pool().query(
        `SELECT attempt, outcome, http_status FROM notification_delivery_attempts
          WHERE notification_id = (SELECT notification_id FROM notification_delivery_attempts WHERE outcome = 'failed' LIMIT 1) ORDER BY attempt`,
      )).rows;
    while ((await retried()).length < 2) {
      if (Date.now() > deadline) throw new Error(`no retry: ${JSON.stringify(await retried())}`);
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(await retried()).toEqual([{ attempt: 1, outcome: 'failed', http_status: 500 }, { attempt: 2, outcome: 'delivered', http_status: 204 }]);
    const outbox = await w.pool().query(`SELECT status, attempts FROM notification_outbox WHERE status <> 'delivered'`);
    expect(outbox.rows).toEqual([]);
  });

  it('refuses to move a real clock and to move the manual one backwards', async () => {
    const back = await w.post('/dev/clock', admin, { now: '2020-01-01T00:00:00Z' });
    expect(back.status).toBe(422);
    expect(back.body.code).toBe('CLOCK.BACKWARDS');
  });
});
