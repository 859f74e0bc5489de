import { DLQ_HEADERS } from '../contracts/finding-submissions-dlq.v1';
import { routeSubmission } from './submission-routing';

const submission = {
  submissionId: '5b0f3c1e-8d7a-4c1b-9f7e-2a3b4c5d6e7f',
  inspectionId: '00000000-0000-4000-a000-000000000301',
  submittedBy: { officialId: '00000000-0000-4000-a000-000000000202', role: 'inspector' },
  category: 'attitude',
  severity: 'major',
  title: 'Thái độ không đúng mực',
  description: 'Cán bộ trả lời người dân thiếu tôn trọng.',
  observedAt: '2024-03-05T09:00:00+07:00',
};

const message = (value: unknown, key: string | null = submission.submissionId) => ({
  topic: 'rectify.finding-submissions.v1',
  partition: 2,
  offset: '41',
  key: key === null ? null : Buffer.from(key),
  value: Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)),
});

describe('inbound submission routing', () => {
  it('dispatches a valid submission', () => {
    expect(routeSubmission(message(submission))).toEqual({ kind: 'dispatch', submission });
    expect(routeSubmission(message(submission, null))).toMatchObject({ kind: 'dispatch' });
  });

  it('dead-letters an invalid one with the reason and its origin, value and key unchanged', () => {
    const source = message({ ...submission, severity: 'huge' });
    const route = routeSubmission(source);
    expect(route.kind).toBe('dead-letter');
    if (route.kind !== 'dead-letter') return;
    expect(route.letter.value).toBe(source.value);
    expect(route.letter.key).toBe(source.key);
    expect(route.letter.headers).toEqual({
      [DLQ_HEADERS.reason]: expect.stringContaining('severity: must be one of critical, major, minor'),
      [DLQ_HEADERS.kind]: 'invalid',
      [DLQ_HEADERS.sourceTopic]: 'rectify.finding-submissions.v1',
      [DLQ_HEADERS.sourcePartition]: '2',
      [DLQ_HEADERS.sourceOffset]: '41',
    });
  });

  it('dead-letters a message whose key is not its submission id (it would break per-submission ordering)', () => {
    const route = routeSubmission(message(submission, 'other-key'));
    expect(route).toMatchObject({ kind: 'dead-letter', letter: { headers: { [DLQ_HEADERS.reason]: 'key: must equal submissionId' } } });
  });
});
