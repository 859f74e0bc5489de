import { randomUUID } from 'node:crypto';
import type { NewEvent } from '@rectify/event-store';

/** A finding-sized event (≈ 600 bytes of JSON), the same for every contender. */
export function benchEvents(count: number, commandId = randomUUID()): NewEvent[] {
  return Array.from({ length: count }, (_, index) => ({
    id: randomUUID(),
    type: index === 0 ? 'FindingRecorded' : 'FindingEvidenceSubmitted',
    data: {
      findingId: randomUUID(),
      inspectionId: '00000000-0000-4000-a000-000000000301',
      unitId: '00000000-0000-4000-a000-000000000107',
      category: 'procedure_posting',
      severity: 'major',
      title: 'Thủ tục hành chính không được niêm yết đầy đủ',
      description: 'Bộ phận một cửa chưa niêm yết 12 thủ tục mới theo quyết định công bố của UBND thành phố.',
      responsibleOfficialIds: ['00000000-0000-4000-a000-000000000215'],
      observedAt: '2026-03-02T09:30:00+07:00',
      sequence: index,
    },
    metadata: {
      actorId: '00000000-0000-4000-a000-000000000202',
      role: 'inspector',
      unitId: '00000000-0000-4000-a000-000000000101',
      commandId,
      correlationId: commandId,
      causationId: null,
      reason: null,
    },
    occurredAt: new Date('2026-03-02T02:30:00.000Z'),
  }));
}

/** A new stream per append, in the `finding` category (Message DB locks per category). */
export function newStreamId(): string {
  return `finding-${randomUUID()}`;
}
