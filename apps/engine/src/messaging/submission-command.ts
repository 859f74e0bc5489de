import type { CommandBus } from '@nestjs/cqrs';
import { DomainError } from '@rectify/domain';
import { IdempotencyKeyReusedError } from '@rectify/event-store';
import type { FindingSubmissionV1, SubmissionHandler } from '@rectify/messaging';
import type { RequestContext } from '../application';
import { RecordFindingCommand } from '../findings/commands/record-finding/record-finding.handler';
import type { RecordFindingRequest } from '../findings/commands/record-finding/record-finding.request';

/**
 * A field-app submission becomes the same RecordFindingCommand as POST
 * /inspections/:id/findings, through the CommandBus, with the submission id as the
 * Idempotency-Key and correlation id: a redelivery returns the first result and writes nothing.
 */
export function submissionToCommand(submission: FindingSubmissionV1): RecordFindingCommand {
  const { inspectionId, submittedBy, submissionId, category, severity, title, description, observedAt } = submission;
  const body: RecordFindingRequest = {
    category,
    severity,
    title,
    description,
    observedAt,
    ...(submission.responsibleOfficialIds ? { responsibleOfficialIds: submission.responsibleOfficialIds } : {}),
    ...(submission.evidence ? { evidence: submission.evidence } : {}),
  };
  const request: RequestContext = {
    actor: { id: submittedBy.officialId, role: submittedBy.role },
    idempotencyKey: submissionId,
    correlationId: submissionId,
  };
  return new RecordFindingCommand(inspectionId, body, request);
}

/** Domain refusals (and a reused submission id) are final: dead-letter them. Anything else is retried. */
export function submissionHandler(commands: CommandBus): SubmissionHandler {
  return async (submission) => {
    try {
      await commands.execute(submissionToCommand(submission));
      return { outcome: 'recorded' };
    } catch (error) {
      if (error instanceof DomainError) return { outcome: 'rejected', reason: `${error.code}: ${error.message}` };
      if (error instanceof IdempotencyKeyReusedError) return { outcome: 'rejected', reason: `${error.code}: ${error.message}` };
      throw error;
    }
  };
}
