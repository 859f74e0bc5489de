import { DeciderSpecification } from '@rectify/testing';
import type { CommandContext, Role } from '../shared';
import type { FindingCommand } from './finding.commands';
import { findingDecider } from './finding.decider';
import type { FindingEvent } from './finding.events';

const F = 'f-1';
const at = (role: Role, id: string): CommandContext => ({ actor: { id, role }, now: new Date('2023-03-06T02:00:00Z') });
const spec = () => DeciderSpecification.for(findingDecider);
const recorded: FindingEvent = {
  type: 'FindingRecorded',
  data: { findingId: F, inspectionId: 'i', unitId: 'u', category: 'equipment', severity: 'major', title: 't', description: 'd', responsibleOfficialIds: [], evidence: [], observedAt: '2023-03-06T01:00:00.000Z' },
};
const acknowledged: FindingEvent = { type: 'FindingAcknowledged', data: { findingId: F } };
const request = (requestId: string, by = 'head-1', max = 2): FindingCommand => ({
  type: 'RequestDeadlineExtension',
  data: { findingId: F, requestId, workingDays: 5, reason: 'Chờ thiết bị', maxExtensions: max, maxWorkingDays: 10 },
  metadata: at('unit_head', by),
});
const requested = (requestId: string, by = 'head-1'): FindingEvent => ({
  type: 'FindingExtensionRequested',
  data: { findingId: F, requestId, workingDays: 5, reason: 'Chờ thiết bị', requestedBy: by },
});
const decide = (requestId: string, by: string, granted = true): FindingCommand => ({
  type: 'DecideDeadlineExtension',
  data: { findingId: F, requestId, granted, reason: 'ok' },
  metadata: at('team_lead', by),
});
const decided = (requestId: string, granted = true): FindingEvent => ({
  type: 'FindingExtensionDecided',
  data: { findingId: F, requestId, granted, workingDays: 5, reason: 'ok', decidedBy: 'lead-1' },
});

describe('deadline extensions and delegation', () => {
  it('records a request by the unit head and a decision by a team lead', () => {
    spec().given([recorded, acknowledged]).when(request('x-1')).then([requested('x-1')]);
    spec().given([recorded, acknowledged, requested('x-1')]).when(decide('x-1', 'lead-1')).then([decided('x-1')]);
  });

  it('never lets the requester decide their own request', () => {
    spec().given([recorded, acknowledged, requested('x-1', 'p-9')]).when(decide('x-1', 'p-9')).thenThrows('FINDING.REQUESTER_CANNOT_DECIDE');
  });

  it('caps granted extensions per policy and allows one pending request at a time', () => {
    const twoGranted = [recorded, acknowledged, requested('x-1'), decided('x-1'), requested('x-2'), decided('x-2')];
    spec().given(twoGranted).when(request('x-3')).thenThrows('FINDING.EXTENSION_LIMIT_REACHED');
    spec().given([recorded, acknowledged, requested('x-1'), decided('x-1', false)]).when(request('x-2', 'head-1', 1)).then([requested('x-2')]);
    spec().given([recorded, acknowledged, requested('x-1')]).when(request('x-2')).thenThrows('FINDING.EXTENSION_PENDING');
  });

  it('refuses extensions beyond the largest allowed, a decided request, and before acknowledgement', () => {
    spec().given([recorded, acknowledged]).when({ ...request('x-1'), data: { ...(request('x-1').data as object), workingDays: 11 } } as FindingCommand).thenThrows('FINDING.INVALID_EXTENSION_DAYS');
    spec().given([recorded, acknowledged, requested('x-1'), decided('x-1')]).when(decide('x-1', 'lead-1')).thenThrows('FINDING.EXTENSION_ALREADY_DECIDED');
    spec().given([recorded]).when(request('x-1')).thenThrows('FINDING.EXTENSION_NOT_ALLOWED_NOW');
  });

  it('delegates to another team once; the history stays in the same stream', () => {
    const delegate = (to: string): FindingCommand => ({ type: 'DelegateFinding', data: { findingId: F, fromTeamId: 'team-a', toTeamId: to, reason: 'làm rõ' }, metadata: at('team_lead', 'lead-1') });
    spec().given([recorded]).when(delegate('team-b')).then([{ type: 'FindingDelegated', data: { findingId: F, fromTeamId: 'team-a', toTeamId: 'team-b', reason: 'làm rõ' } }]);
    spec().given([recorded]).when(delegate('team-a')).thenThrows('FINDING.ALREADY_WITH_TEAM');
    spec()
      .given([recorded, { type: 'FindingDelegated', data: { findingId: F, fromTeamId: 'team-a', toTeamId: 'team-b', reason: 'x' } }])
      .when(delegate('team-b'))
      .thenThrows('FINDING.ALREADY_WITH_TEAM');
  });
});
