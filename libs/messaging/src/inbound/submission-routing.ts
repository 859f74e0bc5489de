import { deadLetterOf, type DeadLetter } from '../contracts/finding-submissions-dlq.v1';
import { parseFindingSubmission, type FindingSubmissionV1 } from '../contracts/finding-submissions.v1';

export interface ConsumedMessage {
  topic: string;
  partition: number;
  offset: string;
  key: Buffer | null;
  value: Buffer | null;
}

export type SubmissionRoute = { kind: 'dispatch'; submission: FindingSubmissionV1 } | { kind: 'dead-letter'; letter: DeadLetter };

/** Valid → dispatch as a command; invalid → its dead letter, naming every bad field. */
export function routeSubmission(message: ConsumedMessage): SubmissionRoute {
  const parsed = parseFindingSubmission(message.value);
  if (!parsed.ok) return { kind: 'dead-letter', letter: deadLetterOf(message, 'invalid', parsed.reason) };
  const key = message.key?.toString();
  if (key !== undefined && key !== parsed.submission.submissionId) {
    return { kind: 'dead-letter', letter: deadLetterOf(message, 'invalid', 'key: must equal submissionId') };
  }
  return { kind: 'dispatch', submission: parsed.submission };
}
