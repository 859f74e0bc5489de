import { FINDING_CATEGORIES, FINDING_LIMITS, FINDING_SEVERITIES, type FindingCategory, type FindingSeverity } from '@rectify/domain';

/**
 * rectify.finding-submissions.v1 (inbound) — a finding recorded by a field app, to become a
 * RecordFinding command. Key: the submission id. The submission id is the command's
 * idempotency key: a redelivered or resent message records nothing new. `submittedBy` is
 * trusted as the actor, exactly like a verified token on HTTP: only the field-app gateway
 * may produce to this topic (Kafka ACLs).
 * Invalid messages go to rectify.finding-submissions.dlq.v1 with the reason.
 */
export const FINDING_SUBMISSIONS_V1 = { topic: 'rectify.finding-submissions.v1', version: 1 } as const;

export interface FindingSubmissionV1 {
  submissionId: string;
  inspectionId: string;
  submittedBy: { officialId: string; role: 'inspector' | 'team_lead' };
  category: FindingCategory;
  severity: FindingSeverity;
  title: string;
  description: string;
  /** ISO 8601 instant with an offset, e.g. 2023-01-19T09:30:00+07:00. */
  observedAt: string;
  responsibleOfficialIds?: string[];
  evidence?: { name: string; sha256: string; url?: string }[];
}

export type SubmissionParse = { ok: true; submission: FindingSubmissionV1 } | { ok: false; reason: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
const SUBMITTER_ROLES = ['inspector', 'team_lead'] as const;
const ALLOWED = new Set([
  'submissionId', 'inspectionId', 'submittedBy', 'category', 'severity', 'title', 'description', 'observedAt',
  'responsibleOfficialIds', 'evidence',
]);

/**
 * Validates a raw message value. Every rule names the field; unknown fields are refused (as
 * on HTTP), so a producer's typo never silently drops data. Domain rules that need the
 * store (inspection open, officials exist) are the command handler's, not this parser's.
 */
export function parseFindingSubmission(value: Buffer | string | null): SubmissionParse {
  if (value === null || value.length === 0) return fail('value: empty message');
  let body: unknown;
  try {
    body = JSON.parse(value.toString());
  } catch {
    return fail('value: not JSON');
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return fail('value: must be a JSON object');
  const input = body as Record<string, unknown>;
  const problems = [
    ...Object.keys(input).filter((key) => !ALLOWED.has(key)).map((key) => `${key}: unknown field`),
    ...check(input),
  ];
  return problems.length > 0 ? fail(problems.join('; ')) : { ok: true, submission: input as unknown as FindingSubmissionV1 };
}

function check(input: Record<string, unknown>): string[] {
  const problems: string[] = [];
  const need = (ok: boolean, problem: string) => void (ok || problems.push(problem));
  need(isUuid(input.submissionId), 'submissionId: must be a uuid');
  need(isUuid(input.inspectionId), 'inspectionId: must be a uuid');
  const by = input.submittedBy as Record<string, unknown> | undefined;
  need(typeof by === 'object' && by !== null && isUuid(by.officialId), 'submittedBy.officialId: must be a uuid');
  need(includes(SUBMITTER_ROLES, by?.role), `submittedBy.role: must be one of ${SUBMITTER_ROLES.join(', ')}`);
  need(includes(FINDING_CATEGORIES, input.category), `category: must be one of ${FINDING_CATEGORIES.join(', ')}`);
  need(includes(FINDING_SEVERITIES, input.severity), `severity: must be one of ${FINDING_SEVERITIES.join(', ')}`);
  need(isText(input.title, FINDING_LIMITS.titleMax), `title: must be 1-${FINDING_LIMITS.titleMax} characters`);
  need(isText(input.description, FINDING_LIMITS.descriptionMax), `description: must be 1-${FINDING_LIMITS.descriptionMax} characters`);
  need(typeof input.observedAt === 'string' && INSTANT.test(input.observedAt) && !Number.isNaN(Date.parse(input.observedAt)),
    'observedAt: must be an ISO 8601 instant with an offset');
  const officials = input.responsibleOfficialIds;
  need(officials === undefined || (Array.isArray(officials) && officials.length <= 50 && officials.every((id) => isText(id, 100))),
    'responsibleOfficialIds: must be at most 50 ids');
  const evidence = input.evidence;
  need(evidence === undefined || (Array.isArray(evidence) && evidence.length <= 20 && evidence.every(isEvidence)),
    'evidence: must be at most 20 items of {name, sha256 (64 hex), url?}');
  return problems;
}

const isUuid = (value: unknown): value is string => typeof value === 'string' && UUID.test(value);
const isText = (value: unknown, max: number): boolean => typeof value === 'string' && value.trim().length >= 1 && value.length <= max;
const includes = (allowed: readonly string[], value: unknown): boolean => typeof value === 'string' && allowed.includes(value);

function isEvidence(item: unknown): boolean {
  if (typeof item !== 'object' || item === null) return false;
  const { name, sha256, url, ...rest } = item as Record<string, unknown>;
  return Object.keys(rest).length === 0 && isText(name, FINDING_LIMITS.evidenceNameMax) &&
    typeof sha256 === 'string' && /^[0-9a-f]{64}$/i.test(sha256) &&
    (url === undefined || (typeof url === 'string' && /^https?:\/\/\S+$/.test(url) && url.length <= FINDING_LIMITS.urlMax));
}

function fail(reason: string): SubmissionParse {
  return { ok: false, reason };
}
