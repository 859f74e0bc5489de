import type { Queryable } from '@rectify/event-store';

/** Rows per FETCH from a server-side cursor. */
const FETCH = 1_000;

/**
 * Runs `setup` and then `query` in ONE read-only REPEATABLE READ transaction (one snapshot for
 * everything read in it), handing over FETCH rows at a time from a server-side cursor; for a
 * small store (`small`) the query runs plainly (one round trip for its rows). `setup` are
 * statements (SET LOCAL …) or reads whose rows go to `onSetup` in order. `db` must be one
 * connection (the cursor lives in its transaction).
 */
export async function inCursor<R>(
  db: Queryable,
  name: string,
  query: string,
  params: unknown[],
  onRows: (rows: R[]) => void,
  options: { setup?: Array<{ sql: string; params?: unknown[]; onRows?: (rows: never[]) => void }>; small?: boolean } = {},
): Promise<void> {
  await db.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
  try {
    for (const step of options.setup ?? []) {
      const { rows } = await db.query(step.sql, step.params ?? []);
      step.onRows?.(rows as never[]);
    }
    if (options.small) {
      onRows((await db.query<R & object>(query, params)).rows);
      return;
    }
    await db.query(`DECLARE ${name} NO SCROLL CURSOR FOR ${query}`, params);
    for (;;) {
      const { rows } = await db.query<R & object>(`FETCH ${FETCH} FROM ${name}`);
      onRows(rows);
      if (rows.length < FETCH) break;
    }
  } finally {
    await db.query('COMMIT');
  }
}
