import type { Queryable } from '@rectify/event-store';

export interface TableDigest {
  table: string;
  rows: number;
  /** md5 over the rows' text forms in a fixed order: equal digests = identical contents. */
  digest: string;
}

/**
 * A content digest of a read-model table: every row as text, sorted, hashed. Used to check
 * that a rebuild from position 0 reproduces the read models exactly.
 */
export async function tableDigest(db: Queryable, table: string): Promise<TableDigest> {
  if (!/^[a-z_][a-z0-9_]*$/.test(table)) throw new Error(`Not a plain table name: ${table}`);
  const { rows } = await db.query<{ rows: string; digest: string | null }>(
    `SELECT count(*)::text AS rows, md5(string_agg(t.row_text, E'\\n' ORDER BY t.row_text COLLATE "C")) AS digest
       FROM (SELECT r::text AS row_text FROM ${table} r) t`,
  );
  return { table, rows: Number(rows[0].rows), digest: rows[0].digest ?? md5Empty };
}

const md5Empty = 'd41d8cd98f00b204e9800998ecf8427e';

export async function tableDigests(db: Queryable, tables: readonly string[]): Promise<TableDigest[]> {
  const out: TableDigest[] = [];
  for (const table of tables) out.push(await tableDigest(db, table));
  return out;
}

/** Tables whose digest differs between two snapshots (or that appear in only one). */
export function digestDifferences(before: readonly TableDigest[], after: readonly TableDigest[]): string[] {
  const index = new Map(after.map((d) => [d.table, d]));
  const names = new Set([...before.map((d) => d.table), ...after.map((d) => d.table)]);
  return [...names].filter((name) => {
    const a = before.find((d) => d.table === name);
    const b = index.get(name);
    return !a || !b || a.digest !== b.digest || a.rows !== b.rows;
  });
}
