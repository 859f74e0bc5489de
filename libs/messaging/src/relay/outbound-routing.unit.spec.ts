import { recorded } from '../contracts/recorded-event.fixture';
import { OUTBOUND_TOPICS, RELAYED_EVENT_TYPES, toOutboundMessages, toTopicBatches } from './outbound-routing';

const finding = (id: string, type: string, data: Record<string, unknown> = {}, version = 1) =>
  recorded(type, { findingId: id, ...data }, { streamId: `finding-${id}`, version });

describe('relay batching and keying', () => {
  it('publishes on versioned topics and reads only the event types it maps', () => {
    expect(OUTBOUND_TOPICS).toEqual(['rectify.findings.v1', 'rectify.escalations.v1', 'rectify.decisions.v1']);
    expect(RELAYED_EVENT_TYPES).toEqual(expect.arrayContaining(['FindingRecorded', 'FindingClosed', 'FindingEscalated', 'CaseDecided']));
    expect(RELAYED_EVENT_TYPES).not.toContain('UnitRegistered');
  });

  it('keys every message by its stream id and keeps the log order per stream and per topic', () => {
    const batch = [
      finding('a', 'FindingAcknowledged', {}, 2),
      finding('b', 'FindingAcknowledged', {}, 2),
      recorded('FindingEscalated', {
        findingId: 'a', level: 1, escalatedAt: 't', dueDate: 'd', workingDaysOverdue: 0, addressee: { role: 'unit_head', unitId: 'u', officialId: null },
      }, { streamId: 'remediation-a', version: 7 }),
      finding('a', 'FindingReopened', {}, 3),
      finding('a', 'FindingClosed', { selfCertified: false }, 4),
      recorded('UnitRegistered', { unitId: 'u' }, { streamId: 'unit-u' }),
    ];
    const messages = toOutboundMessages(batch);
    expect(messages.map((m) => [m.topic, m.key, JSON.parse(m.value).streamVersion])).toEqual([
      ['rectify.findings.v1', 'finding-a', 2],
      ['rectify.findings.v1', 'finding-b', 2],
      ['rectify.escalations.v1', 'remediation-a', 7],
      ['rectify.findings.v1', 'finding-a', 3],
      ['rectify.findings.v1', 'finding-a', 4],
    ]);
    expect(messages[0].headers).toMatchObject({ 'rectify-event-id': batch[0].id, 'rectify-contract': 'rectify.findings.v1', 'rectify-kind': 'acknowledged' });

    const batches = toTopicBatches(messages);
    expect(batches.map((b) => [b.topic, b.messages.map((m) => `${m.key}@${JSON.parse(m.value).streamVersion}`)])).toEqual([
      ['rectify.findings.v1', ['finding-a@2', 'finding-b@2', 'finding-a@3', 'finding-a@4']],
      ['rectify.escalations.v1', ['remediation-a@7']],
    ]);
  });

  it('publishes nothing for a batch with nothing to relay', () => {
    expect(toTopicBatches(toOutboundMessages([recorded('UnitRegistered', { unitId: 'u' })]))).toEqual([]);
  });
});
