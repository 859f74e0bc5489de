import { toCsv, type HistoryEntry } from '@rectify/audit';
import type { SubjectHistory } from './history.service';

const COLUMNS = ['position', 'occurredAt', 'recordedAt', 'kind', 'streamId', 'version', 'type', 'relation', 'actorId', 'actorName',
  'actorRole', 'unitId', 'reason', 'summary', 'eventId', 'hash'] as const;

/** One row per event; the chain hash of the last row and the export time close the file as comment-free trailer rows. */
export function historyCsv(history: SubjectHistory): string {
  const rows = history.entries.map((entry) => ({
    position: entry.position,
    occurredAt: entry.occurredAt,
    recordedAt: entry.recordedAt,
    kind: entry.kind,
    streamId: entry.streamId,
    version: entry.version,
    type: entry.type,
    relation: entry.relation,
    actorId: entry.actor.id,
    actorName: entry.actor.name,
    actorRole: entry.actor.role,
    unitId: entry.unitId,
    reason: entry.reason,
    summary: summarise(entry),
    eventId: entry.eventId,
    hash: entry.hash,
  }));
  return toCsv(rows, COLUMNS);
}

/** The facts of an event worth reading at a hearing, in one line. */
export function summarise(entry: HistoryEntry): string {
  const d = entry.data as Record<string, unknown>;
  const parts: string[] = [];
  for (const key of ['title', 'fullName', 'name', 'category', 'severity', 'kind', 'level', 'position', 'reason', 'comment', 'notice', 'summary']) {
    const value = d[key];
    if (typeof value === 'string' || typeof value === 'number') parts.push(`${key}: ${value}`);
  }
  const decision = d.decision as { kind?: string } | undefined;
  if (decision?.kind) parts.push(`decision: ${decision.kind}`);
  if (Array.isArray(d.actions)) parts.push(`actions: ${(d.actions as unknown[]).join('; ')}`);
  return parts.join(' · ').slice(0, 500);
}
