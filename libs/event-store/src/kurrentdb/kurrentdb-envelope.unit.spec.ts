import type { ResolvedEvent } from '@kurrent/kurrentdb-client';
import { metadata, newEvent, streamName } from '../contract/contract-fixtures';
import { computeEventHash } from '../hashing/event-hash';
import { prepareEvents } from './kurrentdb-append-plan';
import { fromResolvedEvent, toEventData } from './kurrentdb-envelope';

/** What a KurrentDB read hands back for written EventData: JSON text round-trips, revision, position. */
function asRead(data: ReturnType<typeof toEventData>, streamId: string, revision: bigint, position: bigint): ResolvedEvent {
  const json = <T>(value: unknown): T => JSON.parse(JSON.stringify(value)) as T;
  return {
    event: {
      streamId,
      id: data.id,
      isJson: true,
      revision,
      type: data.type,
      created: new Date(),
      data: json(data.data),
      metadata: json(data.metadata),
      position: { commit: position, prepare: position + 1n },
    },
  } as ResolvedEvent;
}

describe('KurrentDB event envelope', () => {
  it('round-trips every field of the port through KurrentDB event data and metadata, hash intact', () => {
    const stream = streamName();
    const [prepared] = prepareEvents(
      stream,
      { version: 4, hash: 'a'.repeat(64) },
      [newEvent('Finding.Raised', { schemaVersion: 3, data: { nested: { list: [1, null, 'x'] } }, metadata: metadata({ unitId: null, reason: 'r' }) })],
      new Date('2024-05-02T03:04:05.678Z'),
    );
    const data = toEventData(prepared);
    expect(data).toMatchObject({ id: prepared.id, type: 'Finding.Raised', contentType: 'application/json' });
    expect(data.metadata).toMatchObject({ rectify: 1, $correlationId: prepared.metadata.correlationId });

    const read = fromResolvedEvent(asRead(data, stream, 4n, 900n))!;
    expect(read).toEqual({ ...prepared, globalPosition: 901n, logPosition: { commit: 900n, prepare: 901n } });
    expect(read.version).toBe(5);
    expect(computeEventHash(read)).toBe(prepared.hash);
  });

  it('ignores system streams, links and events written by anyone else', () => {
    const [prepared] = prepareEvents('s', { version: 0, hash: '' }, [newEvent()], new Date());
    const data = toEventData(prepared);
    expect(fromResolvedEvent(asRead(data, '$system', 0n, 1n))).toBeNull();
    expect(fromResolvedEvent(asRead({ ...data, metadata: { actorId: 'x' } } as typeof data, 's', 0n, 1n))).toBeNull();
    expect(fromResolvedEvent({})).toBeNull();
  });
});
