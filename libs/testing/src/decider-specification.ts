/**
 * Given/when/then for deciders (after emmett's DeciderSpecification):
 *
 *   DeciderSpecification.for(decider).given(events).when(command).then(expectedEvents)
 *   DeciderSpecification.for(decider).given(events).when(command).thenThrows('FINDING.NOT_FOUND')
 *
 * `given` events are folded with evolve from initialState; `when` runs decide on the result.
 * Uses Jest's global `expect` only.
 */
export interface DeciderLike<Command, Event, State> {
  decide(command: Command, state: State): Event[];
  evolve(state: State, event: Event): State;
  initialState(): State;
}

type ErrorClass = abstract new (...args: never[]) => Error;
type ErrorPredicate = (error: unknown) => boolean;
/** A stable error code (string), an error class, or a predicate over the thrown value. */
export type ThrownExpectation = string | ErrorClass | ErrorPredicate;

export class DeciderSpecification<Command, Event, State> {
  private constructor(
    private readonly decider: DeciderLike<Command, Event, State>,
    private readonly history: readonly Event[] = [],
  ) {}

  static for<Command, Event, State>(
    decider: DeciderLike<Command, Event, State>,
  ): DeciderSpecification<Command, Event, State> {
    return new DeciderSpecification(decider);
  }

  given(events: readonly Event[] = []): DeciderSpecification<Command, Event, State> {
    return new DeciderSpecification(this.decider, [...this.history, ...events]);
  }

  when(command: Command): DeciderOutcome<Command, Event, State> {
    return new DeciderOutcome(this.decider, this.history, command);
  }
}

export class DeciderOutcome<Command, Event, State> {
  constructor(
    private readonly decider: DeciderLike<Command, Event, State>,
    private readonly history: readonly Event[],
    private readonly command: Command,
  ) {}

  /** The state before the command: history folded from initialState. */
  private stateBefore(): State {
    return this.history.reduce((state, event) => this.decider.evolve(state, event), this.decider.initialState());
  }

  /** Asserts decide() returns exactly these events (deep equality, in order). Returns them. */
  then(expected: readonly Event[]): Event[] {
    const actual = this.decider.decide(this.command, this.stateBefore());
    expect(actual).toEqual(expected);
    return actual;
  }

  /**
   * Asserts the state after the resulting events matches `expected` (toMatchObject), or
   * passes it to an assertion callback. Returns the state.
   */
  thenState(expected: Partial<State> | Record<string, unknown> | ((state: State) => void)): State {
    const before = this.stateBefore();
    const after = this.decider
      .decide(this.command, before)
      .reduce((state, event) => this.decider.evolve(state, event), before);
    if (typeof expected === 'function') expected(after);
    else expect(after).toMatchObject(expected);
    return after;
  }

  /**
   * Asserts decide() throws. `expected` is a code (compared with `error.code`), an error
   * class, or a predicate; `code` additionally checks the code when a class is given.
   * Returns the thrown value.
   */
  thenThrows(expected: ThrownExpectation, code?: string): unknown {
    let thrown: unknown;
    let threw = false;
    let produced: Event[] | undefined;
    try {
      produced = this.decider.decide(this.command, this.stateBefore());
    } catch (error) {
      threw = true;
      thrown = error;
    }
    if (!threw) {
      throw new Error(`Expected decide() to throw ${describeExpectation(expected, code)}, but it returned ${JSON.stringify(produced)}`);
    }
    if (typeof expected === 'string') {
      expect(codeOf(thrown)).toBe(expected);
    } else if (isErrorClass(expected)) {
      expect(thrown).toBeInstanceOf(expected);
      if (code !== undefined) expect(codeOf(thrown)).toBe(code);
    } else {
      if (!expected(thrown)) {
        throw new Error(`Thrown value did not satisfy the predicate: ${String(thrown)}`);
      }
      if (code !== undefined) expect(codeOf(thrown)).toBe(code);
    }
    return thrown;
  }
}

function codeOf(error: unknown): unknown {
  return typeof error === 'object' && error !== null && 'code' in error ? (error as { code: unknown }).code : undefined;
}

/** Classes have a prototype that is (or extends) Error.prototype; arrow predicates have none. */
function isErrorClass(value: ErrorClass | ErrorPredicate): value is ErrorClass {
  return value === Error || value.prototype instanceof Error;
}

function describeExpectation(expected: ThrownExpectation, code?: string): string {
  const what = typeof expected === 'string' ? expected : expected.name || 'a matching error';
  return code ? `${what} (${code})` : what;
}
