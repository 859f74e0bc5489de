import { Pool, type PoolClient } from 'pg';
import { withTransaction } from '@rectify/event-store';
import { createTestDatabase } from '@rectify/testing';
import { migrateAudit } from '../audit.schema';
import { subjectIndexKeyPresent, writeSubjectEvents, type SubjectEventRows } from './subject-event-writes';

/** Both ways of writing the subject index (INSERT with the key, COPY during a rebuild) store the same rows. */
describe('writeSubjectEvents', () => {
  let pool: Pool;
  const awkward = ['tab\there', 'back\\slash', 'new\nline', 'carriage\rreturn', '\\N', 'Nguyễn Văn "A"', 'a,b{c}', ''];
  const rows = (from: number, count: number): SubjectEventRows => {
    const made: SubjectEventRows = { types: [], ids: [], positions: [], relations: [] };
    for (let i = 0; i < count; i++) {
      made.types.push(i % 3 === 0 ? 'unit' : 'official');
      made.ids.push(i < awkward.length ? awkward[i] : `official-${i % 17}`);
      made.positions.push(String(from + i));
      made.relations.push(i % 4 === 0 ? 'actor' : 'subject');
    }
    return made;
  };
  const stored = async () => (await pool.query(
    `SELECT subject_type, subject_id, global_position::text, relation FROM audit_subject_events ORDER BY audit_subject_events.global_position`,
  )).rows.map((r) => [r.subject_type, r.subject_id, r.global_position, r.relation]);
  const expected = (r: SubjectEventRows) => r.types.map((type, i) => [type, r.ids[i], r.positions[i], r.relations[i]]);
  const inTransaction = (work: (tx: PoolClient) => Promise<void>) => withTransaction(pool, work);

  beforeAll(async () => {
    pool = new Pool({ connectionString: await createTestDatabase('audit_subject_writes'), max: 2 });
    await migrateAudit(pool);
  });
  afterAll(() => pool.end());
  beforeEach(() => pool.query('TRUNCATE audit_subject_events'));

  it('with the key: inserts, and a batch written twice adds nothing', async () => {
    expect(await subjectIndexKeyPresent(pool)).toBe(true);
    const batch = rows(1, 600);
    await inTransaction((tx) => writeSubjectEvents(tx, batch));
    await inTransaction((tx) => writeSubjectEvents(tx, batch));
    expect(await stored()).toEqual(expected(batch));
  });

  it('without the key (a rebuild): copies large batches, every value read back unchanged', async () => {
    await pool.query('ALTER TABLE audit_subject_events DROP CONSTRAINT audit_subject_events_pkey');
    try {
      const large = rows(1, 600);
      const small = rows(601, 10);
      await inTransaction(async (tx) => {
        await writeSubjectEvents(tx, large);
        await writeSubjectEvents(tx, small);
      });
      expect(await stored()).toEqual([...expected(large), ...expected(small)]);
    } finally {
      await pool.query('TRUNCATE audit_subject_events');
      await migrateAudit(pool); // puts the key back
    }
    expect(await subjectIndexKeyPresent(pool)).toBe(true);
  });

  it('rolls a failed copy back with its transaction, leaving the connection usable', async () => {
    await pool.query('ALTER TABLE audit_subject_events DROP CONSTRAINT audit_subject_events_pkey');
    try {
      const broken = rows(1, 600);
      broken.positions[599] = 'not-a-number';
      const tx = await pool.connect();
      try {
        await tx.query('BEGIN');
        await expect(writeSubjectEvents(tx, broken)).rejects.toThrow(/bigint/);
        await tx.query('ROLLBACK');
        expect((await tx.query('SELECT 1 AS ok')).rows).toEqual([{ ok: 1 }]);
      } finally {
        tx.release();
      }
      expect(await stored()).toEqual([]);
    } finally {
      await migrateAudit(pool);
    }
  });
});
