import { createHash } from 'node:crypto';
import { GENESIS_HASH, canonicalEventJson, computeEventHash, type HashableEvent } from './event-hash';

const event: HashableEvent = {
  id: '7f6c1a52-0d1e-4c1b-9a43-2b1f5e0c9d11',
  streamId: 'finding-1',
  version: 1,
  type: 'Finding.Raised',
  schemaVersion: 1,
  data: { title: 'Leak', severity: 2 },
  metadata: { actorId: 'a', role: 'inspector', commandId: 'c', correlationId: 'r', unitId: null },
  occurredAt: new Date('2024-05-01T10:00:00.000Z'),
  recordedAt: new Date('2024-05-01T10:00:01.500Z'),
  prevHash: GENESIS_HASH,
};

describe('computeEventHash', () => {
  it('hashes prevHash bytes followed by the canonical JSON of the event', () => {
    const expected = createHash('sha256')
      .update(Buffer.alloc(32))
      .update(
        '{"data":{"severity":2,"title":"Leak"},"id":"7f6c1a52-0d1e-4c1b-9a43-2b1f5e0c9d11",' +
          '"metadata":{"actorId":"a","commandId":"c","correlationId":"r","role":"inspector","unitId":null},' +
          '"occurredAt":"2024-05-01T10:00:00.000Z","recordedAt":"2024-05-01T10:00:01.500Z",' +
          '"schemaVersion":1,"streamId":"finding-1","type":"Finding.Raised","version":1}',
      )
      .digest('hex');
    expect(computeEventHash(event)).toBe(expected);
  });

  it('ignores fields outside the hashed set and changes with any hashed field or the previous hash', () => {
    const base = computeEventHash(event);
    expect(computeEventHash({ ...event, ...{ globalPosition: 9n, hash: 'x' } } as HashableEvent)).toBe(base);
    expect(computeEventHash({ ...event, data: { title: 'Leak', severity: 3 } })).not.toBe(base);
    expect(computeEventHash({ ...event, recordedAt: new Date('2024-05-01T10:00:01.501Z') })).not.toBe(base);
    expect(computeEventHash({ ...event, prevHash: 'a'.repeat(64) })).not.toBe(base);
    expect(canonicalEventJson(event)).not.toContain('prevHash');
  });

  it('refuses a malformed previous hash', () => {
    expect(() => computeEventHash({ ...event, prevHash: 'zz' })).toThrow(TypeError);
  });
});
