/**
 * Domain errors carry a stable code (e.g. FINDING.ALREADY_CLOSED). The HTTP edge maps
 * kinds to status codes; domain code never knows about HTTP.
 */
export type DomainErrorKind =
  | 'invalid' // the command is malformed for the domain (400/422)
  | 'not_found' // a referenced thing does not exist (404)
  | 'conflict' // illegal in the current state (409)
  | 'forbidden'; // the actor may not do this (403)

export class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly kind: DomainErrorKind = 'conflict',
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export class IllegalTransitionError extends DomainError {
  constructor(code: string, message: string, details?: Record<string, unknown>) {
    super(code, message, 'conflict', details);
    this.name = 'IllegalTransitionError';
  }
}

export class ValidationError extends DomainError {
  constructor(code: string, message: string, details?: Record<string, unknown>) {
    super(code, message, 'invalid', details);
    this.name = 'ValidationError';
  }
}

export class NotFoundError extends DomainError {
  constructor(code: string, message: string, details?: Record<string, unknown>) {
    super(code, message, 'not_found', details);
    this.name = 'NotFoundError';
  }
}

export class ForbiddenError extends DomainError {
  constructor(code: string, message: string, details?: Record<string, unknown>) {
    super(code, message, 'forbidden', details);
    this.name = 'ForbiddenError';
  }
}
