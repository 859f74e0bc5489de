import { canonicalEventJson } from '@rectify/event-store';
import { canonicalRowJson } from './stream-range';

describe('canonicalRowJson', () => {
  it('builds exactly the canonical event JSON the stream hash covers', () => {
    const at = new Date('2024-03-05T01:02:03.456Z');
    const event = {
      id: '5a0c5d2e-1111-4222-a333-444455556666', streamId: 'finding-x', version: 3, type: 'FindingClosed', schemaVersion: 1,
      data: { z: [1, { b: 'Nguyễn "Văn"\n', a: null }], findingId: 'x', nested: { unitId: 'u', ok: true } },
      metadata: { actorId: 'a', role: 'inspector', correlationId: 'c', commandId: 'c' },
      occurredAt: at, recordedAt: new Date('2024-03-05T01:02:04Z'), prevHash: '0'.repeat(64),
    };
    expect(canonicalRowJson({
      event_id: event.id, stream_id: event.streamId, version: event.version, type: event.type, schema_version: event.schemaVersion,
      data: event.data, metadata: event.metadata, occurred_at: event.occurredAt.toISOString(), recorded_at: event.recordedAt.toISOString(),
    })).toBe(canonicalEventJson(event));
  });
});
