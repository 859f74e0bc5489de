import type { RecordedDecision } from './case.values';
import { planDecisionExecution, type ExecutionFacts } from './decision-execution';

const base: RecordedDecision = {
  kind: 'transfer',
  reasons: 'r',
  effectiveDate: '2024-03-20',
  successorOfficialId: null,
  transferTo: { unitId: 'u-2', position: 'Chuyên viên' },
  decidedOn: '2024-03-04',
  appealDeadline: '2024-03-18',
  executesOn: '2024-03-20',
  votesFor: 3,
  votesCast: 3,
};
const facts = (patch: Partial<ExecutionFacts> = {}): ExecutionFacts => ({
  subject: { officialId: 'o-1', unitId: 'u-1', position: 'Công chức một cửa', active: true },
  subjectHeadsUnitId: null,
  unitHeadOfficialId: 'h-1',
  successor: null,
  openFindingIds: ['f-2', 'f-1'],
  ...patch,
});

describe('planning the execution of a decision', () => {
  it('transfer: moves the official and hands open findings to the named successor', () => {
    const plan = planDecisionExecution({ ...base, successorOfficialId: 's-1' }, facts({ successor: { officialId: 's-1', unitId: 'u-1', active: true } }));
    expect(plan.steps.map((s) => s.id)).toEqual(['transfer_official:o-1', 'hand_over_finding:f-1', 'hand_over_finding:f-2']);
    expect(plan.steps[1]).toMatchObject({ fromOfficialId: 'o-1', toOfficialId: 's-1' });
    expect(plan.unassignedFindingIds).toEqual([]);
  });

  it('transfer without successor: the unit head takes the findings over', () => {
    const plan = planDecisionExecution(base, facts());
    expect(plan.steps.filter((s) => s.kind === 'hand_over_finding').map((s) => 'toOfficialId' in s && s.toOfficialId)).toEqual(['h-1', 'h-1']);
  });

  it('replacement of a head by someone from another unit: move, appoint, hand over', () => {
    const plan = planDecisionExecution(
      { ...base, kind: 'replacement', transferTo: null, successorOfficialId: 's-1' },
      facts({ subjectHeadsUnitId: 'u-1', unitHeadOfficialId: 'o-1', successor: { officialId: 's-1', unitId: 'u-9', active: true }, openFindingIds: ['f-1'] }),
    );
    expect(plan.steps).toEqual([
      { id: 'transfer_official:s-1', kind: 'transfer_official', officialId: 's-1', toUnitId: 'u-1', position: 'Công chức một cửa' },
      { id: 'appoint_unit_head:u-1:s-1', kind: 'appoint_unit_head', unitId: 'u-1', officialId: 's-1' },
      { id: 'hand_over_finding:f-1', kind: 'hand_over_finding', findingId: 'f-1', fromOfficialId: 'o-1', toOfficialId: 's-1' },
    ]);
  });

  it('forced termination of a head without successor: vacates, deactivates, reports unassigned findings', () => {
    const plan = planDecisionExecution(
      { ...base, kind: 'forced_termination', transferTo: null },
      facts({ subjectHeadsUnitId: 'u-1', unitHeadOfficialId: 'o-1', openFindingIds: ['f-1'] }),
    );
    expect(plan.steps.map((s) => s.id)).toEqual(['vacate_unit_head:u-1:o-1', 'deactivate_official:o-1']);
    expect(plan.unassignedFindingIds).toEqual(['f-1']);
  });

  it('record-only decisions change nothing', () => {
    expect(planDecisionExecution({ ...base, kind: 'warning', transferTo: null }, facts())).toEqual({ steps: [], unassignedFindingIds: [] });
  });
});
