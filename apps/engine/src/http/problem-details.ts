/** RFC 9457 problem details, as every error response of the API. */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail: string;
  /** Stable machine-readable code, e.g. FINDING.ALREADY_CLOSED or VALIDATION.FAILED. */
  code: string;
  /** The request path the problem occurred on. */
  instance: string;
  errors?: FieldError[];
}

export interface FieldError {
  /** Dotted path into the body; array items as [n], e.g. `items[0].dueDate`. */
  field: string;
  message: string;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** A stable, non-resolvable identifier per code (RFC 9457 allows any URI). */
export function problemType(code: string): string {
  return `urn:rectify:problem:${code}`;
}

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  409: 'Conflict',
  412: 'Precondition Failed',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  428: 'Precondition Required',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

export function statusTitle(status: number): string {
  return TITLES[status] ?? (status >= 500 ? 'Server Error' : 'Client Error');
}

/** Code used for an HttpException that does not carry its own. */
export function defaultCode(status: number): string {
  switch (status) {
    case 400: return 'REQUEST.INVALID';
    case 401: return 'AUTH.UNAUTHENTICATED';
    case 403: return 'AUTH.FORBIDDEN';
    case 404: return 'RESOURCE.NOT_FOUND';
    case 405: return 'REQUEST.METHOD_NOT_ALLOWED';
    case 409: return 'CONFLICT';
    case 413: return 'REQUEST.TOO_LARGE';
    case 415: return 'REQUEST.UNSUPPORTED_MEDIA_TYPE';
    case 422: return 'REQUEST.UNPROCESSABLE';
    case 429: return 'REQUEST.RATE_LIMITED';
    case 503: return 'SERVICE.UNAVAILABLE';
    default: return status >= 500 ? 'INTERNAL' : `HTTP.${status}`;
  }
}
