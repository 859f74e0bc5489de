import type { Pool } from 'pg';
import { withTransaction } from '@rectify/event-store';

/** A schema a service may own: a plain lower-case identifier (never quoted, never `public`). */
const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

export function assertServiceSchemaName(schema: string): void {
  if (!SCHEMA_NAME.test(schema) || schema === 'public' || schema.startsWith('pg_')) {
    throw new Error(`'${schema}' cannot be a service schema: use a lower-case identifier other than public and pg_*`);
  }
}

/**
 * libpq startup `options` for a service's pool: unqualified names resolve in the service's
 * schema first (its read models, checkpoints, timers), then in `public` (the event store's
 * events, streams, commands and functions). Set per session at connect: no extra round trip.
 */
export function serviceSearchPath(schema: string): string {
  assertServiceSchemaName(schema);
  return `-c search_path=${schema},public`;
}

/** The event store's own pool in a service: `public` only, whatever the role's default search_path. */
export const PUBLIC_SEARCH_PATH = '-c search_path=public';

/**
 * Makes `schema` ready for a service's migrations, through `pool` (search_path public; the
 * event store already migrated):
 * - the schema itself, unless it exists (a DBA may create it owned by the service's role;
 *   CREATE SCHEMA IF NOT EXISTS would still ask for CREATE on the database);
 * - its own `rectify_schema_versions`, so migrations run on the service's pool record their
 *   version where they create their tables (not in public's, which would skip them);
 * - its own `subscription_checkpoints`, shaped like the event store's (columns added there later
 *   are added here at the next boot).
 * A boot that finds all of it in place runs one catalog query and no DDL.
 */
export async function prepareServiceSchema(pool: Pool, schema: string): Promise<void> {
  assertServiceSchemaName(schema);
  if ((await missingParts(pool, schema)) === 0) return;
  await withTransaction(pool, async (tx) => {
    // The migrations' lock: concurrent replicas prepare the schema once.
    await tx.query(`SELECT pg_advisory_xact_lock(hashtext('rectify:migrate'))`);
    const exists = await tx.query('SELECT 1 FROM pg_namespace WHERE nspname = $1', [schema]);
    if (exists.rowCount === 0) await tx.query(`CREATE SCHEMA ${schema}`);
    await tx.query(`CREATE TABLE IF NOT EXISTS ${schema}.rectify_schema_versions (
      name text PRIMARY KEY, checksum text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
    await tx.query(`CREATE TABLE IF NOT EXISTS ${schema}.subscription_checkpoints (LIKE public.subscription_checkpoints INCLUDING ALL)`);
    for (const column of await missingCheckpointColumns(tx, schema)) {
      await tx.query(
        `ALTER TABLE ${schema}.subscription_checkpoints ADD COLUMN IF NOT EXISTS ${quoteIdent(column.name)} ${column.type}` +
          (column.default !== null ? ` DEFAULT ${column.default}` : '') +
          (column.notNull ? ' NOT NULL' : ''),
      );
    }
  });
}

interface Queryable {
  query: Pool['query'];
}

async function missingParts(db: Queryable, schema: string): Promise<number> {
  const { rows } = await db.query<{ tables: number }>(
    `SELECT count(*)::int AS tables FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = $1 AND c.relname IN ('rectify_schema_versions', 'subscription_checkpoints')`,
    [schema],
  );
  if (rows[0].tables < 2) return 2 - rows[0].tables;
  return (await missingCheckpointColumns(db, schema)).length;
}

/** Columns of public.subscription_checkpoints that the service's copy lacks. */
async function missingCheckpointColumns(db: Queryable, schema: string) {
  const { rows } = await db.query<{ name: string; type: string; default: string | null; notNull: boolean }>(
    `SELECT a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type,
            pg_get_expr(d.adbin, d.adrelid) AS default, a.attnotnull AS "notNull"
       FROM pg_attribute a LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
      WHERE a.attrelid = 'public.subscription_checkpoints'::regclass AND a.attnum > 0 AND NOT a.attisdropped
        AND NOT EXISTS (SELECT 1 FROM pg_attribute b
                         WHERE b.attrelid = to_regclass($1) AND b.attname = a.attname AND NOT b.attisdropped)
      ORDER BY a.attnum`,
    [`${schema}.subscription_checkpoints`],
  );
  return rows;
}

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
