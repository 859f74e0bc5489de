import { randomUUID } from 'node:crypto';
import { newEvent, streamName } from '../contract/contract-fixtures';
import { DuplicateEventIdError } from '../errors';
import type { RecordedEvent } from '../event-store.port';
import { GENESIS_HASH, computeEventHash } from '../hashing/event-hash';
import { matchRetry, normaliseBatch, prepareEvents, streamStateFor, versionFromState } from './kurrentdb-append-plan';

const recordedAt = new Date('2024-05-02T03:04:05.678Z');

function stored(streamId: string, events = [newEvent('A'), newEvent('B'), newEvent('C')]): RecordedEvent[] {
  return prepareEvents(streamId, { version: 0, hash: '' }, events, recordedAt).map((event, index) => ({
    ...event,
    globalPosition: BigInt(index + 10),
    logPosition: { commit: BigInt(index + 10), prepare: BigInt(index + 10) },
  }));
}

describe('KurrentDB append plan', () => {
  it('maps port versions to KurrentDB stream states and back (0 = no_stream, else revision = version - 1)', () => {
    expect(streamStateFor(0)).toBe('no_stream');
    expect(streamStateFor(3)).toBe(2n);
    expect(versionFromState(2n)).toBe(3);
    expect(versionFromState('no_stream')).toBe(0);
  });

  it('chains hashes from the genesis hash, then from the stream head', () => {
    const stream = streamName();
    const first = prepareEvents(stream, { version: 0, hash: '' }, [newEvent(), newEvent()], recordedAt);
    expect(first.map((e) => e.version)).toEqual([1, 2]);
    expect(first[0].prevHash).toBe(GENESIS_HASH);
    expect(first[1].prevHash).toBe(first[0].hash);
    first.forEach((event) => expect(computeEventHash(event)).toBe(event.hash));
    const next = prepareEvents(stream, { version: 2, hash: first[1].hash }, [newEvent()], recordedAt);
    expect(next[0]).toMatchObject({ version: 3, prevHash: first[1].hash, schemaVersion: 1, recordedAt });
  });

  it('lower-cases ids (the hash covers them) and refuses a batch naming an id twice', () => {
    const id = randomUUID().toUpperCase();
    expect(normaliseBatch([newEvent('A', { id })])[0].id).toBe(id.toLowerCase());
    expect(() => normaliseBatch([newEvent('A', { id }), newEvent('B', { id: id.toLowerCase() })])).toThrow(DuplicateEventIdError);
    expect(() => normaliseBatch([newEvent('A', { id: 'not-a-uuid' })])).toThrow(TypeError);
  });

  it('recognises a retry only as the same ids, consecutive, in order, with the same types', () => {
    const stream = streamName();
    const events = stored(stream);
    const asNew = events.map(({ id, type, data, metadata, occurredAt }) => ({ id, type, data, metadata, occurredAt }));
    expect(matchRetry(stream, asNew.slice(1), events)).toEqual(events.slice(1));
    expect(matchRetry(stream, [newEvent()], events)).toBeNull();
    expect(() => matchRetry(stream, [asNew[0], newEvent()], events)).toThrow(DuplicateEventIdError);
    expect(() => matchRetry(stream, [asNew[1], asNew[0]], events)).toThrow(DuplicateEventIdError);
    expect(() => matchRetry(stream, [{ ...asNew[0], type: 'Other' }], events)).toThrow(DuplicateEventIdError);
    expect(() => matchRetry(streamName(), [asNew[0]], events)).toThrow(DuplicateEventIdError);
  });
});
