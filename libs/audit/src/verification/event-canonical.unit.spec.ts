import { canonicalEventJson } from '@rectify/event-store';
import { canonicalEventLatin1, isoTimeMs } from './event-canonical';

describe('canonicalEventLatin1', () => {
  const event = {
    id: '5a0c5d2e-1111-4222-a333-444455556666', streamId: 'finding-"Nguyễn"', version: 3, type: 'FindingClosed', schemaVersion: 1,
    data: { z: [1, { b: 'Nguyễn "Văn"\n', a: null }], findingId: 'x', nested: { unitId: 'u', ok: true, n: 2.5 }, 'ễ': 1, e: 2, '': 3 },
    metadata: { actorId: 'a', role: 'inspector', correlationId: 'c', commandId: 'c' },
    occurredAt: new Date('2024-03-05T01:02:03.456Z'), recordedAt: new Date('1969-12-31T23:59:59.999Z'), prevHash: '0'.repeat(64),
  };
  /** jsonb's text spacing (", " and ": "); the key order does not matter. */
  const jsonbText = (value: unknown): string => JSON.stringify(value, null, 1).replace(/\n */g, ' ').replace(/([[{]) /g, '$1').replace(/ ([\]}])/g, '$1');
  const latin1 = (text: string) => Buffer.from(text, 'utf8').toString('latin1');
  const fields = {
    eventId: event.id, streamId: latin1(event.streamId), version: event.version, type: latin1(event.type), schemaVersion: event.schemaVersion,
    data: latin1(jsonbText(event.data)), metadata: latin1(jsonbText(event.metadata)), occurredAtMs: event.occurredAt.getTime(), recordedAtMs: event.recordedAt.getTime(),
  };
  const utf8 = (latin1Text: string) => Buffer.from(latin1Text, 'latin1').toString('utf8');

  it('builds exactly the canonical event JSON the stream hash covers (as the latin1 of its UTF-8)', () => {
    expect(utf8(canonicalEventLatin1(fields))).toBe(canonicalEventJson(event));
  });

  it('orders keys by UTF-16 code units also where UTF-8 byte order differs (U+E000 and beyond)', () => {
    const data = { '\uE000': 1, '😀': 2, a: 3 };
    expect(utf8(canonicalEventLatin1({ ...fields, data: latin1(jsonbText(data)) }))).toBe(canonicalEventJson({ ...event, data }));
  });

  it('gives a time no Date holds a text no event hashes', () => {
    expect(canonicalEventLatin1({ ...fields, occurredAtMs: Number.POSITIVE_INFINITY })).toContain('"occurredAt":"unrepresentable time Infinity"');
  });

  it('writes times as toISOString does', () => {
    const times = [0, -1, 1, 86_399_999, 86_400_000, Date.UTC(2024, 1, 29, 23, 59, 59, 999), Date.UTC(1900, 0, 1), Date.UTC(-5, 6, 1, 12),
      Date.UTC(10_000, 0, 1, 0, 0, 0, 1), 8.64e15, -8.64e15, ...Array.from({ length: 200 }, (_, i) => 1_700_000_000_000 + i * 7_777_777)];
    for (const ms of times) expect(isoTimeMs(ms)).toBe(JSON.stringify(new Date(ms).toISOString()));
  });
});
