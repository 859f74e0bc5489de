import type { Pool, PoolClient } from 'pg';
import { withTransaction, type RecordedEvent } from '@rectify/event-store';
import type { Projector, RebuildIndexes } from '@rectify/read-models';
import { isRegistryStream, key, subjectsOf, type Subject } from './event-subjects';
import { SUBJECT_EVENTS_KEY, SubjectEventRowsBuilder, subjectIndexKeyPresent, writeSubjectEvents } from './subject-event-writes';

/**
 * Indexes, per official and per unit, the global positions of the events that concern them
 * (audit_subject_events), so a history is one index range scan plus primary-key lookups.
 * Idempotent: rows are keyed by (subject, position); a replay inserts nothing new. Rows go
 * in key order (one sorted insert per batch keeps the primary-key index writes local).
 * A full rebuild drops the primary key and builds it once at the end (RebuildIndexes): three
 * rows per event maintained in a text-keyed B-tree one by one cost most of a rebuild; without
 * the key, large batches go by COPY (writeSubjectEvents).
 */
export class SubjectIndexProjector implements Projector, RebuildIndexes {
  readonly name = 'audit:subjects';
  readonly tables = ['audit_subject_events', 'audit_stream_subjects'];
  readonly eventTypes: readonly string[] = [];

  async project(events: readonly RecordedEvent[], tx: PoolClient): Promise<void> {
    const inherited = await this.inheritedSubjects(tx, streamsWithEarlierSubjects(events));
    const rows = new SubjectEventRowsBuilder();
    const newStreamSubjects = new Map<string, Subject & { streamId: string }>();
    for (const event of events) {
      const known = inherited.get(event.streamId) ?? new Map<string, Subject>();
      const { named, all } = subjectsOf(event, [...known.values()]);
      const position = event.globalPosition.toString();
      for (const [subjectKey, relation] of all) rows.add(subjectKey, position, relation);
      for (const subject of named) {
        if (known.has(key(subject))) continue;
        known.set(key(subject), subject);
        newStreamSubjects.set(`${event.streamId}|${key(subject)}`, { ...subject, streamId: event.streamId });
      }
      inherited.set(event.streamId, known);
    }
    await writeSubjectEvents(tx, rows.rows());
    if (newStreamSubjects.size > 0) {
      const added = [...newStreamSubjects.values()];
      await tx.query(
        `INSERT INTO audit_stream_subjects (stream_id, subject_type, subject_id)
         SELECT * FROM unnest($1::text[], $2::text[], $3::text[]) ON CONFLICT DO NOTHING`,
        [added.map((r) => r.streamId), added.map((r) => r.type), added.map((r) => r.id)],
      );
    }
  }

  async dropIndexesForRebuild(tx: PoolClient): Promise<void> {
    await tx.query(`ALTER TABLE audit_subject_events DROP CONSTRAINT IF EXISTS ${SUBJECT_EVENTS_KEY}`);
  }

  restoreIndexesAfterRebuild(pool: Pool): Promise<void> {
    return ensureSubjectIndexKey(pool);
  }

  private async inheritedSubjects(tx: PoolClient, streamIds: string[]): Promise<Map<string, Map<string, Subject>>> {
    const result = new Map<string, Map<string, Subject>>();
    if (streamIds.length === 0) return result;
    const { rows } = await tx.query<{ stream_id: string; subject_type: Subject['type']; subject_id: string }>(
      'SELECT stream_id, subject_type, subject_id FROM audit_stream_subjects WHERE stream_id = ANY($1::text[])',
      [streamIds],
    );
    for (const row of rows) {
      const subject = { type: row.subject_type, id: row.subject_id };
      const known = result.get(row.stream_id) ?? new Map<string, Subject>();
      known.set(key(subject), subject);
      result.set(row.stream_id, known);
    }
    return result;
  }
}

/**
 * The streams whose subjects named before this batch must be looked up: not registry streams
 * (they never inherit), nor streams whose first event here is their first event ever (version
 * 1: nothing came before it). Streams are appended to in version order and a projector sees
 * the log in order, so every earlier event of any other stream was projected already.
 */
export function streamsWithEarlierSubjects(events: readonly RecordedEvent[]): string[] {
  const firstVersion = new Map<string, number>();
  for (const event of events) if (!firstVersion.has(event.streamId)) firstVersion.set(event.streamId, event.version);
  return [...firstVersion].filter(([streamId, version]) => version > 1 && !isRegistryStream(streamId)).map(([streamId]) => streamId);
}

/**
 * Adds audit_subject_events' primary key when it is missing (a rebuild dropped it and has not
 * finished, or crashed): built once by sorting, under an exclusive lock so that two callers
 * cannot both add it. Without it histories still answer, by scanning.
 */
export async function ensureSubjectIndexKey(pool: Pool): Promise<void> {
  if (await subjectIndexKeyPresent(pool)) return;
  await withTransaction(pool, async (tx) => {
    await tx.query('LOCK TABLE audit_subject_events IN ACCESS EXCLUSIVE MODE');
    if (await subjectIndexKeyPresent(tx)) return;
    await tx.query(`SET LOCAL maintenance_work_mem = '256MB'`);
    await tx.query(`ALTER TABLE audit_subject_events ADD CONSTRAINT ${SUBJECT_EVENTS_KEY} PRIMARY KEY (subject_type, subject_id, global_position)`);
  });
}
