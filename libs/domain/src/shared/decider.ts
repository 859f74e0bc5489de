/**
 * A decider (emmett style): pure functions over a stream's state.
 * decide() throws a DomainError for a command that is illegal in the current state;
 * it never reads the clock or makes ids: both arrive in the command.
 */
export interface Decider<Command, Event, State> {
  decide(command: Command, state: State): Event[];
  evolve(state: State, event: Event): State;
  initialState(): State;
}

/** Folds events into state with the decider's evolve. */
export function replay<Command, Event, State>(
  decider: Decider<Command, Event, State>,
  events: readonly Event[],
): State {
  return events.reduce((state, event) => decider.evolve(state, event), decider.initialState());
}
