import type { Decider } from '@rectify/domain';
import type { EventStore, ReadStreamOptions, RecordedEvent } from '@rectify/event-store';

export interface LoadedAggregate<S> {
  state: S;
  /** 0 when the stream does not exist. */
  version: number;
  events: RecordedEvent[];
}

/** Folds a stream with a decider's evolve (optionally as of a past moment). */
export async function loadAggregate<C, E, S>(
  store: EventStore,
  decider: Decider<C, E, S>,
  streamId: string,
  options?: ReadStreamOptions,
): Promise<LoadedAggregate<S>> {
  const events = await store.readStream(streamId, options);
  const state = events.reduce((s, e) => decider.evolve(s, { type: e.type, data: e.data } as unknown as E), decider.initialState());
  return { state, version: events[events.length - 1]?.version ?? 0, events };
}
