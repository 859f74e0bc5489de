import { DeciderSpecification } from './decider-specification';

class CounterError extends Error {
  constructor(readonly code: string) {
    super(code);
  }
}

type CounterCommand = { type: 'Add'; amount: number };
type CounterEvent = { type: 'Added'; amount: number };
type CounterState = { total: number };

const counter = {
  decide(command: CounterCommand, state: CounterState): CounterEvent[] {
    if (command.amount <= 0) throw new CounterError('COUNTER.NOT_POSITIVE');
    if (state.total + command.amount > 10) throw new CounterError('COUNTER.OVERFLOW');
    return [{ type: 'Added', amount: command.amount }];
  },
  evolve: (state: CounterState, event: CounterEvent): CounterState => ({ total: state.total + event.amount }),
  initialState: (): CounterState => ({ total: 0 }),
};

const spec = DeciderSpecification.for(counter);

describe('DeciderSpecification', () => {
  it('checks the events decided from the folded history', () => {
    spec.given([{ type: 'Added', amount: 4 }]).when({ type: 'Add', amount: 2 }).then([{ type: 'Added', amount: 2 }]);
  });

  it('fails when the events differ', () => {
    expect(() => spec.given([]).when({ type: 'Add', amount: 2 }).then([{ type: 'Added', amount: 3 }])).toThrow();
  });

  it('checks the state after the decided events', () => {
    spec.given([{ type: 'Added', amount: 4 }]).when({ type: 'Add', amount: 2 }).thenState({ total: 6 });
    spec
      .given([{ type: 'Added', amount: 1 }])
      .when({ type: 'Add', amount: 1 })
      .thenState((state) => expect(state.total).toBe(2));
  });

  it('matches a thrown error by code, class, class and code, or predicate', () => {
    const when = spec.given([{ type: 'Added', amount: 9 }]).when({ type: 'Add', amount: 2 });
    when.thenThrows('COUNTER.OVERFLOW');
    when.thenThrows(CounterError);
    when.thenThrows(CounterError, 'COUNTER.OVERFLOW');
    when.thenThrows((error) => error instanceof CounterError && error.code === 'COUNTER.OVERFLOW');
    expect(when.thenThrows(CounterError)).toBeInstanceOf(CounterError);
  });

  it('fails when nothing is thrown or the wrong thing is', () => {
    const ok = spec.given([]).when({ type: 'Add', amount: 1 });
    expect(() => ok.thenThrows('COUNTER.OVERFLOW')).toThrow(/Expected decide\(\) to throw COUNTER.OVERFLOW/);
    const bad = spec.given([]).when({ type: 'Add', amount: 0 });
    expect(() => bad.thenThrows('COUNTER.OVERFLOW')).toThrow();
    expect(() => bad.thenThrows(TypeError)).toThrow();
    expect(() => bad.thenThrows(CounterError, 'COUNTER.OVERFLOW')).toThrow();
    expect(() => bad.thenThrows(() => false)).toThrow(/predicate/);
  });
});
