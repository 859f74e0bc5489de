import type { Pool } from 'pg';

/**
 * Per type, how many events each remediation stream holds: the returned `exactly(type, n)`
 * asserts that every one of the `findings` streams holds exactly n events of that type.
 */
export async function remediationEventsPerStream(pool: Pool, findings: number): Promise<(type: string, perStream: number) => void> {
  const { rows } = await pool.query<{ type: string; min: number; max: number; total: number }>(
    `SELECT type, min(n)::int AS min, max(n)::int AS max, sum(n)::int AS total FROM (
       SELECT stream_id, type, count(*) AS n FROM events WHERE stream_id LIKE 'remediation-%' GROUP BY stream_id, type) s
     GROUP BY type ORDER BY type`,
  );
  const byType = Object.fromEntries(rows.map((r) => [r.type, r]));
  return (type, perStream) => expect(byType[type]).toEqual({ type, min: perStream, max: perStream, total: perStream * findings });
}
