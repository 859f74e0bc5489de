import { randomUUID } from 'node:crypto';
import { CommandKeyTakenError } from '../errors';
import type { AppendResult } from '../event-store.port';
import { ids, newEvent, rejectionOf, streamName, type StoreRef } from './contract-fixtures';

const respond = (result: AppendResult) => ({ version: result.nextExpectedVersion, ids: ids(result.events) });

export function commandContract(store: StoreRef): void {
  describe('command records', () => {
    it('stores the command response atomically with the append', async () => {
      const [stream, key] = [streamName(), `key-${randomUUID()}`];
      const result = await store().append(stream, [newEvent()], {
        expectedVersion: 0,
        command: { key, requestHash: 'h1', response: respond },
      });
      const record = await store().findCommand(key);
      expect(record).toEqual({ key, requestHash: 'h1', response: respond(result), recordedAt: expect.any(Date) });
      expect(await store().findCommand(`key-${randomUUID()}`)).toBeNull();
    });

    it('refuses a taken command key and writes no events', async () => {
      const key = `key-${randomUUID()}`;
      await store().recordCommand(key, 'h0', { status: 'done' });
      const stream = streamName();
      const error = await rejectionOf(
        store().append(stream, [newEvent()], { expectedVersion: 0, command: { key, requestHash: 'h1', response: respond } }),
      );
      expect(error).toBeInstanceOf(CommandKeyTakenError);
      expect(await store().streamVersion(stream)).toBe(0);
      expect(await store().findCommand(key)).toMatchObject({ requestHash: 'h0', response: { status: 'done' } });
    });

    it('lets one of two concurrent appends with the same command key win', async () => {
      const key = `key-${randomUUID()}`;
      const streams = [streamName(), streamName()];
      const outcomes = await Promise.allSettled(
        streams.map((stream) =>
          store().append(stream, [newEvent()], { expectedVersion: 0, command: { key, requestHash: 'h', response: respond } }),
        ),
      );
      const rejected = outcomes.filter((o): o is PromiseRejectedResult => o.status === 'rejected');
      expect(rejected).toHaveLength(1);
      expect(rejected[0].reason).toBeInstanceOf(CommandKeyTakenError);
      const versions = await Promise.all(streams.map((stream) => store().streamVersion(stream)));
      expect(versions.sort()).toEqual([0, 1]);
    });

    it('records a command without events; a second record returns the first', async () => {
      const key = `key-${randomUUID()}`;
      const first = await store().recordCommand(key, 'h1', { accepted: true, n: 1 });
      expect(first).toEqual({ key, requestHash: 'h1', response: { accepted: true, n: 1 }, recordedAt: expect.any(Date) });
      const second = await store().recordCommand(key, 'h2', { accepted: false });
      expect(second).toEqual(first);
      expect(await store().findCommand(key)).toEqual(first);
    });
  });
}
