import { randomUUID } from 'node:crypto';
import type { RecordedEvent } from '@rectify/event-store';

/** A stored event as the relay reads it (unit-test fixture; no store involved). */
export function recorded(type: string, data: Record<string, unknown>, overrides: Partial<RecordedEvent> = {}): RecordedEvent {
  return {
    id: randomUUID(),
    type,
    schemaVersion: 1,
    streamId: `finding-${String(data.findingId ?? 'f-1')}`,
    version: 1,
    globalPosition: 1n,
    logPosition: { commit: 1n, prepare: 1n },
    data,
    metadata: { actorId: 'official-secret-id', role: 'inspector', unitId: 'u-1', commandId: 'k-1', correlationId: 'c-1', causationId: null, reason: 'private note' },
    occurredAt: new Date('2024-05-01T10:00:00.000Z'),
    recordedAt: new Date('2024-05-01T10:00:01.000Z'),
    prevHash: '0'.repeat(64),
    hash: 'f'.repeat(64),
    ...overrides,
  };
}
