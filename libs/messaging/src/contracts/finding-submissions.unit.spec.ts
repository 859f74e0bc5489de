import { parseFindingSubmission } from './finding-submissions.v1';

const valid = {
  submissionId: '5b0f3c1e-8d7a-4c1b-9f7e-2a3b4c5d6e7f',
  inspectionId: '00000000-0000-4000-a000-000000000301',
  submittedBy: { officialId: '00000000-0000-4000-a000-000000000202', role: 'inspector' },
  category: 'equipment',
  severity: 'minor',
  title: 'Máy lấy số thứ tự hỏng',
  description: 'Máy lấy số tại bộ phận một cửa không hoạt động.',
  observedAt: '2023-01-27T08:15:00+07:00',
  evidence: [{ name: 'may-lay-so.jpg', sha256: 'b'.repeat(64) }],
};

const parse = (value: unknown) => parseFindingSubmission(Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)));

describe('finding submission validation (rectify.finding-submissions.v1)', () => {
  it('accepts a well-formed submission as is', () => {
    expect(parse(valid)).toEqual({ ok: true, submission: valid });
  });

  it.each([
    ['not JSON', '{oops', 'value: not JSON'],
    ['an array', [valid], 'value: must be a JSON object'],
    ['no submission id', { ...valid, submissionId: undefined }, 'submissionId: must be a uuid'],
    ['an unknown category', { ...valid, category: 'weather' }, 'category: must be one of'],
    ['an untrusted role', { ...valid, submittedBy: { ...valid.submittedBy, role: 'admin' } }, 'submittedBy.role'],
    ['a date without offset', { ...valid, observedAt: '2023-01-27 08:15' }, 'observedAt: must be an ISO 8601 instant'],
    ['an empty title', { ...valid, title: '  ' }, 'title: must be 1-200 characters'],
    ['bad evidence', { ...valid, evidence: [{ name: 'x', sha256: 'nope' }] }, 'evidence:'],
    ['an unknown field', { ...valid, priority: 'high' }, 'priority: unknown field'],
  ])('refuses %s, naming the field', (_case, value, reason) => {
    const result = parse(value);
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.reason).toContain(reason);
  });

  it('lists every problem at once and refuses an empty message', () => {
    const result = parse({ ...valid, severity: 'huge', title: '' });
    expect(result.ok ? '' : result.reason).toMatch(/severity: .*; title: /);
    expect(parseFindingSubmission(null)).toEqual({ ok: false, reason: 'value: empty message' });
  });
});
