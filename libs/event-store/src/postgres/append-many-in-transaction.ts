import type { ClientBase } from 'pg';
import type { AppendOptions, AppendResult, NewEvent } from '../event-store.port';
import { appendInTransaction, validateAppend } from './append-in-transaction';
import { outcomeOf, prepareBatchedAppend, type BatchRow, type PreparedAppend } from './batched-append';

/** One stream's part of a multi-stream append. */
export interface StreamAppend {
  streamId: string;
  events: readonly NewEvent[];
  options: AppendOptions;
}

const byStreamId = <T extends { streamId: string }>(a: T, b: T): number => (a.streamId < b.streamId ? -1 : a.streamId > b.streamId ? 1 : 0);
const ignoreSettle: PreparedAppend['settle'] = () => undefined;

/**
 * Several appends, to distinct streams, on a client whose transaction the caller owns, in ONE
 * statement (rectify_append_batch, the group-commit function): every head row-locked in
 * stream-id order, each append decided exactly as appendInTransaction decides it — expected
 * version, idempotent retry (same ids, same stream, same order: its stored events come back,
 * `duplicate: true`, nothing written for it), command record, per-stream hash chain from the
 * locked head — and all events written in one insert in the caller's transaction (one
 * transaction id: gap-free readers see them together, streams in stream-id order, each
 * stream's events in the given order).
 *
 * Results come back in the order of `appends`. The first failing append (ConcurrencyError,
 * CommandKeyTakenError, DuplicateEventIdError) is thrown; the others of the call may already be
 * written in the caller's transaction, so on any error the caller must ROLL BACK (as after a
 * failed appendInTransaction). Driver errors are not translated.
 *
 * An append the function cannot take (no events; expected version 'any' with a command; a
 * command response that depends on database-assigned values: see prepareBatchedAppend) sends the
 * whole call down appendInTransaction, one stream at a time in stream-id order: same outcomes,
 * more round trips. Each stream, event id and command key at most once per call.
 */
export async function appendManyInTransaction(
  client: ClientBase,
  appends: readonly StreamAppend[],
  recordedAt: Date,
): Promise<AppendResult[]> {
  assertDistinctClaims(appends);
  const prepared: PreparedAppend[] = [];
  for (const append of appends) {
    const valid = validateAppend(append.streamId, append.events, append.options);
    const one = prepareBatchedAppend(append.streamId, valid, append.options, recordedAt, ignoreSettle);
    if (!one) return appendOneByOne(client, appends, recordedAt);
    prepared.push(one);
  }
  if (prepared.length === 0) return [];
  // Heads are locked in this order by every multi-stream append and group-commit batch.
  const ordered = prepared.map((append, index) => ({ append, index, streamId: append.streamId })).sort(byStreamId);
  const { rows } = await client.query<BatchRow>('SELECT * FROM rectify_append_batch($1::jsonb)', [
    `[${ordered.map((o) => o.append.payload).join(',')}]`,
  ]);
  const rowsOf = new Map<number, BatchRow[]>();
  for (const row of rows) rowsOf.set(row.r_append, [...(rowsOf.get(row.r_append) ?? []), row]);
  const results: AppendResult[] = new Array<AppendResult>(prepared.length);
  ordered.forEach((o, position) => {
    results[o.index] = outcomeOf(o.append, rowsOf.get(position + 1) ?? []);
  });
  return results;
}

async function appendOneByOne(client: ClientBase, appends: readonly StreamAppend[], recordedAt: Date): Promise<AppendResult[]> {
  const ordered = appends.map((append, index) => ({ ...append, index })).sort(byStreamId);
  const results: AppendResult[] = new Array<AppendResult>(appends.length);
  for (const a of ordered) results[a.index] = await appendInTransaction(client, a.streamId, a.events, a.options, recordedAt);
  return results;
}

/** One call may name each stream, event id and command key only once (ids repeated inside one append: validateAppend). */
function assertDistinctClaims(appends: readonly StreamAppend[]): void {
  const seen = new Set<string>();
  const claim = (what: string, value: string) => {
    if (seen.has(`${what}:${value}`)) throw new TypeError(`appendManyInTransaction: ${what} ${value} appears in more than one append`);
    seen.add(`${what}:${value}`);
  };
  for (const append of appends) {
    claim('stream', append.streamId);
    for (const id of new Set(append.events.map((e) => String(e.id).toLowerCase()))) claim('event id', id);
    if (append.options.command) claim('command key', append.options.command.key);
  }
}
