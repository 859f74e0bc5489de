import { createTestDatabase } from '@rectify/testing';
import { Pool } from 'pg';
import { newEvent, waitFor } from '../contract/contract-fixtures';
import { migratePostgresEventStore } from '../postgres/migrate-postgres-event-store';
import { PostgresEventStore } from '../postgres/postgres-event-store';
import { lockCheckpoint, ensureCheckpoint } from './checkpoint-store';
import { PgNotificationWakeUp } from './event-wake-up';

/** The wake-up path: one LISTEN per pool, wakes by type, held-back events, xid-free checkpoint lock. */
describe('PgNotificationWakeUp', () => {
  let pool: Pool;
  let store: PostgresEventStore;
  const started: PgNotificationWakeUp[] = [];

  beforeAll(async () => {
    pool = new Pool({ connectionString: await createTestDatabase('event_store_wake_up') });
    await migratePostgresEventStore(pool);
    store = new PostgresEventStore(pool);
  });
  afterEach(async () => void (await Promise.all(started.splice(0).map((w) => w.stop()))));
  afterAll(() => pool.end());

  async function wakeUp(): Promise<PgNotificationWakeUp> {
    const created = new PgNotificationWakeUp(pool);
    await created.start();
    started.push(created);
    return created;
  }

  function counter(source: PgNotificationWakeUp, types?: string[]): { count: number } {
    const seen = { count: 0 };
    source.onWake(() => void seen.count++, types ? { types } : undefined);
    return seen;
  }

  async function append(type: string): Promise<void> {
    await store.append(`wake-${type}-${Math.random()}`, [newEvent(type)], { expectedVersion: 'any' });
  }

  /** Connections held out of the pool: only the LISTEN connection in these tests. */
  function listeningConnections(): number {
    return pool.totalCount - pool.idleCount;
  }

  it('wakes only the listeners interested in a type that became readable; no interest = every type', async () => {
    const source = await wakeUp();
    const a = counter(source, ['Wake.A']);
    const b = counter(source, ['Wake.B']);
    const any = counter(source);
    const [a0, b0, any0] = [a.count, b.count, any.count];
    await append('Wake.A');
    await waitFor('the Wake.A listener', () => a.count > a0 && any.count > any0);
    expect(b.count).toBe(b0);
    await append('Wake.B');
    await waitFor('the Wake.B listener', () => b.count > b0);
  });

  it('shares one LISTEN connection between the wake-ups of one pool, and closes it with the last', async () => {
    const first = await wakeUp();
    const second = await wakeUp();
    expect(listeningConnections()).toBe(1);
    const one = counter(first, ['Wake.Shared']);
    const two = counter(second, ['Wake.Shared']);
    await append('Wake.Shared');
    await waitFor('both wake-ups', () => one.count > 0 && two.count > 0);
    await first.stop();
    expect(listeningConnections()).toBe(1);
    await second.stop();
    await waitFor('the LISTEN connection to close', () => listeningConnections() === 0);
  });

  it('wakes once events held back by an older open transaction pass the horizon, with no further NOTIFY', async () => {
    const source = await wakeUp();
    const seen = counter(source, ['Wake.Held']);
    const blocker = await pool.connect();
    try {
      await blocker.query('BEGIN');
      await blocker.query('SELECT pg_current_xact_id()'); // an older transaction holding an xid
      await append('Wake.Held'); // committed (and notified), but behind the horizon
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(seen.count).toBe(0);
      await blocker.query('COMMIT');
      await waitFor('the wake-up once the horizon passed the event', () => seen.count > 0);
    } finally {
      blocker.release();
    }
  });

  it('locks a checkpoint without taking a transaction id (which would hold back every reader), one holder at a time', async () => {
    await ensureCheckpoint(pool, 'wake-lock');
    const first = await pool.connect();
    const second = await pool.connect();
    try {
      await first.query('BEGIN');
      await lockCheckpoint(first, 'wake-lock');
      const { rows } = await first.query<{ xid: string | null }>('SELECT pg_current_xact_id_if_assigned()::text AS xid');
      expect(rows[0].xid).toBeNull();
      await second.query('BEGIN');
      let secondHasIt = false;
      const waiting = lockCheckpoint(second, 'wake-lock').then(() => { secondHasIt = true; });
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(secondHasIt).toBe(false);
      await first.query('COMMIT');
      await waiting;
      expect(secondHasIt).toBe(true);
      await second.query('COMMIT');
    } finally {
      first.release();
      second.release();
    }
  });
});
