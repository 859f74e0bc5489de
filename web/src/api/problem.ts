/** An RFC 9457 problem+json answer (or a network failure, status 0). */
export interface FieldProblem {
  field: string;
  message: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly detail: string,
    readonly errors: FieldProblem[] = [],
  ) {
    super(`${status} ${code}: ${detail}`);
  }
}

/**
 * Domain codes (422/409, no `errors` list) → the form field they are about, so the message
 * shows next to that field rather than only at the top of the form.
 */
const CODE_FIELDS: Record<string, string> = {
  'FINDING.INVALID_TITLE': 'title',
  'FINDING.INVALID_DESCRIPTION': 'description',
  'FINDING.INVALID_CATEGORY': 'category',
  'FINDING.INVALID_SEVERITY': 'severity',
  'FINDING.INVALID_OBSERVED_AT': 'observedAt',
  'FINDING.OBSERVED_IN_FUTURE': 'observedAt',
  'FINDING.INVALID_RESPONSIBLE_OFFICIALS': 'responsibleOfficialIds',
  'FINDING.INVALID_EVIDENCE': 'evidence',
  'FINDING.INVALID_REASON': 'reason',
  'FINDING.INVALID_PLAN_ACTIONS': 'actions',
  'FINDING.INVALID_TARGET_DATE': 'targetDate',
  'FINDING.TARGET_DATE_IN_PAST': 'targetDate',
  'FINDING.INVALID_COMMENT': 'comment',
  'INSPECTION.STARTED_IN_FUTURE': 'startedAt',
  'INSPECTION.INVALID_STARTED_AT': 'startedAt',
  'INSPECTION.UNIT_NOT_FOUND': 'unitId',
  'INSPECTION.TEAM_NOT_FOUND': 'teamId',
  'INSPECTION.TEAM_NOT_INSPECTION_TEAM': 'teamId',
  'INSPECTION.INVALID_KIND': 'kind',
  'INSPECTION.INVALID_MEMBERS': 'memberIds',
  'EVIDENCE.TOO_LARGE': 'evidence',
  'EVIDENCE.TYPE_NOT_ALLOWED': 'evidence',
  'EVIDENCE.EMPTY': 'evidence',
  'EVIDENCE.FILE_REQUIRED': 'evidence',
  'EVIDENCE.BAD_MULTIPART': 'evidence',
};

/**
 * Validation codes whose detail starts with the field it is about (the discipline deciders:
 * `heldAt is in the future`, `reasons must be 1..5000 characters`): that field, else none.
 */
const DETAIL_NAMES_FIELD = /^(CASE|EVALUATION)\.INVALID_/;
function detailField(error: ApiError): string | undefined {
  if (!DETAIL_NAMES_FIELD.test(error.code)) return undefined;
  const first = /^([a-zA-Z][a-zA-Z0-9.[\]]*)\s/.exec(error.detail)?.[1];
  return first ? topField(first) : undefined;
}

/** Top-level field name of a problem path: `attachments[0].sha256` → `attachments`. */
export function topField(path: string): string {
  return path.split(/[.[]/)[0];
}

/** Per-field messages of a problem: its `errors` list, else the field its code is about. */
export function fieldProblems(error: ApiError): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  const add = (field: string, message: string) => (result[field] ??= []).push(message);
  for (const e of error.errors) add(topField(e.field), e.message);
  const codeField = CODE_FIELDS[error.code] ?? detailField(error);
  if (codeField && error.errors.length === 0) add(codeField, error.detail);
  return result;
}
