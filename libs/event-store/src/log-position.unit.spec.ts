import { compareLogPositions, formatLogPosition } from './log-position';

describe('log positions', () => {
  it('order by commit, then prepare', () => {
    expect(compareLogPositions({ commit: 1n, prepare: 9n }, { commit: 2n, prepare: 1n })).toBe(-1);
    expect(compareLogPositions({ commit: 2n, prepare: 3n }, { commit: 2n, prepare: 1n })).toBe(1);
    expect(compareLogPositions({ commit: 2n, prepare: 3n }, { commit: 2n, prepare: 3n })).toBe(0);
    expect(formatLogPosition({ commit: 10n, prepare: 99n })).toBe('10/99');
  });
});
