import { ConcurrencyError, DuplicateEventIdError } from '../errors';
import { ids, newEvent, rejectionOf, streamName, type StoreRef } from './contract-fixtures';

export function appendContract(store: StoreRef): void {
  describe('append', () => {
    it('appends to a new stream with versions from 1', async () => {
      const stream = streamName();
      const events = [newEvent('A'), newEvent('B')];
      const result = await store().append(stream, events, { expectedVersion: 0 });
      expect(result).toMatchObject({ streamId: stream, nextExpectedVersion: 2, duplicate: false });
      expect(result.events.map((e) => [e.id, e.version, e.streamId])).toEqual([
        [events[0].id, 1, stream],
        [events[1].id, 2, stream],
      ]);
      expect(await store().streamVersion(stream)).toBe(2);
      expect(await store().readStream(stream)).toEqual(result.events);
    });

    it('continues versions across appends; an unknown stream is at version 0 and empty', async () => {
      const stream = streamName();
      await store().append(stream, [newEvent(), newEvent()], { expectedVersion: 0 });
      const result = await store().append(stream, [newEvent()], { expectedVersion: 2 });
      expect(result.nextExpectedVersion).toBe(3);
      expect(result.events[0].version).toBe(3);
      expect(await store().streamVersion(streamName())).toBe(0);
      expect(await store().readStream(streamName())).toEqual([]);
    });

    it('refuses a mismatched expected version with the actual version, writing nothing', async () => {
      const stream = streamName();
      await store().append(stream, [newEvent(), newEvent()], { expectedVersion: 0 });
      for (const expectedVersion of [0, 1, 3]) {
        const error = await rejectionOf(store().append(stream, [newEvent()], { expectedVersion }));
        expect(error).toBeInstanceOf(ConcurrencyError);
        expect(error).toMatchObject({ streamId: stream, expectedVersion, actualVersion: 2 });
      }
      const missing = await rejectionOf(store().append(streamName(), [newEvent()], { expectedVersion: 4 }));
      expect(missing).toMatchObject({ actualVersion: 0 });
      expect(await store().streamVersion(stream)).toBe(2);
    });

    it("accepts 'any' for new and existing streams", async () => {
      const stream = streamName();
      await store().append(stream, [newEvent()], { expectedVersion: 'any' });
      const result = await store().append(stream, [newEvent()], { expectedVersion: 'any' });
      expect(result.nextExpectedVersion).toBe(2);
    });

    it('lets exactly one of several concurrent appends with the same expected version win', async () => {
      const stream = streamName();
      await store().append(stream, [newEvent()], { expectedVersion: 0 });
      const outcomes = await Promise.allSettled(
        Array.from({ length: 6 }, () => store().append(stream, [newEvent()], { expectedVersion: 1 })),
      );
      const rejected = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
      expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
      expect(rejected).toHaveLength(5);
      rejected.forEach((o) => expect(o.reason).toBeInstanceOf(ConcurrencyError));
      expect(await store().streamVersion(stream)).toBe(2);
    });
  });

  describe('idempotency by event id', () => {
    it('returns the stored events for a retry and writes nothing', async () => {
      const stream = streamName();
      const events = [newEvent('A'), newEvent('B')];
      const first = await store().append(stream, events, { expectedVersion: 0 });
      await store().append(stream, [newEvent()], { expectedVersion: 2 });
      for (const expectedVersion of [0, 'any'] as const) {
        const retry = await store().append(stream, events, { expectedVersion });
        expect(retry).toEqual({ ...first, duplicate: true });
      }
      expect(await store().streamVersion(stream)).toBe(3);
      expect(await store().readStream(stream)).toHaveLength(3);
    });

    it('treats concurrent identical appends as one append and one retry', async () => {
      const stream = streamName();
      const events = [newEvent(), newEvent()];
      const results = await Promise.all([0, 1].map(() => store().append(stream, events, { expectedVersion: 0 })));
      expect(results.map((r) => r.duplicate).sort()).toEqual([false, true]);
      expect(ids(results[0].events)).toEqual(ids(results[1].events));
      expect(await store().streamVersion(stream)).toBe(2);
    });

    it('refuses an event id already stored in another stream', async () => {
      const event = newEvent();
      await store().append(streamName(), [event], { expectedVersion: 0 });
      const other = streamName();
      const error = await rejectionOf(store().append(other, [event], { expectedVersion: 0 }));
      expect(error).toBeInstanceOf(DuplicateEventIdError);
      expect(await store().streamVersion(other)).toBe(0);
    });

    it('refuses a batch that only partly repeats stored events, or repeats an id', async () => {
      const stream = streamName();
      const [a, b] = [newEvent(), newEvent()];
      await store().append(stream, [a, b], { expectedVersion: 0 });
      await expect(store().append(stream, [a, newEvent()], { expectedVersion: 'any' })).rejects.toBeInstanceOf(
        DuplicateEventIdError,
      );
      await expect(store().append(stream, [b, a], { expectedVersion: 'any' })).rejects.toBeInstanceOf(
        DuplicateEventIdError,
      );
      const c = newEvent();
      await expect(store().append(stream, [c, c], { expectedVersion: 'any' })).rejects.toBeInstanceOf(
        DuplicateEventIdError,
      );
      expect(await store().streamVersion(stream)).toBe(2);
    });
  });
}
