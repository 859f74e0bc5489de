import type { PoolClient } from 'pg';
import { copyTextField, copyTextIn } from './copy-text-in';
import { parseKey } from './event-subjects';

export const SUBJECT_EVENTS_KEY = 'audit_subject_events_pkey';

/** Rows of audit_subject_events, column by column. */
export interface SubjectEventRows {
  types: string[];
  ids: string[];
  positions: string[];
  relations: string[];
}

/**
 * Collects a batch's rows grouped by subject, and gives them back in the primary key's order
 * (subjects sorted; each subject's positions in log order): the key's index, or the key built
 * after a rebuild, then reads the heap in nearly sorted order.
 */
export class SubjectEventRowsBuilder {
  private readonly bySubject = new Map<string, { positions: string[]; relations: string[] }>();

  add(subjectKey: string, position: string, relation: string): void {
    let group = this.bySubject.get(subjectKey);
    if (!group) this.bySubject.set(subjectKey, (group = { positions: [], relations: [] }));
    group.positions.push(position);
    group.relations.push(relation);
  }

  rows(): SubjectEventRows {
    const rows: SubjectEventRows = { types: [], ids: [], positions: [], relations: [] };
    // "type:id" keys sort by type, then id (the types are not prefixes of one another).
    for (const subjectKey of [...this.bySubject.keys()].sort()) {
      const { type, id } = parseKey(subjectKey);
      const group = this.bySubject.get(subjectKey)!;
      for (let i = 0; i < group.positions.length; i++) {
        rows.types.push(type);
        rows.ids.push(id);
        rows.positions.push(group.positions[i]);
        rows.relations.push(group.relations[i]);
      }
    }
    return rows;
  }
}

/** Below this many rows a batch is always inserted (live batches are small; COPY's set-up is not free). */
const COPY_MIN_ROWS = 500;

/**
 * Writes the rows. With the primary key in place (the live index): one sorted INSERT … ON
 * CONFLICT DO NOTHING, so a replayed batch adds nothing and the key's index is written in
 * order. Without it (a rebuild dropped it until the end; see RebuildIndexes) there is no
 * conflict to detect either way, so a large batch goes through COPY, which writes many rows
 * per WAL record where INSERT writes one each — the same rows, a fraction of the work.
 */
export async function writeSubjectEvents(tx: PoolClient, rows: SubjectEventRows): Promise<void> {
  const count = rows.types.length;
  if (count === 0) return;
  if (count >= COPY_MIN_ROWS && !(await subjectIndexKeyPresent(tx))) {
    await copyTextIn(tx, 'COPY audit_subject_events (subject_type, subject_id, global_position, relation) FROM STDIN', copyText(rows));
    return;
  }
  await tx.query(
    `INSERT INTO audit_subject_events (subject_type, subject_id, global_position, relation)
     SELECT * FROM unnest($1::text[], $2::text[], $3::bigint[], $4::text[]) ORDER BY 1, 2, 3 ON CONFLICT DO NOTHING`,
    [textArray(rows.types), textArray(rows.ids), `{${rows.positions.join(',')}}`, textArray(rows.relations)],
  );
}

export async function subjectIndexKeyPresent(db: Pick<PoolClient, 'query'>): Promise<boolean> {
  const { rowCount } = await db.query(`SELECT 1 FROM pg_constraint WHERE conname = $1 AND conrelid = 'audit_subject_events'::regclass`, [SUBJECT_EVENTS_KEY]);
  return rowCount === 1;
}

/** The rows in COPY's text format; each distinct value escaped once. */
function copyText({ types, ids, positions, relations }: SubjectEventRows): string {
  const escaped = new Map<string, string>();
  const field = (value: string) => {
    let text = escaped.get(value);
    if (text === undefined) escaped.set(value, (text = copyTextField(value)));
    return text;
  };
  let data = '';
  for (let i = 0; i < types.length; i++) data += `${field(types[i])}\t${field(ids[i])}\t${positions[i]}\t${field(relations[i])}\n`;
  return data;
}

/** Array elements PostgreSQL reads as themselves without quotes. */
const BARE_ELEMENT = /^[A-Za-z0-9_.:-]+$/;

/**
 * A PostgreSQL text[] literal, for `$n::text[]`: ids and codes go bare, anything else quoted
 * with backslashes and double quotes escaped. Cheaper than the driver's generic array
 * serialisation for the rows the INSERT path writes (live batches, catch-ups with the key).
 */
export function textArray(values: readonly string[]): string {
  // A batch repeats a few hundred subjects thousands of times: each is encoded once.
  const encoded = new Map<string, string>();
  const parts = new Array<string>(values.length);
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    let element = encoded.get(value);
    if (element === undefined) {
      element = BARE_ELEMENT.test(value) && value.toUpperCase() !== 'NULL' ? value : `"${value.replace(/[\\"]/g, '\\$&')}"`;
      encoded.set(value, element);
    }
    parts[i] = element;
  }
  return `{${parts.join(',')}}`;
}

