/**
 * rectify.finding-submissions.dlq.v1 — submissions that will never become a finding as sent.
 * Value: the original bytes, unchanged (so a fixed producer can resend them). Key: the original key.
 * Headers say why and where from; an operator or the producer reads them, fixes, resends.
 */
export const FINDING_SUBMISSIONS_DLQ_V1 = { topic: 'rectify.finding-submissions.dlq.v1', version: 1 } as const;

export const DLQ_HEADERS = {
  reason: 'rectify-dlq-reason',
  /** 'invalid' (failed validation) or 'rejected' (refused by the domain, e.g. inspection concluded). */
  kind: 'rectify-dlq-kind',
  sourceTopic: 'rectify-dlq-source-topic',
  sourcePartition: 'rectify-dlq-source-partition',
  sourceOffset: 'rectify-dlq-source-offset',
} as const;

export interface DeadLetter {
  key: Buffer | string | null;
  value: Buffer | string | null;
  headers: Record<string, string>;
}

/** The dead letter of a consumed message: original key and value, the reason in headers. */
export function deadLetterOf(
  source: { topic: string; partition: number; offset: string; key: Buffer | null; value: Buffer | null },
  kind: 'invalid' | 'rejected',
  reason: string,
): DeadLetter {
  return {
    key: source.key,
    value: source.value,
    headers: {
      [DLQ_HEADERS.reason]: reason.slice(0, 2000),
      [DLQ_HEADERS.kind]: kind,
      [DLQ_HEADERS.sourceTopic]: source.topic,
      [DLQ_HEADERS.sourcePartition]: String(source.partition),
      [DLQ_HEADERS.sourceOffset]: source.offset,
    },
  };
}
