import { randomUUID } from 'node:crypto';
import { GENESIS_HASH, computeEventHash } from '../hashing/event-hash';
import { compareLogPositions } from '../log-position';
import { ids, metadata, newEvent, readAllUntil, sleep, streamName, type StoreRef } from './contract-fixtures';

export function readContract(store: StoreRef): void {
  describe('readStream', () => {
    it('reads a version range', async () => {
      const stream = streamName();
      const events = [newEvent(), newEvent(), newEvent(), newEvent()];
      await store().append(stream, events, { expectedVersion: 0 });
      expect(ids(await store().readStream(stream, { fromVersion: 2 }))).toEqual(ids(events.slice(1)));
      expect(ids(await store().readStream(stream, { toVersion: 2 }))).toEqual(ids(events.slice(0, 2)));
      expect(ids(await store().readStream(stream, { fromVersion: 2, toVersion: 3 }))).toEqual(ids(events.slice(1, 3)));
    });

    it('reads the stream as of an instant (recordedAt <= asOf)', async () => {
      const stream = streamName();
      const [first] = (await store().append(stream, [newEvent()], { expectedVersion: 0 })).events;
      await sleep(15);
      const [second] = (await store().append(stream, [newEvent()], { expectedVersion: 1 })).events;
      expect(second.recordedAt.getTime()).toBeGreaterThan(first.recordedAt.getTime());
      expect(ids(await store().readStream(stream, { asOf: first.recordedAt }))).toEqual([first.id]);
      expect(await store().readStream(stream, { asOf: new Date(first.recordedAt.getTime() - 1) })).toEqual([]);
      expect(ids(await store().readStream(stream, { asOf: second.recordedAt }))).toEqual([first.id, second.id]);
    });

    it('round-trips every field and all metadata exactly', async () => {
      const stream = streamName();
      const full = newEvent('Finding.Raised', {
        schemaVersion: 3,
        data: { title: 'Leak', nested: { list: [1, 'two', null, { b: true }] }, ratio: 0.25 },
        metadata: metadata({ unitId: 'unit-9', causationId: 'cause-1', reason: 'weekly inspection' }),
        occurredAt: new Date('2023-12-31T23:59:59.999Z'),
      });
      const sparse = newEvent('Finding.Closed', { metadata: metadata({ unitId: null, causationId: null, reason: null }) });
      const before = Date.now();
      const appended = await store().append(stream, [full, sparse], { expectedVersion: 0 });
      const [a, b] = await store().readStream(stream);
      expect([a, b]).toEqual(appended.events);
      expect(a).toMatchObject({ id: full.id, type: 'Finding.Raised', schemaVersion: 3, data: full.data, metadata: full.metadata });
      expect(a.occurredAt).toEqual(full.occurredAt);
      expect(b).toMatchObject({ schemaVersion: 1, metadata: sparse.metadata });
      expect(a.recordedAt).toBeInstanceOf(Date);
      expect(a.recordedAt.getTime()).toBeGreaterThanOrEqual(before - 5_000);
      expect(typeof a.globalPosition).toBe('bigint');
      expect(b.globalPosition > a.globalPosition).toBe(true);
    });
  });

  describe('hash chain', () => {
    it('chains each stream from the genesis hash and recomputes with computeEventHash', async () => {
      const stream = streamName();
      await store().append(stream, [newEvent(), newEvent()], { expectedVersion: 0 });
      await store().append(stream, [newEvent()], { expectedVersion: 2 });
      const events = await store().readStream(stream);
      expect(events[0].prevHash).toBe(GENESIS_HASH);
      events.forEach((event, index) => {
        expect(event.hash).toMatch(/^[0-9a-f]{64}$/);
        expect(computeEventHash(event)).toBe(event.hash);
        if (index > 0) expect(event.prevHash).toBe(events[index - 1].hash);
      });
      const tampered = { ...events[1], data: { ...events[1].data, value: -1 } };
      expect(computeEventHash(tampered)).not.toBe(events[1].hash);
    });
  });

  describe('readAll', () => {
    it('delivers committed events in log order, pages with after/limit, filters by type', async () => {
      // Unique types isolate this test from other events in a shared store.
      const [x, y] = [`X-${randomUUID()}`, `Y-${randomUUID()}`];
      const start = await store().headPosition();
      const [s1, s2] = [streamName(), streamName()];
      const appended = [
        ...(await store().append(s1, [newEvent(x), newEvent(y)], { expectedVersion: 0 })).events,
        ...(await store().append(s2, [newEvent(x)], { expectedVersion: 0 })).events,
        ...(await store().append(s1, [newEvent(y)], { expectedVersion: 2 })).events,
      ];
      const types = [x, y];
      const all = await readAllUntil(store(), { after: start, types }, (events) => events.length >= 4);
      expect(ids(all)).toEqual(ids(appended));
      all.slice(1).forEach((event, i) => expect(compareLogPositions(all[i].logPosition, event.logPosition)).toBeLessThan(0));
      const page1 = await store().readAll({ after: start, limit: 3, types });
      const page2 = await store().readAll({ after: page1[2].logPosition, limit: 3, types });
      expect(ids([...page1, ...page2])).toEqual(ids(appended));
      expect(await store().readAll({ after: page2[0].logPosition, types })).toEqual([]);
      expect(ids(await store().readAll({ after: start, types: [y] }))).toEqual(ids([appended[1], appended[3]]));
      const unfiltered = await store().readAll({ after: start });
      expect(ids(unfiltered.filter((event) => types.includes(event.type)))).toEqual(ids(appended));
      expect(compareLogPositions(await store().headPosition(), all[3].logPosition)).toBeGreaterThanOrEqual(0);
    });
  });
}
