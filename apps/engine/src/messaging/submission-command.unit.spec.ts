import type { CommandBus } from '@nestjs/cqrs';
import { ValidationError } from '@rectify/domain';
import type { FindingSubmissionV1 } from '@rectify/messaging';
import { submissionHandler, submissionToCommand } from './submission-command';

const submission: FindingSubmissionV1 = {
  submissionId: '5b0f3c1e-8d7a-4c1b-9f7e-2a3b4c5d6e7f',
  inspectionId: '00000000-0000-4000-a000-000000000301',
  submittedBy: { officialId: '00000000-0000-4000-a000-000000000202', role: 'inspector' },
  category: 'equipment',
  severity: 'minor',
  title: 'Máy lấy số thứ tự hỏng',
  description: 'Máy lấy số tại bộ phận một cửa không hoạt động.',
  observedAt: '2023-01-27T08:15:00+07:00',
};

/** A CommandBus stand-in that answers like the real handler would (no database involved). */
const busThat = (execute: () => Promise<unknown>) => ({ execute }) as unknown as CommandBus;

describe('finding submission → RecordFinding', () => {
  it('builds the command with the submission id as idempotency key and the submitter as actor', () => {
    const command = submissionToCommand(submission);
    expect(command.inspectionId).toBe(submission.inspectionId);
    expect(command.request).toEqual({
      actor: { id: submission.submittedBy.officialId, role: 'inspector' },
      idempotencyKey: submission.submissionId,
      correlationId: submission.submissionId,
    });
    expect(command.body).toEqual({
      category: 'equipment', severity: 'minor', title: submission.title, description: submission.description, observedAt: submission.observedAt,
    });
  });

  it('dead-letters domain refusals with their code and retries everything else', async () => {
    const refused = submissionHandler(busThat(() => Promise.reject(new ValidationError('INSPECTION.CONCLUDED', 'The inspection is concluded'))));
    expect(await refused(submission)).toEqual({ outcome: 'rejected', reason: 'INSPECTION.CONCLUDED: The inspection is concluded' });
    const down = submissionHandler(busThat(() => Promise.reject(new Error('connection refused'))));
    await expect(down(submission)).rejects.toThrow('connection refused');
    expect(await submissionHandler(busThat(() => Promise.resolve({})))(submission)).toEqual({ outcome: 'recorded' });
  });
});
