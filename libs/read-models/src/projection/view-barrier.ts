import { LOG_START, compareLogPositions, readCheckpoint, type EventStore, type LogPosition, type Queryable } from '@rectify/event-store';
import type { AggregateViewDefinition } from './aggregate-view.definition';

/** What the barrier needs of a view: its name (hence its projector's checkpoint) and the types it folds. */
export type FoldedView = Pick<AggregateViewDefinition<unknown>, 'name' | 'eventTypes'>;

/** The checkpoint name of a view's projector (AggregateViewProjector). */
export const viewProjectionName = (view: Pick<FoldedView, 'name'>): string => `view:${view.name}`;

export class ViewNotCaughtUpError extends Error {
  constructor(view: string, position: LogPosition, timeoutMs: number) {
    super(`read model ${view} has not folded the log up to ${position.commit}/${position.prepare} within ${timeoutMs} ms; retried later`);
    this.name = 'ViewNotCaughtUpError';
  }
}

export interface ViewBarrierOptions {
  timeoutMs?: number;
  pollMs?: number;
}

/**
 * Read-your-log for a reaction that queries a view: resolves once the view has folded every
 * event of its types at or before `position` — its checkpoint is there, or no event of its
 * types lies between its checkpoint and `position` (a view is woken only by its own types, so
 * its checkpoint may rest earlier). A reaction runs on its own subscription, ahead of or behind
 * the projections; without this wait, the third finding of an official could be counted before
 * the view holds the first two, and the referral it should cause would never happen.
 * Throws ViewNotCaughtUpError after the timeout (default 10 s): the caller's batch is retried.
 */
export async function awaitViewsAt(
  db: Queryable,
  store: Pick<EventStore, 'readAll' | 'headPosition'>,
  views: readonly FoldedView[],
  position: LogPosition,
  options: ViewBarrierOptions = {},
): Promise<void> {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const deadline = Date.now() + timeoutMs;
  for (const view of views) {
    while (!(await hasFolded(db, store, view, position))) {
      if (Date.now() > deadline) throw new ViewNotCaughtUpError(viewProjectionName(view), position, timeoutMs);
      await new Promise((resolve) => setTimeout(resolve, options.pollMs ?? 20));
    }
  }
}

async function hasFolded(db: Queryable, store: Pick<EventStore, 'readAll' | 'headPosition'>, view: FoldedView, position: LogPosition): Promise<boolean> {
  const checkpoint = (await readCheckpoint(db, viewProjectionName(view)))?.position ?? LOG_START;
  if (compareLogPositions(checkpoint, position) >= 0) return true;
  const [next] = await store.readAll({ after: checkpoint, types: view.eventTypes, limit: 1 });
  if (next) return compareLogPositions(next.logPosition, position) > 0;
  // Nothing of its types visible after the checkpoint: folded, once the gap-free horizon has
  // reached `position` (before that, an earlier event may still be held back).
  return compareLogPositions(await store.headPosition(), position) >= 0;
}
