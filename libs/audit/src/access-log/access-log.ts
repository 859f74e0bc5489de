import type { Queryable } from '@rectify/event-store';

/** What was done: a refused request, or a read/export of a person's or unit's history. */
export const ACCESS_ACTIONS = ['authorization.refused', 'history.read', 'history.export'] as const;
export type AccessAction = (typeof ACCESS_ACTIONS)[number];

export interface AccessEntry {
  at: Date;
  action: AccessAction;
  actorId?: string | null;
  actorRole?: string | null;
  method?: string | null;
  path?: string | null;
  status?: number | null;
  subjectType?: string | null;
  subjectId?: string | null;
  detail?: Record<string, unknown>;
}

export interface StoredAccessEntry extends Omit<AccessEntry, 'at'> {
  id: string;
  at: string;
}

/** Appends to audit_access_log (append-only: the table refuses UPDATE, DELETE, TRUNCATE). */
export async function recordAccess(db: Queryable, entry: AccessEntry): Promise<void> {
  await db.query(
    `INSERT INTO audit_access_log (at, action, actor_id, actor_role, method, path, status, subject_type, subject_id, detail)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    [entry.at, entry.action, entry.actorId ?? null, entry.actorRole ?? null, entry.method ?? null, entry.path ?? null,
      entry.status ?? null, entry.subjectType ?? null, entry.subjectId ?? null, JSON.stringify(entry.detail ?? {})],
  );
}

export interface AccessLogFilter {
  action?: AccessAction;
  actorId?: string;
  subjectId?: string;
  from?: Date;
  to?: Date;
  /** Entries with id below this (paging, newest first). */
  before?: string;
  limit?: number;
}

/** Newest first. */
export async function listAccess(db: Queryable, filter: AccessLogFilter = {}): Promise<StoredAccessEntry[]> {
  const { rows } = await db.query<{
    id: string; at: Date; action: AccessAction; actor_id: string | null; actor_role: string | null; method: string | null;
    path: string | null; status: number | null; subject_type: string | null; subject_id: string | null; detail: Record<string, unknown>;
  }>(
    `SELECT id::text, at, action, actor_id, actor_role, method, path, status, subject_type, subject_id, detail
       FROM audit_access_log
      WHERE ($1::text IS NULL OR action = $1) AND ($2::text IS NULL OR actor_id = $2) AND ($3::text IS NULL OR subject_id = $3)
        AND ($4::timestamptz IS NULL OR at >= $4) AND ($5::timestamptz IS NULL OR at < $5)
        AND ($6::bigint IS NULL OR audit_access_log.id < $6)
      ORDER BY audit_access_log.id DESC LIMIT $7`,
    [filter.action ?? null, filter.actorId ?? null, filter.subjectId ?? null, filter.from ?? null, filter.to ?? null,
      filter.before ?? null, filter.limit ?? 100],
  );
  return rows.map((r) => ({
    id: r.id, at: r.at.toISOString(), action: r.action, actorId: r.actor_id, actorRole: r.actor_role, method: r.method,
    path: r.path, status: r.status, subjectType: r.subject_type, subjectId: r.subject_id, detail: r.detail,
  }));
}
