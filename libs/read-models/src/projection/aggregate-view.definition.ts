export interface ViewColumn<S> {
  name: string;
  /** PostgreSQL type, as used in jsonb_to_recordset. */
  sqlType: 'text' | 'integer' | 'boolean' | 'timestamptz' | 'jsonb';
  value: (state: S) => unknown;
}

/**
 * A read view with one row per aggregate: the row keeps the aggregate's state (folded by
 * the domain's own evolve, so the view can never disagree with the write side) plus
 * columns derived from it for filtering and sorting.
 */
export interface AggregateViewDefinition<S> {
  name: string;
  table: string;
  streamPrefix: string;
  eventTypes: readonly string[];
  initialState(): S;
  evolve(state: S, event: { type: string; data: unknown }): S;
  columns: readonly ViewColumn<S>[];
}
