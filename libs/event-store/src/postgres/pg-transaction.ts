import type { Pool, PoolClient } from 'pg';

/** Runs work in BEGIN/COMMIT on a pooled client; rolls back and rethrows on any error. */
export async function withTransaction<T>(pool: Pool, work: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch((rollbackError: Error) => (broken = rollbackError));
    throw error;
  } finally {
    client.release(broken); // a connection that could not roll back is discarded
  }
}

/** The PostgreSQL error code of a driver error (e.g. '23505' unique violation), if any. */
export function pgErrorCode(error: unknown): string | undefined {
  return (error as { code?: unknown } | null)?.code as string | undefined;
}

/** The violated constraint of a driver error, if any. */
export function pgConstraint(error: unknown): string | undefined {
  return (error as { constraint?: unknown } | null)?.constraint as string | undefined;
}
