import { createPublicKey, verify } from 'node:crypto';
import { Client } from 'pg';
import type { WorkflowRuntime } from '@rectify/workflow';
import { AUDIT_CHAIN_WITNESS } from '../apps/engine/src/audit';
import { DisciplineReactions } from '../apps/engine/src/discipline/referrals/discipline-reactions';
import { WORKFLOW_RUNTIME } from '../apps/engine/src/workflow/workflow.tokens';
import { checkpointMessage, computeEventHashForTest } from './support/audit-tamper';
import { startTestEngine, type TestEngine } from './support/test-engine';

describe('audit trail verification: four ways of tampering, each named at its exact first position', () => {
  let engine: TestEngine;
  let auditor: string;
  let db: Client;
  let seq = 0;

  const get = (path: string, token: string) => engine.http.get(`/api/v1${path}`).set('Authorization', `Bearer ${token}`);
  const post = (path: string, token: string, body: object) =>
    engine.http.post(`/api/v1${path}`).set('Authorization', `Bearer ${token}`).set('Idempotency-Key', `k-${++seq}`).send(body);
  const verification = async () => (await get('/audit/verification', auditor).expect(200)).body;

  /** Runs SQL as the superuser with every trigger off (what a rogue administrator could do). */
  async function asSuperuser(work: (client: Client) => Promise<void>): Promise<void> {
    await db.query('BEGIN');
    try {
      await db.query('SET LOCAL session_replication_role = replica');
      await work(db);
      await db.query('COMMIT');
    } catch (error) {
      await db.query('ROLLBACK');
      throw error;
    }
  }

  /** Tampers, checks, and always puts the store back (so each case starts from an intact store). */
  async function tampered(tamper: () => Promise<void>, check: () => Promise<void>, restore: () => Promise<void>): Promise<void> {
    await tamper();
    try {
      await check();
    } finally {
      await restore();
    }
    expect((await verification()).status).toBe('ok');
  }

  const eventAt = async (where: string, params: unknown[] = []) =>
    (await db.query(`SELECT global_position::text AS position, event_id::text AS id, stream_id, version, transaction_id::text AS xid FROM events WHERE ${where} ORDER BY global_position LIMIT 1`, params)).rows[0];

  beforeAll(async () => {
    // A manual clock just after the findings: no remediation timer falls due, so no process
    // appends anything once everything has caught up (the witness must end with the log).
    engine = await startTestEngine({ manualClockStart: '2023-01-27T10:00:00+07:00', env: { AUDIT_CHECKPOINT_EVERY_EVENTS: '4' } });
    db = new Client({ connectionString: engine.databaseUrl });
    await db.connect();
    const admin = await engine.token('admin', 'admin-1');
    auditor = await engine.token('auditor', 'auditor-1');
    const unit = async (name: string, kind: string) => (await post('/units', admin, { name, kind }).expect(201)).body.id as string;
    const team = await unit('Đoàn kiểm tra công vụ thành phố', 'inspection_team');
    const ward = await unit('UBND phường Kim Mã', 'ward');
    await unit('UBND phường Điện Biên', 'ward');
    const official = async (fullName: string, unitId: string) => (await post('/officials', admin, { fullName, unitId, position: 'Chuyên viên' }).expect(201)).body.id as string;
    const inspectorId = await official('Lê Minh Cường', team);
    const headId = await official('Nguyễn Văn An', ward);
    await post(`/units/${ward}/head`, admin, { officialId: headId }).expect(200);
    const inspector = await engine.token('inspector', inspectorId);
    const inspection = (await post('/inspections', inspector, { kind: 'surprise', unitId: ward, teamId: team, startedAt: '2023-01-27T08:00:00+07:00', memberIds: [inspectorId] }).expect(201)).body.id;
    const head = await engine.token('unit_head', headId);
    for (const title of ['Máy lấy số thứ tự hỏng', 'Thủ tục không niêm yết đủ']) {
      const finding = (await post(`/inspections/${inspection}/findings`, inspector, {
        category: 'equipment', severity: 'minor', title, description: 'Mô tả', observedAt: '2023-01-27T09:30:00+07:00', responsibleOfficialIds: [headId],
      }).expect(201)).body.id;
      await post(`/findings/${finding}/acknowledgement`, head, {}).expect(200);
    }
    await engine.catchUp();
    await engine.app.get<WorkflowRuntime>(WORKFLOW_RUNTIME).catchUp();
    await engine.app.get(DisciplineReactions).catchUp();
    await engine.catchUp();
    const witness = engine.app.get<{ catchUp(): Promise<void>; checkpointNow(): Promise<void>; stop(): Promise<void> }>(AUDIT_CHAIN_WITNESS);
    await witness.catchUp();
    await witness.checkpointNow();
    // The ledger is now fixed: stop the live witness so it cannot record a forged event in the
    // moment between a tamper and its restore (that would make the next test's store differ).
    await witness.stop();
  });

  afterAll(async () => {
    await db?.end();
    await engine?.close();
  });

  it('verifies an untouched store as OK, every event witnessed and every checkpoint signed', async () => {
    const report = await verification();
    expect(report).toMatchObject({ status: 'ok', firstBroken: null, issueCount: 0 });
    expect(report.eventsChecked).toBeGreaterThanOrEqual(10);
    expect(report.witnessedEvents).toBe(report.eventsChecked);
    expect(report.checkpointsChecked).toBeGreaterThanOrEqual(2);
  });

  it('publishes signed checkpoints that an outside party verifies with the public key alone', async () => {
    const { publicKey, keyId, algorithm } = (await engine.http.get('/api/v1/audit/public-key').expect(200)).body;
    expect(algorithm).toBe('Ed25519');
    const checkpoints = (await get('/audit/checkpoints', auditor).expect(200)).body;
    expect(checkpoints.length).toBeGreaterThanOrEqual(2);
    for (const c of checkpoints) {
      expect(c.keyId).toBe(keyId);
      const message = checkpointMessage(c);
      expect(verify(null, message, createPublicKey(publicKey), Buffer.from(c.signature, 'base64'))).toBe(true);
    }
    const unitHead = await engine.token('unit_head', 'head-x');
    await get('/audit/checkpoints', unitHead).expect(403);
  });

  it('names a changed byte in an event’s data (trigger disabled) at its position', async () => {
    const target = await eventAt(`type = 'FindingRecorded'`);
    const original = (await db.query(`SELECT data FROM events WHERE global_position = $1`, [target.position])).rows[0].data;
    await tampered(
      () => asSuperuser(async (c) => void (await c.query(`UPDATE events SET data = jsonb_set(data, '{title}', to_jsonb('Máy lấy số thứ tự hỏnG'::text)) WHERE global_position = $1`, [target.position]))),
      async () => {
        const report = await verification();
        expect(report.status).toBe('broken');
        expect(report.firstBroken).toMatchObject({ kind: 'content-changed', position: target.position, streamId: target.stream_id, eventId: target.id });
      },
      () => asSuperuser(async (c) => void (await c.query(`UPDATE events SET data = $2 WHERE global_position = $1`, [target.position, original]))),
    );
  });

  it('names a changed byte in an event’s metadata at its position', async () => {
    const target = await eventAt(`type = 'FindingAcknowledged'`);
    await tampered(
      () => asSuperuser(async (c) => void (await c.query(`UPDATE events SET metadata = jsonb_set(metadata, '{role}', '"admin"') WHERE global_position = $1`, [target.position]))),
      async () => expect((await verification()).firstBroken).toMatchObject({ kind: 'content-changed', position: target.position, eventId: target.id }),
      () => asSuperuser(async (c) => void (await c.query(`UPDATE events SET metadata = jsonb_set(metadata, '{role}', '"unit_head"') WHERE global_position = $1`, [target.position]))),
    );
  });

  it('names a deleted event at the position it was witnessed at', async () => {
    const target = await eventAt(`type = 'FindingAcknowledged'`);
    const row = (await db.query(`SELECT * FROM events WHERE global_position = $1`, [target.position])).rows[0];
    await tampered(
      () => asSuperuser(async (c) => void (await c.query(`DELETE FROM events WHERE global_position = $1`, [target.position]))),
      async () => {
        const report = await verification();
        expect(report.firstBroken).toMatchObject({ kind: 'event-missing', position: target.position, streamId: target.stream_id, version: target.version, eventId: target.id });
      },
      () => asSuperuser((c) => reinsert(c, [row])),
    );
  });

  it('names a deleted event in the middle of a stream at its position', async () => {
    const target = await eventAt(`stream_id LIKE 'unit-%' AND version = 1 AND stream_id IN (SELECT stream_id FROM events WHERE version = 2)`);
    const row = (await db.query(`SELECT * FROM events WHERE global_position = $1`, [target.position])).rows[0];
    await tampered(
      () => asSuperuser(async (c) => void (await c.query(`DELETE FROM events WHERE global_position = $1`, [target.position]))),
      async () => {
        const report = await verification();
        expect(report.firstBroken).toMatchObject({ kind: 'event-missing', position: target.position, eventId: target.id });
        expect(report.issues.some((i: { kind: string; detail: string }) => i.kind === 'event-missing' && /version 1 of stream unit-/.test(i.detail))).toBe(true);
      },
      () => asSuperuser((c) => reinsert(c, [row])),
    );
  });

  it('names an inserted event, even one forged with a valid hash and a consistent stream head', async () => {
    const last = (await db.query(`SELECT e.*, encode(e.hash, 'hex') AS hex FROM events e WHERE type = 'FindingAcknowledged' ORDER BY global_position DESC LIMIT 1`)).rows[0];
    const early = await eventAt('true');
    const forged = {
      id: '6f1c7c5e-3b1a-4a57-9d7e-0f4d8c1e2a33', streamId: last.stream_id, version: last.version + 1, type: 'FindingClosed', schemaVersion: 1,
      data: { findingId: last.data.findingId, selfCertified: false }, metadata: last.metadata,
      occurredAt: last.occurred_at, recordedAt: last.recorded_at, prevHash: last.hex,
    };
    const hash = computeEventHashForTest(forged);
    let position = '';
    await tampered(
      () => asSuperuser(async (c) => {
        // Dated into the witnessed past: an old transaction id puts it before the witness head in log order.
        const inserted = await c.query(
          `INSERT INTO events (transaction_id, event_id, stream_id, version, type, schema_version, data, metadata, occurred_at, recorded_at, prev_hash, hash)
           VALUES ($1::text::xid8, $2, $3, $4, $5, 1, $6, $7, $8, $9, decode($10, 'hex'), decode($11, 'hex')) RETURNING global_position::text AS position`,
          [early.xid, forged.id, forged.streamId, forged.version, forged.type, forged.data, forged.metadata, forged.occurredAt, forged.recordedAt, forged.prevHash, hash]);
        position = inserted.rows[0].position;
        await c.query(`UPDATE streams SET version = $2, last_hash = decode($3, 'hex') WHERE stream_id = $1`, [forged.streamId, forged.version, hash]);
      }),
      async () => expect((await verification()).firstBroken).toMatchObject({ kind: 'event-inserted', position, eventId: forged.id, streamId: forged.streamId }),
      () => asSuperuser(async (c) => {
        await c.query(`DELETE FROM events WHERE event_id = $1`, [forged.id]);
        await c.query(`UPDATE streams SET version = $2, last_hash = $3 WHERE stream_id = $1`, [last.stream_id, last.version, last.hash]);
      }),
    );
  });

  it('names an inserted event appended behind the store’s back (stream head not moved) at its position', async () => {
    const last = (await db.query(`SELECT e.*, encode(e.hash, 'hex') AS hex FROM events e ORDER BY global_position DESC LIMIT 1`)).rows[0];
    let position = '';
    await tampered(
      () => asSuperuser(async (c) => {
        const inserted = await c.query(
          `INSERT INTO events (event_id, stream_id, version, type, schema_version, data, metadata, occurred_at, recorded_at, prev_hash, hash)
           VALUES (gen_random_uuid(), $1, $2, 'FindingClosed', 1, '{}', $3, now(), now(), $4, $4) RETURNING global_position::text AS position`,
          [last.stream_id, last.version + 1, last.metadata, last.hash]);
        position = inserted.rows[0].position;
      }),
      async () => expect((await verification()).firstBroken).toMatchObject({ kind: 'content-changed', position, streamId: last.stream_id }),
      () => asSuperuser(async (c) => void (await c.query(`DELETE FROM events WHERE global_position = $1`, [position]))),
    );
  });

  it('names reordered events (two positions swapped across streams) at the first swapped position', async () => {
    const a = await eventAt(`type = 'InspectionOpened'`);
    const b = await eventAt(`type = 'FindingAcknowledged'`);
    const rows = (await db.query(`SELECT * FROM events WHERE global_position IN ($1, $2) ORDER BY global_position`, [a.position, b.position])).rows;
    await tampered(
      () => asSuperuser(async (c) => {
        await c.query(`DELETE FROM events WHERE global_position IN ($1, $2)`, [a.position, b.position]);
        await reinsert(c, [{ ...rows[0], global_position: b.position }, { ...rows[1], global_position: a.position }]);
      }),
      async () => {
        const report = await verification();
        expect(report.firstBroken).toMatchObject({ kind: 'event-reordered', position: a.position, eventId: b.id });
        expect(report.issues.some((i: { position: string; kind: string }) => i.position === b.position && i.kind === 'event-reordered')).toBe(true);
      },
      () => asSuperuser(async (c) => {
        await c.query(`DELETE FROM events WHERE global_position IN ($1, $2)`, [a.position, b.position]);
        await reinsert(c, rows);
      }),
    );
  });

  it('refuses verification to roles other than auditor and admin', async () => {
    await get('/audit/verification', await engine.token('inspector', 'i-1')).expect(403);
    await get('/audit/verification', await engine.token('admin', 'admin-1')).expect(200);
  });
});

/** Puts rows back exactly as they were (position, transaction id, hashes). */
async function reinsert(client: Client, rows: Array<Record<string, unknown>>): Promise<void> {
  for (const r of rows) {
    await client.query(
      `INSERT INTO events
         (global_position, transaction_id, event_id, stream_id, version, type, schema_version, data, metadata, occurred_at, recorded_at, prev_hash, hash)
       OVERRIDING SYSTEM VALUE VALUES ($1, $2::text::xid8, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
      [r.global_position, String(r.transaction_id), r.event_id, r.stream_id, r.version, r.type, r.schema_version, r.data, r.metadata, r.occurred_at,
        r.recorded_at, r.prev_hash, r.hash]);
  }
}
