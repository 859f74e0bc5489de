import { DeciderSpecification } from '@rectify/testing';
import type { FindingEvent } from './finding.events';
import { findingDecider } from './finding.decider';
import type { HandOverResponsibility } from './finding-handover';

const NOW = new Date('2024-03-20T03:00:00Z');
const spec = () => DeciderSpecification.for(findingDecider);
const recorded: FindingEvent = {
  type: 'FindingRecorded',
  data: {
    findingId: 'f-1',
    inspectionId: 'i-1',
    unitId: 'u-1',
    category: 'working_hours',
    severity: 'major',
    title: 'Desk unstaffed',
    description: 'Empty desk',
    responsibleOfficialIds: ['o-1', 'o-2'],
    evidence: [],
    observedAt: '2024-03-08T01:40:00.000Z',
  },
};
const handOver = (patch: Partial<HandOverResponsibility['data']> = {}): HandOverResponsibility => ({
  type: 'HandOverResponsibility',
  data: { findingId: 'f-1', fromOfficialId: 'o-1', toOfficialId: 'o-9', reason: 'Điều chuyển theo quyết định kỷ luật', caseId: 'c-1', ...patch },
  metadata: { actor: { id: 'system', role: 'system' }, now: NOW },
});

describe('finding responsibility handover', () => {
  it('passes the departing official’s place to the receiver, with the reason and case', () => {
    spec()
      .given([recorded])
      .when(handOver())
      .then([{ type: 'FindingResponsibilityHandedOver', data: { findingId: 'f-1', fromOfficialId: 'o-1', toOfficialId: 'o-9', reason: 'Điều chuyển theo quyết định kỷ luật', caseId: 'c-1' } }]);
    spec().given([recorded]).when(handOver()).thenState({ status: 'recorded', responsibleOfficialIds: ['o-9', 'o-2'] });
    spec().given([recorded]).when(handOver({ toOfficialId: 'o-2' })).thenState({ responsibleOfficialIds: ['o-2'] });
  });

  it('refuses an official who is not responsible, a handover to oneself, and no reason', () => {
    spec().given([recorded]).when(handOver({ fromOfficialId: 'o-7' })).thenThrows('FINDING.NOT_RESPONSIBLE');
    spec().given([recorded]).when(handOver({ toOfficialId: 'o-1' })).thenThrows('FINDING.NOT_RESPONSIBLE');
    spec().given([recorded]).when(handOver({ reason: ' ' })).thenThrows('FINDING.INVALID_REASON');
  });
});
