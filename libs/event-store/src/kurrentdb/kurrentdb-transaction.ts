import { pgErrorCode, withTransaction } from '../postgres/pg-transaction';

/** The KurrentDB adapter's PostgreSQL side (claims, commands, checkpoints) uses the same transactions. */
export { withTransaction as inTransaction };

/** True for a PostgreSQL unique violation. */
export function isUniqueViolation(error: unknown): boolean {
  return pgErrorCode(error) === '23505';
}
