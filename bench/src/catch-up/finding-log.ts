import { randomUUID } from 'node:crypto';
import { findingDecider, findingStream, type FindingCommand, type FindingEvent } from '@rectify/domain';
import type { EventStore, NewEvent } from '@rectify/event-store';
import { progress } from '../support/progress';

const INSPECTOR = { id: '00000000-0000-4000-a000-000000000202', role: 'inspector' as const };
const UNIT_HEAD = { id: '00000000-0000-4000-a000-000000000214', role: 'unit_head' as const, unitIds: ['00000000-0000-4000-a000-000000000107'] };

/**
 * Fills the log with `total` real finding events (FindingRecorded, FindingAcknowledged, …),
 * decided by the domain's own decider, appended through PostgresEventStore with a wide window
 * of concurrent appends (group commit packs them into large batches).
 */
export async function fillFindingLog(store: EventStore, total: number, window = 2000): Promise<number> {
  let written = 0;
  let nextReport = total / 10;
  const inFlight = new Set<Promise<void>>();
  while (written < total) {
    const events = findingEvents(randomUUID()).slice(0, Math.max(1, total - written));
    written += events.length;
    const streamId = findingStream(events[0].data.findingId as string);
    const append = store.append(streamId, events, { expectedVersion: 0 }).then(() => void inFlight.delete(append));
    inFlight.add(append);
    if (inFlight.size >= window) await Promise.race(inFlight);
    if (written >= nextReport) {
      progress(`catch-up: ${written.toLocaleString('en-US')} / ${total.toLocaleString('en-US')} events written`);
      nextReport += total / 10;
    }
  }
  await Promise.all(inFlight);
  return written;
}

/** A recorded, then acknowledged finding: the events as CommandRunner would append them. */
function findingEvents(findingId: string): (NewEvent & { data: Record<string, unknown> })[] {
  const now = new Date('2026-03-02T03:00:00.000Z');
  const commands: FindingCommand[] = [
    {
      type: 'RecordFinding',
      data: {
        findingId, inspectionId: '00000000-0000-4000-a000-000000000301', unitId: '00000000-0000-4000-a000-000000000107',
        category: 'procedure_posting', severity: 'major', title: 'Thủ tục hành chính không được niêm yết đầy đủ',
        description: 'Bộ phận một cửa chưa niêm yết 12 thủ tục mới.', responsibleOfficialIds: ['00000000-0000-4000-a000-000000000215'],
        evidence: [], observedAt: '2026-03-02T09:30:00+07:00',
      },
      metadata: { actor: INSPECTOR, now },
    },
    { type: 'AcknowledgeFinding', data: { findingId }, metadata: { actor: UNIT_HEAD, now } },
  ];
  let state = findingDecider.initialState();
  const events: (NewEvent & { data: Record<string, unknown> })[] = [];
  for (const command of commands) {
    const decided: FindingEvent[] = findingDecider.decide(command, state);
    state = decided.reduce(findingDecider.evolve, state);
    const actor = command.metadata.actor;
    for (const event of decided) {
      events.push({
        id: randomUUID(), type: event.type, data: event.data as unknown as Record<string, unknown>, occurredAt: now,
        metadata: { actorId: actor.id, role: actor.role, unitId: null, commandId: randomUUID(), correlationId: randomUUID() },
      });
    }
  }
  return events;
}
