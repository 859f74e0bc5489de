import type { PoolClient } from 'pg';
import type { RecordedEvent } from '@rectify/event-store';
import type { Projector } from '@rectify/read-models';
import { key, parseKey, subjectsOf, type Subject } from './event-subjects';

/**
 * Indexes, per official and per unit, the global positions of the events that concern them
 * (audit_subject_events), so a history is one index range scan plus primary-key lookups.
 * Idempotent: rows are keyed by (subject, position); a replay inserts nothing new. Rows go
 * in key order (one sorted insert per batch keeps the primary-key index writes local).
 */
export class SubjectIndexProjector implements Projector {
  readonly name = 'audit:subjects';
  readonly tables = ['audit_subject_events', 'audit_stream_subjects'];
  readonly eventTypes: readonly string[] = [];

  async project(events: readonly RecordedEvent[], tx: PoolClient): Promise<void> {
    const inherited = await this.inheritedSubjects(tx, [...new Set(events.map((e) => e.streamId))]);
    const types: string[] = [];
    const ids: string[] = [];
    const positions: string[] = [];
    const relations: string[] = [];
    const newStreamSubjects = new Map<string, Subject & { streamId: string }>();
    for (const event of events) {
      const known = inherited.get(event.streamId) ?? new Map<string, Subject>();
      const { named, all } = subjectsOf(event, [...known.values()]);
      for (const [subjectKey, relation] of all) {
        const subject = parseKey(subjectKey);
        types.push(subject.type);
        ids.push(subject.id);
        positions.push(event.globalPosition.toString());
        relations.push(relation);
      }
      for (const subject of named) {
        if (known.has(key(subject))) continue;
        known.set(key(subject), subject);
        newStreamSubjects.set(`${event.streamId}|${key(subject)}`, { ...subject, streamId: event.streamId });
      }
      inherited.set(event.streamId, known);
    }
    if (types.length > 0) {
      await tx.query(
        `INSERT INTO audit_subject_events (subject_type, subject_id, global_position, relation)
         SELECT * FROM unnest($1::text[], $2::text[], $3::bigint[], $4::text[]) ORDER BY 1, 2, 3 ON CONFLICT DO NOTHING`,
        [types, ids, positions, relations],
      );
    }
    if (newStreamSubjects.size > 0) {
      const rows = [...newStreamSubjects.values()];
      await tx.query(
        `INSERT INTO audit_stream_subjects (stream_id, subject_type, subject_id)
         SELECT * FROM unnest($1::text[], $2::text[], $3::text[]) ON CONFLICT DO NOTHING`,
        [rows.map((r) => r.streamId), rows.map((r) => r.type), rows.map((r) => r.id)],
      );
    }
  }

  private async inheritedSubjects(tx: PoolClient, streamIds: string[]): Promise<Map<string, Map<string, Subject>>> {
    const result = new Map<string, Map<string, Subject>>();
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
