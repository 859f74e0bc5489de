import { ApiError, fieldProblems } from '../../web/src/api/problem';
import { availableCaseActions } from '../../web/src/screens/case-rules';
import type { DisciplinaryCase } from '../../web/src/api/cases';
import { months, nextDay, startOfDay } from '../../web/src/screens/dashboard-periods';

describe('web dashboard and board helpers', () => {
  it('splits a period into calendar months (Vietnam time), at most 24', () => {
    expect(months('2025-11-15', '2026-02-03')).toEqual([
      { label: '11/2025', from: '2025-11-01T00:00:00+07:00', to: '2025-12-01T00:00:00+07:00' },
      { label: '12/2025', from: '2025-12-01T00:00:00+07:00', to: '2026-01-01T00:00:00+07:00' },
      { label: '01/2026', from: '2026-01-01T00:00:00+07:00', to: '2026-02-01T00:00:00+07:00' },
      { label: '02/2026', from: '2026-02-01T00:00:00+07:00', to: '2026-03-01T00:00:00+07:00' },
    ]);
    expect(months('2020-01-01', '2026-12-31')).toHaveLength(24);
    expect(months('2026-03-01', '2026-02-01')).toEqual([]);
  });

  it('turns an inclusive end date into the exclusive bound the reports take', () => {
    expect(nextDay('2024-02-28')).toBe('2024-02-29');
    expect(nextDay('2025-12-31')).toBe('2026-01-01');
    expect(startOfDay('2026-01-01')).toBe('2026-01-01T00:00:00+07:00');
  });

  it('puts a discipline validation problem next to the field its detail names', () => {
    expect(fieldProblems(new ApiError(422, 'CASE.INVALID_HEARING', 'heldAt is in the future'))).toEqual({ heldAt: ['heldAt is in the future'] });
    expect(fieldProblems(new ApiError(422, 'CASE.INVALID_DECISION', 'transferTo.unitId is required'))).toEqual({ transferTo: ['transferTo.unitId is required'] });
    expect(fieldProblems(new ApiError(409, 'CASE.NO_QUORUM', 'needs 3 votes'))).toEqual({});
  });

  it('offers each role only the case actions of the current step', () => {
    const base = {
      id: 'c', status: 'open', round: 0, explanations: [], votes: [], decision: null,
      subject: { officialId: 'subject', kind: 'official', unitId: 'u', unitHeadOfficialId: 'head' },
    } as unknown as DisciplinaryCase;
    expect(availableCaseActions(base, 'unit_head', 'subject')).toEqual(['explanation']);
    expect(availableCaseActions({ ...base, explanations: [{ round: 0, text: 'x' }] }, 'unit_head', 'subject')).toEqual([]);
    expect(availableCaseActions(base, 'board_secretary', 'sec')).toEqual(['hearing']);
    expect(availableCaseActions({ ...base, status: 'hearing_scheduled' }, 'board_secretary', 'sec')).toEqual(['hearingRecord']);
    const heard = { ...base, status: 'heard' } as DisciplinaryCase;
    expect(availableCaseActions(heard, 'board_member', 'm1')).toEqual(['vote']);
    expect(availableCaseActions({ ...heard, votes: [{ memberId: 'm1', decisionKind: 'warning' }] }, 'board_member', 'm1')).toEqual([]);
    expect(availableCaseActions(heard, 'board_secretary', 'sec')).toEqual(['decision']);
    const decided = { ...base, status: 'decided' } as DisciplinaryCase;
    expect(availableCaseActions(decided, 'unit_head', 'subject')).toEqual(['appeal']);
    expect(availableCaseActions(decided, 'admin', 'admin-1')).toEqual(['execution']);
  });
});
