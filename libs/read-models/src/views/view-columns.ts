import type { ViewColumn } from '../projection/aggregate-view.definition';

type Present<S> = Exclude<S, { status: 'absent' }>;

/** A column copied from a field of the aggregate's state (null while the aggregate is absent). */
export function stateColumn<S extends { status: string }>(
  name: string,
  sqlType: ViewColumn<S>['sqlType'],
  pick: (state: Present<S>) => unknown,
): ViewColumn<S> {
  return {
    name,
    sqlType,
    value: (state) => (state.status === 'absent' ? null : pick(state as Present<S>)),
  };
}
