import { DeciderSpecification } from '@rectify/testing';
import {
  ForbiddenError,
  IllegalTransitionError,
  NotFoundError,
  ROLES,
  ValidationError,
  type CommandContext,
  type Role,
} from '../shared';
import type { FindingCommand, RecordFinding } from './finding.commands';
import { findingDecider } from './finding.decider';
import type { FindingEvent, FindingRecorded } from './finding.events';
import { FINDING_COMMAND_ROLES } from './finding.roles';
import type { FindingState } from './finding.state';
import { FINDING_STATUSES, type FindingSeverity, type FindingStatus } from './finding.values';

const NOW = new Date('2024-03-10T03:00:00.000Z'); // 10:00 in Hanoi
const ID = 'f-1';
const SHA = 'a'.repeat(64);
const ctx = (role: Role, now: Date = NOW): CommandContext => ({ actor: { id: `${role}-1`, role }, now });
const spec = () => DeciderSpecification.for(findingDecider);

const recordData: RecordFinding['data'] = {
  findingId: ID,
  inspectionId: 'i-1',
  unitId: 'u-1',
  category: 'working_hours',
  severity: 'major',
  title: 'Desk unstaffed during office hours',
  description: 'The one-stop desk was empty from 08:00 to 08:40.',
  responsibleOfficialIds: ['o-1', 'o-2'],
  evidence: [{ name: 'photo.jpg', sha256: SHA, url: 'https://files.example/photo.jpg' }],
  observedAt: '2024-03-08T08:40:00+07:00',
};

const recorded = (severity: FindingSeverity = 'major'): FindingRecorded => ({
  type: 'FindingRecorded',
  data: {
    ...recordData,
    severity,
    responsibleOfficialIds: ['o-1', 'o-2'],
    evidence: [{ name: 'photo.jpg', sha256: SHA, url: 'https://files.example/photo.jpg' }],
    observedAt: '2024-03-08T01:40:00.000Z',
  },
});
const acknowledged: FindingEvent = { type: 'FindingAcknowledged', data: { findingId: ID } };
const disputed: FindingEvent = { type: 'FindingDisputed', data: { findingId: ID, reason: 'Desk was staffed' } };
const disputeRejected: FindingEvent = {
  type: 'FindingDisputeResolved',
  data: { findingId: ID, upheld: false, reason: 'Camera shows staff present' },
};
const withdrawn: FindingEvent = { type: 'FindingWithdrawn', data: { findingId: ID, reason: 'Camera shows staff present' } };
const planned: FindingEvent = {
  type: 'RemediationPlanSubmitted',
  data: { findingId: ID, actions: ['Roster a backup officer'], targetDate: '2024-03-30', revision: 1 },
};
const evidenced: FindingEvent = {
  type: 'RemediationEvidenceSubmitted',
  data: { findingId: ID, description: 'Roster published', attachments: [{ name: 'roster.pdf', sha256: SHA }] },
};
const accepted: FindingEvent = { type: 'RemediationAccepted', data: { findingId: ID, comment: 'Checked on site' } };
const closed: FindingEvent = { type: 'FindingClosed', data: { findingId: ID, selfCertified: false } };

/** A history reaching each status (major severity). */
const HISTORY: Record<FindingStatus | 'absent', FindingEvent[]> = {
  absent: [],
  recorded: [recorded()],
  acknowledged: [recorded(), acknowledged],
  disputed: [recorded(), disputed],
  withdrawn: [recorded(), disputed, disputeRejected, withdrawn],
  in_remediation: [recorded(), acknowledged, planned],
  awaiting_verification: [recorded(), acknowledged, planned, evidenced],
  verified: [recorded(), acknowledged, planned, evidenced, accepted],
  closed: [recorded(), acknowledged, planned, evidenced, accepted, closed],
};

/** A valid command of each type issued by `role`. */
const COMMANDS: { [T in FindingCommand['type']]: (role: Role) => Extract<FindingCommand, { type: T }> } = {
  RecordFinding: (role) => ({ type: 'RecordFinding', data: recordData, metadata: ctx(role) }),
  AcknowledgeFinding: (role) => ({ type: 'AcknowledgeFinding', data: { findingId: ID }, metadata: ctx(role) }),
  DisputeFinding: (role) => ({ type: 'DisputeFinding', data: { findingId: ID, reason: 'Desk was staffed' }, metadata: ctx(role) }),
  ResolveDispute: (role) => ({
    type: 'ResolveDispute',
    data: { findingId: ID, upheld: true, reason: 'Camera confirms it' },
    metadata: ctx(role),
  }),
  SubmitRemediationPlan: (role) => ({
    type: 'SubmitRemediationPlan',
    data: { findingId: ID, actions: ['Roster a backup officer'], targetDate: '2024-03-30' },
    metadata: ctx(role),
  }),
  SubmitRemediationEvidence: (role) => ({
    type: 'SubmitRemediationEvidence',
    data: { findingId: ID, description: 'Roster published', attachments: [{ name: 'roster.pdf', sha256: SHA }] },
    metadata: ctx(role),
  }),
  VerifyRemediation: (role) => ({
    type: 'VerifyRemediation',
    data: { findingId: ID, accepted: true, comment: 'Checked on site' },
    metadata: ctx(role),
  }),
  CloseFinding: (role) => ({ type: 'CloseFinding', data: { findingId: ID, selfCertificationAllowed: false }, metadata: ctx(role) }),
  ReopenFinding: (role) => ({ type: 'ReopenFinding', data: { findingId: ID, reason: 'Desk empty again' }, metadata: ctx(role) }),
  RequestDeadlineExtension: (role) => ({
    type: 'RequestDeadlineExtension',
    data: { findingId: ID, requestId: 'x-1', workingDays: 5, reason: 'Supplier delay', maxExtensions: 2, maxWorkingDays: 30 },
    metadata: ctx(role),
  }),
  DecideDeadlineExtension: (role) => ({
    type: 'DecideDeadlineExtension',
    data: { findingId: ID, requestId: 'x-1', granted: true, reason: 'Justified' },
    metadata: ctx(role),
  }),
  DelegateFinding: (role) => ({
    type: 'DelegateFinding',
    data: { findingId: ID, fromTeamId: 'team-city', toTeamId: 'team-district', reason: 'District team clarifies' },
    metadata: ctx(role),
  }),  HandOverResponsibility: (role) => ({
    type: 'HandOverResponsibility',
    data: { findingId: ID, fromOfficialId: 'o-1', toOfficialId: 'o-9', reason: 'Transfer decided by the board', caseId: 'c-1' },
    metadata: ctx(role),
  }),
};

/** Extensions and delegation: every live status, with the listed exceptions. */
const liveStatuses = (ok: string, others: Partial<Record<FindingStatus | 'absent', string>>): Record<FindingStatus | 'absent', string> => ({
  ...(Object.fromEntries(FINDING_STATUSES.map((s) => [s, ok])) as Record<FindingStatus, string>),
  absent: 'FINDING.NOT_FOUND',
  withdrawn: 'FINDING.WITHDRAWN',
  closed: 'FINDING.ALREADY_CLOSED',
  ...others,
});

/** For each command: the statuses it is legal in, and the error code in every other status. */
const TRANSITIONS: { [T in FindingCommand['type']]: Record<FindingStatus | 'absent', 'ok' | string> } = {
  RecordFinding: {
    absent: 'ok',
    ...Object.fromEntries(FINDING_STATUSES.map((s) => [s, 'FINDING.ALREADY_RECORDED'])),
  } as Record<FindingStatus | 'absent', string>,
  AcknowledgeFinding: {
    absent: 'FINDING.NOT_FOUND',
    recorded: 'ok',
    acknowledged: 'FINDING.NOT_AWAITING_ACKNOWLEDGEMENT',
    disputed: 'FINDING.NOT_AWAITING_ACKNOWLEDGEMENT',
    withdrawn: 'FINDING.WITHDRAWN',
    in_remediation: 'FINDING.NOT_AWAITING_ACKNOWLEDGEMENT',
    awaiting_verification: 'FINDING.NOT_AWAITING_ACKNOWLEDGEMENT',
    verified: 'FINDING.NOT_AWAITING_ACKNOWLEDGEMENT',
    closed: 'FINDING.ALREADY_CLOSED',
  },
  DisputeFinding: {
    absent: 'FINDING.NOT_FOUND',
    recorded: 'ok',
    acknowledged: 'FINDING.NOT_AWAITING_ACKNOWLEDGEMENT',
    disputed: 'FINDING.ALREADY_DISPUTED',
    withdrawn: 'FINDING.WITHDRAWN',
    in_remediation: 'FINDING.NOT_AWAITING_ACKNOWLEDGEMENT',
    awaiting_verification: 'FINDING.NOT_AWAITING_ACKNOWLEDGEMENT',
    verified: 'FINDING.NOT_AWAITING_ACKNOWLEDGEMENT',
    closed: 'FINDING.ALREADY_CLOSED',
  },
  ResolveDispute: {
    absent: 'FINDING.NOT_FOUND',
    recorded: 'FINDING.NOT_DISPUTED',
    acknowledged: 'FINDING.NOT_DISPUTED',
    disputed: 'ok',
    withdrawn: 'FINDING.WITHDRAWN',
    in_remediation: 'FINDING.NOT_DISPUTED',
    awaiting_verification: 'FINDING.NOT_DISPUTED',
    verified: 'FINDING.NOT_DISPUTED',
    closed: 'FINDING.ALREADY_CLOSED',
  },
  SubmitRemediationPlan: {
    absent: 'FINDING.NOT_FOUND',
    recorded: 'FINDING.NOT_ACKNOWLEDGED',
    acknowledged: 'ok',
    disputed: 'FINDING.NOT_ACKNOWLEDGED',
    withdrawn: 'FINDING.WITHDRAWN',
    in_remediation: 'ok',
    awaiting_verification: 'FINDING.NOT_IN_REMEDIATION',
    verified: 'FINDING.NOT_IN_REMEDIATION',
    closed: 'FINDING.ALREADY_CLOSED',
  },
  SubmitRemediationEvidence: {
    absent: 'FINDING.NOT_FOUND',
    recorded: 'FINDING.NOT_IN_REMEDIATION',
    acknowledged: 'FINDING.NOT_IN_REMEDIATION',
    disputed: 'FINDING.NOT_IN_REMEDIATION',
    withdrawn: 'FINDING.WITHDRAWN',
    in_remediation: 'ok',
    awaiting_verification: 'FINDING.NOT_IN_REMEDIATION',
    verified: 'FINDING.NOT_IN_REMEDIATION',
    closed: 'FINDING.ALREADY_CLOSED',
  },
  VerifyRemediation: {
    absent: 'FINDING.NOT_FOUND',
    recorded: 'FINDING.NOT_AWAITING_VERIFICATION',
    acknowledged: 'FINDING.NOT_AWAITING_VERIFICATION',
    disputed: 'FINDING.NOT_AWAITING_VERIFICATION',
    withdrawn: 'FINDING.WITHDRAWN',
    in_remediation: 'FINDING.NOT_AWAITING_VERIFICATION',
    awaiting_verification: 'ok',
    verified: 'FINDING.NOT_AWAITING_VERIFICATION',
    closed: 'FINDING.ALREADY_CLOSED',
  },
  CloseFinding: {
    absent: 'FINDING.NOT_FOUND',
    recorded: 'FINDING.NOT_VERIFIED',
    acknowledged: 'FINDING.NOT_VERIFIED',
    disputed: 'FINDING.NOT_VERIFIED',
    withdrawn: 'FINDING.WITHDRAWN',
    in_remediation: 'FINDING.NOT_VERIFIED',
    awaiting_verification: 'FINDING.NOT_VERIFIED',
    verified: 'ok',
    closed: 'FINDING.ALREADY_CLOSED',
  },
  ReopenFinding: {
    absent: 'FINDING.NOT_FOUND',
    recorded: 'FINDING.NOT_CLOSED',
    acknowledged: 'FINDING.NOT_CLOSED',
    disputed: 'FINDING.NOT_CLOSED',
    withdrawn: 'FINDING.WITHDRAWN',
    in_remediation: 'FINDING.NOT_CLOSED',
    awaiting_verification: 'FINDING.NOT_CLOSED',
    verified: 'FINDING.NOT_CLOSED',
    closed: 'ok',
  },
  RequestDeadlineExtension: liveStatuses('FINDING.EXTENSION_NOT_ALLOWED_NOW', { acknowledged: 'ok', in_remediation: 'ok' }),
  DecideDeadlineExtension: liveStatuses('FINDING.EXTENSION_REQUEST_NOT_FOUND', {}),
  DelegateFinding: liveStatuses('ok', {}),
  HandOverResponsibility: liveStatuses('ok', {}),
};

/** A role allowed to issue `type`; closing uses the team lead (a unit head's self-certification is tested apart). */
const firstAllowedRole = (type: FindingCommand['type']): Role =>
  type === 'CloseFinding' ? 'team_lead' : FINDING_COMMAND_ROLES[type][0];

describe('finding decider', () => {
  describe('legal transitions', () => {
    it('records a finding, normalising observedAt to UTC', () => {
      spec().given([]).when(COMMANDS.RecordFinding('inspector')).then([recorded()]);
    });

    it('a recorded finding starts in `recorded` with everything the API returns', () => {
      spec()
        .given([])
        .when(COMMANDS.RecordFinding('team_lead'))
        .thenState({
          status: 'recorded',
          id: ID,
          inspectionId: 'i-1',
          unitId: 'u-1',
          category: 'working_hours',
          severity: 'major',
          title: recordData.title,
          description: recordData.description,
          responsibleOfficialIds: ['o-1', 'o-2'],
          evidence: recordData.evidence,
          observedAt: '2024-03-08T01:40:00.000Z',
          dispute: null,
          plan: null,
          remediationEvidence: [],
          lastVerification: null,
          withdrawalReason: null,
          selfCertified: false,
          reopenCount: 0,
          lastReopenReason: null,
        });
    });

    it('recorded → acknowledged', () => {
      spec().given(HISTORY.recorded).when(COMMANDS.AcknowledgeFinding('unit_head')).then([acknowledged]);
      spec().given(HISTORY.recorded).when(COMMANDS.AcknowledgeFinding('unit_head')).thenState({ status: 'acknowledged' });
    });

    it('recorded → disputed', () => {
      spec().given(HISTORY.recorded).when(COMMANDS.DisputeFinding('unit_head')).then([disputed]);
      spec()
        .given(HISTORY.recorded)
        .when(COMMANDS.DisputeFinding('admin'))
        .thenState({ status: 'disputed', dispute: { reason: 'Desk was staffed', resolution: null } });
    });

    it('disputed → acknowledged when the finding is upheld', () => {
      const command = COMMANDS.ResolveDispute('team_lead');
      spec()
        .given(HISTORY.disputed)
        .when(command)
        .then([{ type: 'FindingDisputeResolved', data: { findingId: ID, upheld: true, reason: 'Camera confirms it' } }]);
      spec()
        .given(HISTORY.disputed)
        .when(command)
        .thenState({
          status: 'acknowledged',
          dispute: { reason: 'Desk was staffed', resolution: { upheld: true, reason: 'Camera confirms it' } },
        });
    });

    it('disputed → withdrawn when the finding is not upheld', () => {
      const command = { ...COMMANDS.ResolveDispute('team_lead'), data: { findingId: ID, upheld: false, reason: 'Camera shows staff present' } };
      spec().given(HISTORY.disputed).when(command).then([disputeRejected, withdrawn]);
      spec()
        .given(HISTORY.disputed)
        .when(command)
        .thenState({
          status: 'withdrawn',
          withdrawalReason: 'Camera shows staff present',
          dispute: { reason: 'Desk was staffed', resolution: { upheld: false, reason: 'Camera shows staff present' } },
        });
    });

    it('acknowledged → in_remediation with the first plan (revision 1)', () => {
      spec().given(HISTORY.acknowledged).when(COMMANDS.SubmitRemediationPlan('unit_head')).then([planned]);
      spec()
        .given(HISTORY.acknowledged)
        .when(COMMANDS.SubmitRemediationPlan('unit_head'))
        .thenState({ status: 'in_remediation', plan: { actions: ['Roster a backup officer'], targetDate: '2024-03-30', revision: 1 } });
    });

    it('in_remediation → in_remediation with a revised plan (revision + 1)', () => {
      const command = {
        ...COMMANDS.SubmitRemediationPlan('unit_head'),
        data: { findingId: ID, actions: ['  Roster two officers  ', 'Install a queue display'], targetDate: '2024-04-15' },
      };
      spec()
        .given(HISTORY.in_remediation)
        .when(command)
        .then([
          {
            type: 'RemediationPlanSubmitted',
            data: { findingId: ID, actions: ['Roster two officers', 'Install a queue display'], targetDate: '2024-04-15', revision: 2 },
          },
        ]);
      spec().given(HISTORY.in_remediation).when(command).thenState({ status: 'in_remediation', plan: { revision: 2 } });
    });

    it('in_remediation → awaiting_verification with evidence', () => {
      spec().given(HISTORY.in_remediation).when(COMMANDS.SubmitRemediationEvidence('unit_head')).then([evidenced]);
      spec()
        .given(HISTORY.in_remediation)
        .when(COMMANDS.SubmitRemediationEvidence('unit_head'))
        .thenState({
          status: 'awaiting_verification',
          remediationEvidence: [{ description: 'Roster published', attachments: [{ name: 'roster.pdf', sha256: SHA }] }],
        });
    });

    it('awaiting_verification → verified when accepted', () => {
      spec().given(HISTORY.awaiting_verification).when(COMMANDS.VerifyRemediation('inspector')).then([accepted]);
      spec()
        .given(HISTORY.awaiting_verification)
        .when(COMMANDS.VerifyRemediation('team_lead'))
        .thenState({ status: 'verified', lastVerification: { accepted: true, comment: 'Checked on site' } });
    });

    it('accepts with an empty comment', () => {
      const command = { ...COMMANDS.VerifyRemediation('inspector'), data: { findingId: ID, accepted: true, comment: '' } };
      spec().given(HISTORY.awaiting_verification).when(command).then([{ type: 'RemediationAccepted', data: { findingId: ID, comment: '' } }]);
    });

    it('awaiting_verification → in_remediation when rejected; evidence can then be resubmitted', () => {
      const reject = {
        ...COMMANDS.VerifyRemediation('inspector'),
        data: { findingId: ID, accepted: false, comment: 'Roster not posted at the desk' },
      };
      const rejected: FindingEvent = { type: 'RemediationRejected', data: { findingId: ID, comment: 'Roster not posted at the desk' } };
      spec().given(HISTORY.awaiting_verification).when(reject).then([rejected]);
      spec()
        .given(HISTORY.awaiting_verification)
        .when(reject)
        .thenState({ status: 'in_remediation', lastVerification: { accepted: false, comment: 'Roster not posted at the desk' } });
      spec()
        .given([...HISTORY.awaiting_verification, rejected])
        .when(COMMANDS.SubmitRemediationEvidence('unit_head'))
        .thenState((state) => {
          expect(state.status).toBe('awaiting_verification');
          expect(state.status !== 'absent' && state.remediationEvidence).toHaveLength(2);
        });
    });

    it.each<Role>(['unit_head', 'team_lead'])('verified → closed by %s', (role) => {
      spec().given(HISTORY.verified).when(COMMANDS.CloseFinding(role)).then([closed]);
      spec().given(HISTORY.verified).when(COMMANDS.CloseFinding(role)).thenState({ status: 'closed', selfCertified: false });
    });

    it('awaiting_verification → closed, self-certified, by a unit head for a minor finding when policy allows', () => {
      const history = [recorded('minor'), acknowledged, planned, evidenced];
      const command = { ...COMMANDS.CloseFinding('unit_head'), data: { findingId: ID, selfCertificationAllowed: true } };
      spec()
        .given(history)
        .when(command)
        .then([{ type: 'FindingClosed', data: { findingId: ID, selfCertified: true } }]);
      spec().given(history).when(command).thenState({ status: 'closed', selfCertified: true });
    });

    it('closed → in_remediation when reopened, counting reopenings and clearing self-certification', () => {
      const selfClosed: FindingEvent = { type: 'FindingClosed', data: { findingId: ID, selfCertified: true } };
      const history = [recorded('minor'), acknowledged, planned, evidenced, selfClosed];
      spec()
        .given(history)
        .when(COMMANDS.ReopenFinding('inspector'))
        .then([{ type: 'FindingReopened', data: { findingId: ID, reason: 'Desk empty again' } }]);
      const reopened: FindingEvent = { type: 'FindingReopened', data: { findingId: ID, reason: 'Desk empty again' } };
      spec()
        .given(history)
        .when(COMMANDS.ReopenFinding('team_lead'))
        .thenState({ status: 'in_remediation', reopenCount: 1, selfCertified: false, lastReopenReason: 'Desk empty again' });
      spec()
        .given([...history, reopened, evidenced, accepted, closed])
        .when(COMMANDS.ReopenFinding('admin'))
        .thenState({ status: 'in_remediation', reopenCount: 2 });
    });

    it('a reopened finding can take a revised plan', () => {
      const reopened: FindingEvent = { type: 'FindingReopened', data: { findingId: ID, reason: 'Desk empty again' } };
      spec()
        .given([...HISTORY.closed, reopened])
        .when(COMMANDS.SubmitRemediationPlan('unit_head'))
        .thenState({ status: 'in_remediation', plan: { revision: 2 } });
    });
  });

  describe('illegal transitions', () => {
    const cases = Object.entries(TRANSITIONS).flatMap(([type, byStatus]) =>
      Object.entries(byStatus)
        .filter(([, outcome]) => outcome !== 'ok')
        .map(([status, code]) => [type as FindingCommand['type'], status as FindingStatus | 'absent', code] as const),
    );

    it.each(cases)('%s in %s → %s', (type, status, code) => {
      const command = COMMANDS[type](firstAllowedRole(type));
      const errorClass = code.endsWith('NOT_FOUND') ? NotFoundError : IllegalTransitionError;
      const error = spec().given(HISTORY[status]).when(command).thenThrows(errorClass, code) as IllegalTransitionError;
      if (status !== 'absent') expect(error.details).toMatchObject({ findingId: ID, status });
    });

    it.each(
      Object.entries(TRANSITIONS).flatMap(([type, byStatus]) =>
        Object.entries(byStatus)
          .filter(([, outcome]) => outcome === 'ok')
          .map(([status]) => [type as FindingCommand['type'], status as FindingStatus | 'absent'] as const),
      ),
    )('%s in %s is legal', (type, status) => {
      expect(findingDecider.decide(COMMANDS[type](firstAllowedRole(type)), replayed(HISTORY[status])).length).toBeGreaterThan(0);
    });

    it('a unit head cannot self-certify a major finding', () => {
      const command = { ...COMMANDS.CloseFinding('unit_head'), data: { findingId: ID, selfCertificationAllowed: true } };
      const error = spec()
        .given(HISTORY.awaiting_verification)
        .when(command)
        .thenThrows(IllegalTransitionError, 'FINDING.SELF_CERTIFICATION_NOT_ALLOWED') as IllegalTransitionError;
      expect(error.details).toMatchObject({ severity: 'major', selfCertificationAllowed: true });
    });

    it('a unit head cannot self-certify a minor finding when policy forbids it', () => {
      spec()
        .given([recorded('minor'), acknowledged, planned, evidenced])
        .when(COMMANDS.CloseFinding('unit_head'))
        .thenThrows('FINDING.SELF_CERTIFICATION_NOT_ALLOWED');
    });

    it('a team lead cannot close a minor finding before verification, even when self-certification is allowed', () => {
      const command = { ...COMMANDS.CloseFinding('team_lead'), data: { findingId: ID, selfCertificationAllowed: true } };
      spec().given([recorded('minor'), acknowledged, planned, evidenced]).when(command).thenThrows('FINDING.NOT_VERIFIED');
    });

    it('self-certification applies only to findings awaiting verification', () => {
      const command = { ...COMMANDS.CloseFinding('unit_head'), data: { findingId: ID, selfCertificationAllowed: true } };
      spec().given([recorded('minor'), acknowledged, planned]).when(command).thenThrows('FINDING.NOT_VERIFIED');
    });
  });

  describe('roles', () => {
    const cases = (Object.keys(COMMANDS) as FindingCommand['type'][]).flatMap((type) =>
      ROLES.map((role) => [type, role, (FINDING_COMMAND_ROLES[type] as readonly Role[]).includes(role)] as const),
    );
    const legalStatus = (type: FindingCommand['type']) =>
      (Object.entries(TRANSITIONS[type]).find(([, outcome]) => outcome === 'ok')![0]) as FindingStatus | 'absent';

    /** Deciding an extension needs a pending request (by another actor) in the history. */
    const requested: FindingEvent = {
      type: 'FindingExtensionRequested',
      data: { findingId: ID, requestId: 'x-1', workingDays: 5, reason: 'Supplier delay', requestedBy: 'head-9' },
    };
    const legalHistory = (type: FindingCommand['type']) =>
      type === 'DecideDeadlineExtension' ? [...HISTORY.acknowledged, requested] : HISTORY[legalStatus(type)];

    it.each(cases)('%s by %s allowed: %s', (type, role, allowed) => {
      const when = spec().given(legalHistory(type)).when(COMMANDS[type](role));
      if (allowed) expect(() => when.thenState(() => undefined)).not.toThrow();
      else {
        const error = when.thenThrows(ForbiddenError, 'FINDING.ROLE_NOT_ALLOWED') as ForbiddenError;
        expect(error.kind).toBe('forbidden');
        expect(error.details).toMatchObject({ role });
      }
    });

    it('checks the role before existence', () => {
      spec().given([]).when(COMMANDS.AcknowledgeFinding('inspector')).thenThrows('FINDING.ROLE_NOT_ALLOWED');
    });
  });

  describe('validation', () => {
    const record = (patch: Partial<RecordFinding['data']>, now: Date = NOW): RecordFinding => ({
      type: 'RecordFinding',
      data: { ...recordData, ...patch },
      metadata: ctx('inspector', now),
    });
    const invalid = (command: FindingCommand, code: string, history: FindingEvent[] = []) =>
      spec().given(history).when(command).thenThrows(ValidationError, code);

    it.each([
      ['unknown category', { category: 'noise' as never }, 'FINDING.INVALID_CATEGORY'],
      ['unknown severity', { severity: 'huge' as never }, 'FINDING.INVALID_SEVERITY'],
      ['empty title', { title: '   ' }, 'FINDING.INVALID_TITLE'],
      ['title over 200', { title: 'x'.repeat(201) }, 'FINDING.INVALID_TITLE'],
      ['empty description', { description: '' }, 'FINDING.INVALID_DESCRIPTION'],
      ['description over 5000', { description: 'x'.repeat(5001) }, 'FINDING.INVALID_DESCRIPTION'],
      ['observedAt not ISO', { observedAt: '08/03/2024' }, 'FINDING.INVALID_OBSERVED_AT'],
      ['observedAt without offset', { observedAt: '2024-03-08T08:40:00' }, 'FINDING.INVALID_OBSERVED_AT'],
      ['observedAt impossible', { observedAt: '2024-13-40T08:40:00Z' }, 'FINDING.INVALID_OBSERVED_AT'],
      ['observedAt after now', { observedAt: '2024-03-10T03:00:00.001Z' }, 'FINDING.OBSERVED_IN_FUTURE'],
      ['duplicate responsible officials', { responsibleOfficialIds: ['o-1', 'o-1'] }, 'FINDING.INVALID_RESPONSIBLE_OFFICIALS'],
      ['empty responsible official id', { responsibleOfficialIds: [''] }, 'FINDING.INVALID_RESPONSIBLE_OFFICIALS'],
      ['short sha256', { evidence: [{ name: 'a', sha256: 'abc' }] }, 'FINDING.INVALID_EVIDENCE'],
      ['non-hex sha256', { evidence: [{ name: 'a', sha256: 'g'.repeat(64) }] }, 'FINDING.INVALID_EVIDENCE'],
      ['unnamed evidence', { evidence: [{ name: ' ', sha256: SHA }] }, 'FINDING.INVALID_EVIDENCE'],
      ['empty evidence url', { evidence: [{ name: 'a', sha256: SHA, url: '' }] }, 'FINDING.INVALID_EVIDENCE'],
    ])('RecordFinding rejects %s', (_label, patch, code) => {
      invalid(record(patch), code);
    });

    it('accepts boundary lengths, observedAt equal to now, no evidence, no responsible officials', () => {
      const events = spec()
        .given([])
        .when(
          record({
            title: 'x'.repeat(200),
            description: 'y'.repeat(5000),
            observedAt: NOW.toISOString(),
            evidence: [],
            responsibleOfficialIds: [],
          }),
        )
        .then([
          {
            type: 'FindingRecorded',
            data: {
              ...recorded().data,
              title: 'x'.repeat(200),
              description: 'y'.repeat(5000),
              observedAt: NOW.toISOString(),
              evidence: [],
              responsibleOfficialIds: [],
            },
          },
        ]);
      expect(JSON.parse(JSON.stringify(events))).toEqual(events);
    });

    it('normalises text and sha256 (trimmed, lower-case)', () => {
      spec()
        .given([])
        .when(record({ title: '  Late  ', evidence: [{ name: ' a.jpg ', sha256: 'ABCDEF'.repeat(10) + 'ABCD' }] }))
        .thenState({ title: 'Late', evidence: [{ name: 'a.jpg', sha256: 'abcdef'.repeat(10) + 'abcd' }] });
    });

    it.each([
      ['DisputeFinding', 'recorded'],
      ['ResolveDispute', 'disputed'],
      ['ReopenFinding', 'closed'],
    ] as const)('%s requires a reason', (type, status) => {
      const command = COMMANDS[type](firstAllowedRole(type));
      invalid({ ...command, data: { ...command.data, reason: ' ' } } as FindingCommand, 'FINDING.INVALID_REASON', HISTORY[status]);
    });

    const plan = (actions: string[], targetDate: string, now: Date = NOW): FindingCommand => ({
      type: 'SubmitRemediationPlan',
      data: { findingId: ID, actions, targetDate },
      metadata: ctx('unit_head', now),
    });

    it.each([
      ['no actions', [], '2024-03-30', 'FINDING.INVALID_PLAN_ACTIONS'],
      ['51 actions', Array.from({ length: 51 }, (_, i) => `a${i}`), '2024-03-30', 'FINDING.INVALID_PLAN_ACTIONS'],
      ['a blank action', ['ok', '  '], '2024-03-30', 'FINDING.INVALID_PLAN_ACTIONS'],
      ['a non-date target', ['ok'], '30/03/2024', 'FINDING.INVALID_TARGET_DATE'],
      ['an impossible date', ['ok'], '2024-02-30', 'FINDING.INVALID_TARGET_DATE'],
      ['a date-time target', ['ok'], '2024-03-30T00:00:00Z', 'FINDING.INVALID_TARGET_DATE'],
      ['a past target', ['ok'], '2024-03-09', 'FINDING.TARGET_DATE_IN_PAST'],
    ])('SubmitRemediationPlan rejects %s', (_label, actions, targetDate, code) => {
      invalid(plan(actions, targetDate), code, HISTORY.acknowledged);
    });

    it('accepts 50 actions and a target date of today in Vietnam (UTC+7)', () => {
      const actions = Array.from({ length: 50 }, (_, i) => `a${i}`);
      spec().given(HISTORY.acknowledged).when(plan(actions, '2024-03-10')).thenState({ status: 'in_remediation' });
      // 2024-03-10T18:00Z is already 11 March in Hanoi.
      invalid(plan(['ok'], '2024-03-10', new Date('2024-03-10T18:00:00Z')), 'FINDING.TARGET_DATE_IN_PAST', HISTORY.acknowledged);
    });

    const evidence = (description: string, attachments: { name: string; sha256: string }[]): FindingCommand => ({
      type: 'SubmitRemediationEvidence',
      data: { findingId: ID, description, attachments },
      metadata: ctx('unit_head'),
    });

    it.each([
      ['no description', evidence('', [{ name: 'a', sha256: SHA }])],
      ['no attachments', evidence('done', [])],
      ['a bad sha256', evidence('done', [{ name: 'a', sha256: 'z'.repeat(64) }])],
    ])('SubmitRemediationEvidence rejects %s', (_label, command) => {
      invalid(command, 'FINDING.INVALID_EVIDENCE', HISTORY.in_remediation);
    });

    it('a rejection needs a comment; comments are at most 5000 characters', () => {
      const verify = (accepted: boolean, comment: string): FindingCommand => ({
        type: 'VerifyRemediation',
        data: { findingId: ID, accepted, comment },
        metadata: ctx('inspector'),
      });
      invalid(verify(false, '  '), 'FINDING.INVALID_COMMENT', HISTORY.awaiting_verification);
      invalid(verify(true, 'x'.repeat(5001)), 'FINDING.INVALID_COMMENT', HISTORY.awaiting_verification);
    });
  });

  it('evolve ignores non-creation events on an absent stream', () => {
    expect(findingDecider.evolve(findingDecider.initialState(), acknowledged)).toEqual({ status: 'absent' });
  });
});

function replayed(events: FindingEvent[]): FindingState {
  return events.reduce(findingDecider.evolve, findingDecider.initialState());
}
