import { toDecisionsV1 } from './decisions.v1';
import { toEscalationsV1 } from './escalations.v1';
import { toFindingsV1 } from './findings.v1';
import { ContractMappingError } from './integration-event';
import { recorded } from './recorded-event.fixture';

const recordedFinding = {
  findingId: 'f-1',
  inspectionId: 'i-1',
  unitId: 'u-7',
  category: 'procedure_posting',
  severity: 'major',
  title: 'Thủ tục hành chính không được niêm yết đầy đủ',
  description: 'Ông Nguyễn Văn A trả lời thiếu tôn trọng',
  responsibleOfficialIds: ['o-1', 'o-2'],
  evidence: [{ name: 'a.jpg', sha256: 'a'.repeat(64), url: 'https://internal.example/a.jpg' }],
  observedAt: '2024-05-01T02:00:00.000Z',
};

describe('integration event contracts (explicit mappings)', () => {
  it('maps FindingRecorded to rectify.findings.v1, keeping only the published fields', () => {
    const event = recorded('FindingRecorded', recordedFinding, { version: 1 });
    expect(toFindingsV1(event)).toEqual({
      eventId: event.id,
      contract: 'rectify.findings',
      version: 1,
      kind: 'recorded',
      streamId: 'finding-f-1',
      streamVersion: 1,
      occurredAt: '2024-05-01T10:00:00.000Z',
      recordedAt: '2024-05-01T10:00:01.000Z',
      correlationId: 'c-1',
      actorRole: 'inspector',
      payload: {
        kind: 'recorded', findingId: 'f-1', inspectionId: 'i-1', unitId: 'u-7', category: 'procedure_posting',
        severity: 'major', title: recordedFinding.title, observedAt: recordedFinding.observedAt,
      },
    });
  });

  it('never publishes internal-only fields: texts, personnel ids, evidence links, actor ids, reasons', () => {
    const events = [
      recorded('FindingRecorded', recordedFinding),
      recorded('FindingDisputed', { findingId: 'f-1', reason: 'ghi chú cá nhân' }),
      recorded('FindingDisputeResolved', { findingId: 'f-1', upheld: false, reason: 'ghi chú cá nhân' }),
      recorded('RemediationPlanSubmitted', { findingId: 'f-1', actions: ['a', 'b'], targetDate: '2024-06-01', revision: 2 }),
      recorded('RemediationEvidenceSubmitted', { findingId: 'f-1', description: 'ghi chú cá nhân', attachments: recordedFinding.evidence }),
      recorded('RemediationRejected', { findingId: 'f-1', comment: 'ghi chú cá nhân' }),
      recorded('FindingClosed', { findingId: 'f-1', selfCertified: true }),
    ];
    const text = JSON.stringify(events.map(toFindingsV1));
    for (const secret of ['ghi chú cá nhân', 'Nguyễn Văn A', 'o-1', 'internal.example', 'official-secret-id', 'private note', 'k-1']) {
      expect(text).not.toContain(secret);
    }
    expect(events.map((e) => toFindingsV1(e)?.payload)).toEqual([
      expect.objectContaining({ kind: 'recorded' }),
      { kind: 'disputed', findingId: 'f-1' },
      { kind: 'dispute_resolved', findingId: 'f-1', upheld: false },
      { kind: 'plan_submitted', findingId: 'f-1', targetDate: '2024-06-01', revision: 2, actionCount: 2 },
      { kind: 'evidence_submitted', findingId: 'f-1', attachmentCount: 1 },
      { kind: 'remediation_rejected', findingId: 'f-1' },
      { kind: 'closed', findingId: 'f-1', selfCertified: true },
    ]);
  });

  it('maps escalations and decisions, dropping the board reasons, votes and notes', () => {
    const escalated = recorded('FindingEscalated', {
      findingId: 'f-1', level: 2, escalatedAt: '2024-06-10T01:00:00.000Z', dueDate: '2024-06-03', dueAt: 'x', workingDaysOverdue: 5,
      addressee: { role: 'supervising_authority', unitId: 'u-1', officialId: 'o-9' },
    });
    expect(toEscalationsV1(escalated)?.payload).toEqual({
      kind: 'escalated', findingId: 'f-1', level: 2, escalatedAt: '2024-06-10T01:00:00.000Z', dueDate: '2024-06-03', workingDaysOverdue: 5,
      addressee: { role: 'supervising_authority', unitId: 'u-1', officialId: 'o-9' },
    });
    const decided = recorded('CaseDecided', {
      caseId: 'c-9',
      decision: {
        kind: 'transfer', reasons: 'biên bản họp kín', effectiveDate: '2024-07-01', successorOfficialId: 'o-3',
        transferTo: { unitId: 'u-2', position: 'chuyên viên' }, decidedOn: '2024-06-01', appealDeadline: '2024-06-15',
        executesOn: '2024-07-01', votesFor: 4, votesCast: 5,
      },
    }, { streamId: 'case-c-9' });
    const mapped = toDecisionsV1(decided)!;
    expect(mapped).toMatchObject({ kind: 'decided', streamId: 'case-c-9' });
    expect(mapped.payload).toEqual({
      kind: 'decided', caseId: 'c-9', decisionKind: 'transfer', decidedOn: '2024-06-01', effectiveDate: '2024-07-01',
      appealDeadline: '2024-06-15', executesOn: '2024-07-01', successorOfficialId: 'o-3', transferTo: { unitId: 'u-2', position: 'chuyên viên' },
    });
    expect(JSON.stringify(mapped)).not.toMatch(/biên bản|votes/);
    expect(toDecisionsV1(recorded('DecisionExecuted', { caseId: 'c-9', decisionKind: 'transfer', notes: ['x'] }))?.payload)
      .toEqual({ kind: 'executed', caseId: 'c-9', decisionKind: 'transfer' });
  });

  it('ignores event types outside a contract and names the missing field of a malformed event', () => {
    expect(toFindingsV1(recorded('FindingSomethingElse', { findingId: 'f-1' }))).toBeNull();
    expect(toEscalationsV1(recorded('FindingRecorded', recordedFinding))).toBeNull();
    expect(() => toFindingsV1(recorded('FindingClosed', { findingId: 'f-1' }))).toThrow(ContractMappingError);
    expect(() => toFindingsV1(recorded('FindingClosed', { findingId: 'f-1' }))).toThrow('data.selfCertified must be a boolean');
  });
});
