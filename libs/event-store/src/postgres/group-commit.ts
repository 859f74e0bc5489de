import type { Pool } from 'pg';
import { outcomeOf, type BatchRow, type PreparedAppend } from './batched-append';

/**
 * Runs one batch of prepared appends as ONE statement (rectify_append_batch, autocommit: one
 * transaction, one commit) and settles every append with its own outcome. Never rejects.
 *
 * If the statement fails, nothing of the batch was written (a statement is atomic). A batch of
 * several is then re-run one append at a time, so an append that makes the statement fail
 * (bad data, a unique violation raced by another transaction) fails alone and the others
 * still commit; an error that is not any one append's fault fails each of them.
 */
export async function runAppendBatch(
  pool: Pool,
  batch: readonly PreparedAppend[],
  translateError: (error: unknown, append: PreparedAppend) => Promise<unknown>,
): Promise<void> {
  let rows: BatchRow[];
  // Heads are locked in this order; every batch uses it, so batches never deadlock each other.
  const ordered = [...batch].sort((a, b) => (a.streamId < b.streamId ? -1 : a.streamId > b.streamId ? 1 : 0));
  try {
    rows = (await pool.query<BatchRow>('SELECT * FROM rectify_append_batch($1::jsonb)', [
      `[${ordered.map((append) => append.payload).join(',')}]`,
    ])).rows;
  } catch (error) {
    if (ordered.length === 1) return ordered[0].settle({ error: await translateError(error, ordered[0]) });
    for (const append of ordered) await runAppendBatch(pool, [append], translateError);
    return;
  }
  const byAppend = new Map<number, BatchRow[]>();
  for (const row of rows) {
    const list = byAppend.get(row.r_append) ?? [];
    list.push(row);
    byAppend.set(row.r_append, list);
  }
  ordered.forEach((append, index) => {
    try {
      append.settle({ result: outcomeOf(append, byAppend.get(index + 1) ?? []) });
    } catch (error) {
      append.settle({ error });
    }
  });
}
