import { createHash } from 'node:crypto';
import type { Pool } from 'pg';
import { withTransaction } from './pg-transaction';

const UNDEFINED_TABLE = '42P01';

/**
 * Applies a named schema once per version of its SQL. A boot whose schema is already in
 * place reads one row and runs no DDL: re-running CREATE OR REPLACE TRIGGER / CREATE INDEX
 * on tables that running engines are writing takes locks that can deadlock with them.
 * A changed SQL text (new checksum) is applied under one transaction-scoped advisory lock, so
 * concurrent boots apply it once; the statements themselves stay idempotent (IF NOT EXISTS).
 */
export async function applySchemaOnce(pool: Pool, name: string, statements: readonly string[]): Promise<void> {
  const checksum = createHash('sha256').update(statements.join('\n;\n')).digest('hex');
  if ((await appliedChecksum(pool, name)) === checksum) return;
  await withTransaction(pool, async (tx) => {
    // One lock for every schema: they share rectify_schema_versions, and concurrent
    // CREATE TABLE IF NOT EXISTS of the same table races in PostgreSQL.
    await tx.query(`SELECT pg_advisory_xact_lock(hashtext('rectify:migrate'))`);
    await tx.query(`CREATE TABLE IF NOT EXISTS rectify_schema_versions (
      name text PRIMARY KEY, checksum text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
    const { rows } = await tx.query<{ checksum: string }>('SELECT checksum FROM rectify_schema_versions WHERE name = $1', [name]);
    if (rows[0]?.checksum === checksum) return;
    for (const statement of statements) await tx.query(statement);
    await tx.query(
      `INSERT INTO rectify_schema_versions (name, checksum) VALUES ($1, $2)
       ON CONFLICT (name) DO UPDATE SET checksum = EXCLUDED.checksum, applied_at = now()`,
      [name, checksum],
    );
  });
}

async function appliedChecksum(pool: Pool, name: string): Promise<string | null> {
  try {
    const { rows } = await pool.query<{ checksum: string }>('SELECT checksum FROM rectify_schema_versions WHERE name = $1', [name]);
    return rows[0]?.checksum ?? null;
  } catch (error) {
    if ((error as { code?: string }).code === UNDEFINED_TABLE) return null;
    throw error;
  }
}
