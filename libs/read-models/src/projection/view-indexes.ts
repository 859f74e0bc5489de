import type { Pool, PoolClient } from 'pg';
import { withTransaction } from '@rectify/event-store';

/**
 * Secondary indexes of a read-model table, as `CREATE INDEX IF NOT EXISTS <name> ON …`
 * statements: created by the migration, dropped by a full rebuild (maintaining them row by row
 * while the whole log is replayed costs far more than building each once by sorting) and
 * built again after it. The primary key stays: the projector's upsert needs it.
 */
export type ViewIndexStatements = readonly string[];

const INDEX_NAME = /CREATE INDEX IF NOT EXISTS (\w+) ON/;

export function viewIndexName(statement: string): string {
  const match = INDEX_NAME.exec(statement);
  if (!match) throw new Error(`Not a CREATE INDEX IF NOT EXISTS statement: ${statement}`);
  return match[1];
}

/** In the rebuild's reset transaction (which also empties the table). Idempotent. */
export async function dropViewIndexes(tx: PoolClient, statements: ViewIndexStatements): Promise<void> {
  for (const statement of statements) await tx.query(`DROP INDEX IF EXISTS ${viewIndexName(statement)}`);
}

/**
 * Builds the missing ones (after a rebuild, and at every start-up: a rebuild that crashed
 * between drop and build leaves them missing, and the migration itself runs once per schema
 * version). Under a table lock, so concurrent callers never race on the same name.
 */
export async function ensureViewIndexes(pool: Pool, table: string, statements: ViewIndexStatements): Promise<void> {
  if (statements.length === 0) return;
  const names = statements.map(viewIndexName);
  const missing = async (db: Pick<Pool, 'query'>) => {
    const { rows } = await db.query<{ indexname: string }>(
      'SELECT indexname FROM pg_indexes WHERE schemaname = current_schema() AND tablename = $1 AND indexname = ANY($2::text[])', [table, names]);
    const present = new Set(rows.map((r) => r.indexname));
    return statements.filter((s) => !present.has(viewIndexName(s)));
  };
  if ((await missing(pool)).length === 0) return;
  await withTransaction(pool, async (tx) => {
    await tx.query(`LOCK TABLE ${table} IN SHARE ROW EXCLUSIVE MODE`);
    await tx.query(`SET LOCAL maintenance_work_mem = '256MB'`);
    for (const statement of await missing(tx)) await tx.query(statement);
  });
}
